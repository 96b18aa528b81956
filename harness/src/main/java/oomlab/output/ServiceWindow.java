package oomlab.output;

/**
 * One window of the service workload's own account (its {@code window} event).
 *
 * @param phase    "warmup", "steady" or "after-deploy"
 * @param cpuCores the process's CPU time over the window divided by the window's length
 * @param rate     requests completed per second
 * @param p50Ms    latency percentiles in milliseconds, from each request's intended start
 */
public record ServiceWindow(int window, double fromS, double toS, String phase, double cpuCores, double rate,
                            double p50Ms, double p99Ms, double p999Ms) {
}

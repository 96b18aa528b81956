package oomlab.container;

/**
 * Where one run's wall time went on the lab's side of the container, in ms: what the benchmark sets against the
 * floor (the same JVM in a raw cgroup), to see which part of the lab's own cost serves the measurement.
 *
 * @param createMs    asking Docker for the container until it exists (the image looked up, the container made)
 * @param startMs     created until Docker says it runs (the cgroup made, the process started; sampling began)
 * @param runMs       running until its process ended (the JVM's own time, the floor's part)
 * @param drainMs     its output read to the end after the exit
 * @param removeMs    the container (and its load generator) stopped and removed
 * @param kernelLogMs the kernel's log read for the container's OOM kill (only after a SIGKILL)
 */
public record RunPhases(long createMs, long startMs, long runMs, long drainMs, long removeMs, long kernelLogMs) {
    public long totalMs() {
        return createMs + startMs + runMs + drainMs + removeMs + kernelLogMs;
    }
}

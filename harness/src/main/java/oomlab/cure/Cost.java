package oomlab.cure;

import java.util.List;
import oomlab.output.ServiceWindow;
import oomlab.result.RunResult;

/**
 * What one run cost at its load, in figures that compare across configurations at the same request rate. From the
 * service workload's own windows where it reports them (CPU per 1,000 requests in the steady windows before any
 * deploy and in those after it, the worst window's p99), else from the load's windows once it was steady (the
 * container's CPU per 1,000 answered requests from where the JIT went quiet, the worst steady second's p99; none
 * where it never settled: never a figure from its warm-up), else from the workload's own work (CPU per 1,000
 * units), else, for a program that did its work and exited (a batch job, whose warm-up is part of what its work
 * costs), the CPU and the wall time to its exit.
 *
 * @param source          where the figures come from, in words ("service windows", "load windows, steady from 42 s",
 *                        "load windows: not steady ...", "work", "to its exit")
 * @param steadyCpuMs     CPU milliseconds per 1,000 requests (or units) before any deploy; null when not measured
 * @param afterDeployCpuMs the same after the deploy; null where there was none, or the run did not get there
 * @param p99Ms           the worst steady window's p99 (or the load's p99); null without a load
 * @param peakOfCap       the run's peak memory as a share of its cap
 */
public record Cost(String source, Double steadyCpuMs, Double afterDeployCpuMs, Double p99Ms, double peakOfCap,
                   Double wallMs) {

    public static Cost of(RunResult result) {
        double peak = result.memory().peakOfCap();
        if (result.service() != null && !result.service().windows().isEmpty()) {
            List<ServiceWindow> windows = result.service().windows();
            return new Cost("service windows", perThousand(windows, "steady"), perThousand(windows, "after-deploy"),
                    result.service().steadyP99Ms(), peak, null);
        }
        if (result.load() != null && result.load().steady() != null) {
            oomlab.analysis.SteadyState steady = result.load().steady();
            return steady.steady()
                    ? new Cost(String.format(java.util.Locale.ROOT, "load windows, steady from %.0f s",
                    steady.steadyFromS()), steady.cpuMsPer1000(), null, steady.p99Ms(), peak, null)
                    : new Cost("load windows: " + steady.why(), null, null, null, peak, null);
        }
        if (result.load() != null && result.load().measured() != null && result.load().measured().ok() > 0) {
            // a result from before the lab made windows: the whole run's CPU, start-up included
            double cpuMs = result.memory().cpuSeconds() * 1000;
            return new Cost("load generator (whole run)", cpuMs / result.load().measured().ok() * 1000, null,
                    result.load().measured().p99Ms(), peak, null);
        }
        if (result.work() != null && result.work().ops() > 0 && result.work().cpuMs() > 0) {
            return new Cost("work", result.work().cpuMs() * 1000.0 / result.work().ops(), null, null, peak, null);
        }
        if (result.load() == null && result.exit().verdict() == oomlab.verdict.Verdict.SURVIVED
                && result.memory().cpuSeconds() > 0 && result.container().timeToExitMs() > 0) {
            return new Cost("to its exit", result.memory().cpuSeconds() * 1000, null, null, peak,
                    (double) result.container().timeToExitMs());
        }
        return new Cost("none", null, null, null, peak, null);
    }

    /** CPU time per 1,000 requests in the phase's windows: their CPU over their completed requests. */
    private static Double perThousand(List<ServiceWindow> windows, String phase) {
        double cpuMs = 0;
        double requests = 0;
        for (ServiceWindow window : windows) {
            if (window.phase().equals(phase) && window.rate() > 0) {
                double seconds = window.toS() - window.fromS();
                cpuMs += window.cpuCores() * seconds * 1000;
                requests += window.rate() * seconds;
            }
        }
        return requests == 0 ? null : cpuMs / requests * 1000;
    }
}

package oomlab.result;

import oomlab.container.LoadOutcome;
import oomlab.output.LoadReport;

/**
 * The load on a service, composed from the stages that saw it: how the container stage ran it (network, routes,
 * readiness), what the generator measured (rate, errors, latency; null when it never reported), and the analysis's
 * windows and steady state (the generator's seconds joined with the container's CPU and the JIT's compilations;
 * null in results from before the lab made them).
 */
public record LoadResult(LoadOutcome run, LoadReport measured, oomlab.analysis.SteadyState steady) {
    /** The container's memory growth over the steady windows (or a never-steady run's last ones); null unmeasured. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public oomlab.analysis.SteadyState.MemoryTrend memoryTrend() {
        return steady == null ? null : steady.memory();
    }

    /** The memory growth when it was measured still growing as the load ended; empty when settled or unmeasured. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public java.util.Optional<oomlab.analysis.SteadyState.MemoryTrend> memoryStillGrowing() {
        oomlab.analysis.SteadyState.MemoryTrend trend = memoryTrend();
        return trend == null || trend.settled() ? java.util.Optional.empty() : java.util.Optional.of(trend);
    }

    /** How the stream ended, in a few words: sent in full, ended by the lab once steady, or cut short. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String ending() {
        if (measured == null) {
            return "not sent";
        }
        if (measured.completed()) {
            return "sent in full";
        }
        return run != null && run.endedEarly() != null ? "ended once steady" : "cut short by the death";
    }
}

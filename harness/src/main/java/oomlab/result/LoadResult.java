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
    /** How the stream ended, in a few words: sent in full, ended by the lab once steady, or cut short. */
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

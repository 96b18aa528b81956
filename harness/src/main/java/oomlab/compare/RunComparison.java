package oomlab.compare;

/**
 * One run compared with the same run (scenario, configuration, JDK) of the baseline.
 *
 * @param status     "ok", "drift" (beyond a tolerance: a regression), "verdict changed" (a regression), "new"
 *                   (not in the baseline) or "missing" (in the baseline, not now: a regression)
 * @param peakChange the current value against the baseline's, as a fraction (0.12 = 12% higher); null where
 *                   either side has none
 */
public record RunComparison(String run, int jdk, String baselineVerdict, String verdict, Double peakChange,
                            Double timeToExitChange, Double cpuChange, String status, String detail) {
    public boolean regression() {
        return !status.equals("ok") && !status.equals("new");
    }
}

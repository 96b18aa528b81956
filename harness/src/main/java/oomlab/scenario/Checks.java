package oomlab.scenario;

import java.util.List;

/**
 * Extra expectations of a scenario beyond its verdicts, each optional (null = not checked).
 *
 * @param peakAtLeast    the highest cgroup usage must reach this fraction of the cap (e.g. 0.9)
 * @param peakAtMost     the highest cgroup usage must stay at or below this fraction of the cap
 * @param nmtGrowth      the NMT category that must grow the most between the first and last probe sample
 * @param growthMostlyIn categories (NMT names, or "unexplained" for RSS beyond NMT's total) that must
 *                       together hold more than half of the growth from the first to the last probe sample
 * @param compiledBy     exactly the JIT compilers that must have compiled methods (CITime's names: C1, C2,
 *                       JVMCI): proof that a configuration really ran the compiler it names
 * @param madeNotEntrantRisesAfter a phase the workload marks ({@code oomlab-phase}): more compiled code must be
 *                       made not entrant in the seconds after it than in as many seconds before (a deopt storm)
 * @param jitFindings    what the JIT must have reported, by {@code JitFinding} kind (e.g. "compiler disabled
 *                       (code cache full)")
 * @param crashReport    true: the JVM must have written its crash report (hs_err) and the lab kept it; the proof
 *                       that a CRASHED run crashed the JVM, not merely exited non-zero
 * @param memoryGrowthAtMost MB a minute: a service under load must not be measurably growing faster than this over
 *                       its steady windows (the low end of the growth's 95% interval at most this; 0 = settled)
 */
public record Checks(Double peakAtLeast, Double peakAtMost, String nmtGrowth, List<String> growthMostlyIn,
                     List<String> compiledBy, String madeNotEntrantRisesAfter, List<String> jitFindings,
                     Boolean crashReport, Double memoryGrowthAtMost) {
    public static final Checks NONE = new Checks(null, null, null, null, null);

    public Checks(Double peakAtLeast, Double peakAtMost, String nmtGrowth, List<String> growthMostlyIn,
                  List<String> compiledBy) {
        this(peakAtLeast, peakAtMost, nmtGrowth, growthMostlyIn, compiledBy, null, null, null, null);
    }
}

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
    public static final Checks NONE = builder().build();

    /** Checks by name, each unset one not checked: {@code Checks.builder().peakAtMost(0.85).build()}. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Double peakAtLeast;
        private Double peakAtMost;
        private String nmtGrowth;
        private List<String> growthMostlyIn;
        private List<String> compiledBy;
        private String madeNotEntrantRisesAfter;
        private List<String> jitFindings;
        private Boolean crashReport;
        private Double memoryGrowthAtMost;

        private Builder() {
        }

        public Builder peakAtLeast(double fraction) {
            this.peakAtLeast = fraction;
            return this;
        }

        public Builder peakAtMost(double fraction) {
            this.peakAtMost = fraction;
            return this;
        }

        public Builder nmtGrowth(String category) {
            this.nmtGrowth = category;
            return this;
        }

        public Builder growthMostlyIn(String... categories) {
            this.growthMostlyIn = List.of(categories);
            return this;
        }

        public Builder compiledBy(String... compilers) {
            this.compiledBy = List.of(compilers);
            return this;
        }

        public Builder madeNotEntrantRisesAfter(String phase) {
            this.madeNotEntrantRisesAfter = phase;
            return this;
        }

        public Builder jitFindings(String... kinds) {
            this.jitFindings = List.of(kinds);
            return this;
        }

        public Builder crashReport(boolean wanted) {
            this.crashReport = wanted;
            return this;
        }

        public Builder memoryGrowthAtMost(double mbPerMinute) {
            this.memoryGrowthAtMost = mbPerMinute;
            return this;
        }

        public Checks build() {
            return new Checks(peakAtLeast, peakAtMost, nmtGrowth, growthMostlyIn, compiledBy,
                    madeNotEntrantRisesAfter, jitFindings, crashReport, memoryGrowthAtMost);
        }
    }
}

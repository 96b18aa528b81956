package oomlab.scenario;

/**
 * Extra expectations of a scenario beyond its verdicts, each optional (null = not checked).
 *
 * @param peakAtLeast  the highest cgroup usage must reach this fraction of the cap (e.g. 0.9)
 * @param peakAtMost   the highest cgroup usage must stay at or below this fraction of the cap
 * @param nmtGrowth    the NMT category that must grow the most between the first and last probe sample
 */
public record Checks(Double peakAtLeast, Double peakAtMost, String nmtGrowth) {
    public static final Checks NONE = new Checks(null, null, null);
}

package oomlab.sampling;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the probe's NMT samples say about where memory went: each category's committed bytes at the first
 * and last sample and at its peak, how much each grew, and how much of the process's RSS NMT cannot
 * account for (malloc retention, native libraries, anything outside the JVM's books).
 *
 * @param dominantNmtGrowth       the NMT category that grew the most from the first to the last sample, or null
 * @param unexplainedBytes        VmRSS minus NMT's committed total at the sample with the highest RSS. Negative
 *                                when NMT counts memory committed but not yet touched (a heap without
 *                                AlwaysPreTouch)
 * @param unexplainedGrowthBytes  how much RSS beyond NMT's total grew from the first sample to the last, the gap
 *                                counted from zero: while RSS is below NMT's total (memory committed but not yet
 *                                touched, such as a heap filling up without AlwaysPreTouch) nothing is beyond
 *                                NMT, so touching what NMT already counts is not taken for memory it cannot see
 */
public record NmtStats(int probeSamples, Map<String, Long> first, Map<String, Long> last, Map<String, Long> peak,
                       Map<String, Long> growth, String dominantNmtGrowth, long unexplainedBytes,
                       long unexplainedGrowthBytes) {
    /** The name of RSS growth beyond NMT's total, among the categories (as in the checks' growthMostlyIn). */
    public static final String UNEXPLAINED = "unexplained";
    private static final String TOTAL = "Total";

    public NmtStats {
        first = Map.copyOf(first);
        last = Map.copyOf(last);
        peak = Map.copyOf(peak);
        growth = Map.copyOf(growth);
    }

    public static NmtStats of(List<ProbeLine> lines) {
        if (lines.isEmpty()) {
            return new NmtStats(0, Map.of(), Map.of(), Map.of(), Map.of(), null, 0, 0);
        }
        Map<String, Long> peaks = new LinkedHashMap<>();
        ProbeLine peakRss = lines.get(0);
        for (ProbeLine line : lines) {
            line.nmt().forEach((category, bytes) -> peaks.merge(category, bytes, Math::max));
            if (line.rssBytes() > peakRss.rssBytes()) {
                peakRss = line;
            }
        }
        Map<String, Long> first = lines.get(0).nmt();
        Map<String, Long> last = lines.get(lines.size() - 1).nmt();
        Map<String, Long> growth = new LinkedHashMap<>();
        last.forEach((category, bytes) -> {
            if (!category.equals(TOTAL)) {
                growth.put(category, bytes - first.getOrDefault(category, 0L));
            }
        });
        String dominant = growth.entrySet().stream().filter(e -> e.getValue() > 0)
                .max(Comparator.comparingLong(Map.Entry::getValue)).map(Map.Entry::getKey).orElse(null);
        long unexplainedGrowth = Math.max(0, unexplained(lines.get(lines.size() - 1)))
                - Math.max(0, unexplained(lines.get(0)));
        return new NmtStats(lines.size(), first, last, peaks, growth, dominant, unexplained(peakRss),
                unexplainedGrowth);
    }

    private static long unexplained(ProbeLine line) {
        return line.nmt().containsKey(TOTAL) ? line.rssBytes() - line.nmt().get(TOTAL) : 0;
    }

    /**
     * What grew most, NMT's categories and the memory NMT cannot see ({@value #UNEXPLAINED}) side by side: a
     * leak outside NMT (zlib, a native library) must not be reported as the biggest NMT category.
     */
    @JsonProperty
    public String grewMost() {
        long top = dominantNmtGrowth == null ? 0 : growth.get(dominantNmtGrowth);
        return unexplainedGrowthBytes > top ? UNEXPLAINED : dominantNmtGrowth;
    }

    /**
     * The part of all growth (positive NMT category growth plus positive unexplained growth) that lies in
     * the named categories, from 0 to 1.
     */
    public double shareOf(Collection<String> categories) {
        long all = Math.max(0, unexplainedGrowthBytes);
        long named = categories.contains(UNEXPLAINED) ? Math.max(0, unexplainedGrowthBytes) : 0;
        for (Map.Entry<String, Long> e : growth.entrySet()) {
            long grew = Math.max(0, e.getValue());
            all += grew;
            if (categories.contains(e.getKey())) {
                named += grew;
            }
        }
        return all == 0 ? 0 : (double) named / all;
    }
}

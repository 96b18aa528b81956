package oomlab.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import oomlab.sampling.ProbeLine;

/**
 * What the probe's NMT samples say about where memory went: the peak of each category, and how much of
 * the process's RSS NMT cannot account for (malloc retention, libraries, anything outside the JVM's books).
 */
public record NmtSummaryStats(Map<String, Long> peakByCategory, long unexplainedBytesAtPeak,
                              long unexplainedGrowthBytes) {
    private static final String TOTAL = "Total";

    public static NmtSummaryStats of(List<ProbeLine> lines) {
        Map<String, Long> peaks = new LinkedHashMap<>();
        ProbeLine peakRss = null;
        for (ProbeLine line : lines) {
            line.nmt().forEach((category, bytes) -> peaks.merge(category, bytes, Math::max));
            if (peakRss == null || line.rssBytes() > peakRss.rssBytes()) {
                peakRss = line;
            }
        }
        if (lines.isEmpty()) {
            return new NmtSummaryStats(peaks, 0, 0);
        }
        long growth = unexplained(lines.get(lines.size() - 1)) - unexplained(lines.get(0));
        return new NmtSummaryStats(peaks, unexplained(peakRss), growth);
    }

    private static long unexplained(ProbeLine line) {
        return line.nmt().containsKey(TOTAL) ? line.rssBytes() - line.nmt().get(TOTAL) : 0;
    }
}

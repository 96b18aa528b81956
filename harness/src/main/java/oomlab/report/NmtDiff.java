package oomlab.report;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import oomlab.result.RunResult;
import oomlab.sampling.NmtStats;

/**
 * A run's NMT figures in the form users know from {@code jcmd <pid> VM.native_memory summary.diff}: per category
 * the committed memory and its change against the first probe sample, once at each category's peak and once
 * at the last sample (for a killed run, the last moment before the kill).
 */
public final class NmtDiff {
    public static final String FILE = "nmt-diff.txt";
    private static final String TOTAL = "Total";
    private static final long MB = 1 << 20;

    private NmtDiff() {
    }

    public static String text(RunResult result) {
        NmtStats nmt = result.nmt();
        StringBuilder out = new StringBuilder();
        out.append("Native Memory Tracking of ").append(result.run().displayName()).append(" (")
                .append(result.exit().verdict()).append(", ").append(nmt.probeSamples()).append(" probe samples)\n");
        if (nmt.probeSamples() == 0) {
            return out.append("\nNo probe samples: the JVM ended before its first NMT reading.\n").toString();
        }
        section(out, "first sample -> peak of each category", nmt.first(), nmt.peak());
        section(out, "first sample -> last sample", nmt.first(), nmt.last());
        out.append(String.format(Locale.ROOT, "%nRSS beyond NMT's total: %+d MB at the RSS peak, grew %+d MB%n",
                nmt.unexplainedBytes() / MB, nmt.unexplainedGrowthBytes() / MB));
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Long> first, Map<String, Long> now) {
        out.append("\n").append(title).append(":\n\n");
        out.append(line(TOTAL, first, now, "")).append("\n");
        TreeSet<String> categories = new TreeSet<>(Comparator.comparingLong((String c) -> -now.getOrDefault(c, 0L))
                .thenComparing(Comparator.naturalOrder()));
        categories.addAll(now.keySet());
        categories.addAll(first.keySet());
        categories.remove(TOTAL);
        for (String category : categories) {
            out.append(line(category, first, now, "-")).append("\n");
        }
    }

    private static String line(String category, Map<String, Long> first, Map<String, Long> now, String bullet) {
        long committed = now.getOrDefault(category, 0L);
        long delta = committed - first.getOrDefault(category, 0L);
        String change = delta == 0 ? "" : String.format(Locale.ROOT, " %+dMB", Math.round((double) delta / MB));
        if (bullet.isEmpty()) {
            return String.format(Locale.ROOT, "Total: committed=%dMB%s", Math.round((double) committed / MB), change);
        }
        return String.format(Locale.ROOT, "-%26s (committed=%dMB%s)", category, Math.round((double) committed / MB),
                change);
    }
}

package oomlab.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import oomlab.sizing.SizingResult;

/**
 * The right-sizing search's answer on one table and one chart: per configuration the smallest cap that
 * survived, the margin to the largest that did not, the runs it took, and the sizing formula's figure for the
 * same heap and flags. Written as right-sizing.md and right-sizing.html (an ECharts bar chart, inlined).
 */
public final class RightSizingReport {
    /** The page's template (under oomlab/report/), named as the page it becomes. */
    static final String HTML = "right-sizing.html";
    private static final long MB = 1 << 20;

    private RightSizingReport() {
    }

    public static String table(List<SizingResult> results) {
        StringBuilder out = new StringBuilder("| scenario | config | JDK | smallest surviving cap MB | largest failing"
                + " cap MB | margin MB | runs | sizing formula MB | formula ÷ measured |\n|---|---|---|---|---|---|---|---|---|\n");
        for (SizingResult r : results) {
            boolean found = r.search().found();
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %d (each cap x%d) | %d | %s |%n",
                    r.scenario(), r.config(), r.jdk(),
                    found ? Long.toString(r.search().smallestSurvivingBytes() / MB) : "none up to the ceiling",
                    r.search().largestFailingBytes() < 0 ? "none (the floor survived)"
                            : Long.toString(r.search().largestFailingBytes() / MB),
                    r.search().marginBytes() < 0 ? "-" : Long.toString(r.search().marginBytes() / MB),
                    r.runs(), r.repeats(), r.formulaBytes() / MB,
                    found ? String.format(Locale.ROOT, "%.2f", (double) r.formulaBytes()
                            / r.search().smallestSurvivingBytes()) : "-"));
        }
        for (SizingResult r : results) {
            out.append("\n").append(r.runName()).append(": ").append(r.search().steps().stream()
                    .map(s -> s.capBytes() / MB + " MB " + (s.survived() ? "survived" : "did not"))
                    .collect(Collectors.joining(", ")));
        }
        return out.append('\n').toString();
    }

    /** The chart's page (right-sizing.html: an ECharts bar chart, inlined). */
    static final ResultFormat<SizingResult> PAGE = (root, results, out) -> out.append(
            Page.render(HTML, new ChartData(results.stream().map(ChartRun::of).toList())));

    /** What the page shows, as the JSON its script reads. */
    record ChartData(List<ChartRun> runs) {
    }

    record ChartRun(String name, Long smallestSurvivingMb, Long largestFailingMb, Long marginMb, int runs,
                    long formulaMb, List<String> steps) {
        static ChartRun of(SizingResult r) {
            return new ChartRun(r.runName(), r.search().found() ? r.search().smallestSurvivingBytes() / MB : null,
                    r.search().largestFailingBytes() < 0 ? null : r.search().largestFailingBytes() / MB,
                    r.search().marginBytes() < 0 ? null : r.search().marginBytes() / MB, r.runs(),
                    r.formulaBytes() / MB, r.search().steps().stream()
                    .map(s -> s.capBytes() / MB + " MB " + (s.survived() ? "survived" : "did not")).toList());
        }
    }
}

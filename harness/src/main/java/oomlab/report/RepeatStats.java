package oomlab.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import oomlab.result.RunResult;

/**
 * The repeats of one run (-Doomlab.repeat=N: the same scenario, configuration and JDK N times): whether they
 * agree on the verdict, and the spread of time to exit and peak. A verdict that is not N of N is flaky, and
 * says so.
 *
 * @param verdicts how many runs got each verdict, most first
 */
public record RepeatStats(String scenario, String config, int jdk, int runs, Map<String, Long> verdicts,
                          Spread exitSeconds, Spread peakMb) {

    /** min, median, max and coefficient of variation (standard deviation / mean) of one figure. */
    public record Spread(double min, double median, double max, double cv) {
        static Spread of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            double mean = Arrays.stream(sorted).average().orElse(0);
            double variance = Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum() / n;
            return new Spread(sorted[0], median, sorted[n - 1], mean == 0 ? 0 : Math.sqrt(variance) / mean);
        }

        String text(String format) {
            return String.format(Locale.ROOT, format + " / " + format + " / " + format + " (CV %.0f%%)", min, median,
                    max, cv * 100);
        }
    }

    public boolean agreed() {
        return verdicts.size() == 1;
    }

    /** e.g. "5/5 OOM_KILLED", or "3/5 OOM_KILLED, 2/5 STALLED (flaky)". */
    public String agreement() {
        String counts = verdicts.entrySet().stream().map(e -> e.getValue() + "/" + runs + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return agreed() ? counts : counts + " (flaky)";
    }

    /** One entry per scenario × configuration × JDK that was run more than once, in the order first seen. */
    public static List<RepeatStats> of(List<RunResult> results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.run().scenario() + "\u0000" + r.run().config() + "\u0000" + r.run().jdkMajor(),
                    key -> new ArrayList<>()).add(r);
        }
        List<RepeatStats> stats = new ArrayList<>();
        for (List<RunResult> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            Map<String, Long> counted = new TreeMap<>(group.stream()
                    .collect(Collectors.groupingBy(r -> r.exit().verdict().name(), Collectors.counting())));
            Map<String, Long> verdicts = new LinkedHashMap<>();
            counted.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> verdicts.put(e.getKey(), e.getValue()));
            RunResult first = group.get(0);
            stats.add(new RepeatStats(first.run().scenario(), first.run().config(), first.run().jdkMajor(),
                    group.size(), verdicts, spread(group, r -> r.container().timeToExitMs() / 1000.0),
                    spread(group, r -> r.memory().peakBytes() / (double) (1 << 20))));
        }
        return stats;
    }

    private static Spread spread(List<RunResult> group, ToDoubleFunction<RunResult> figure) {
        return Spread.of(group.stream().mapToDouble(figure).toArray());
    }
}

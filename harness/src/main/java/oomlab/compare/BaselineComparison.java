package oomlab.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import oomlab.result.RunResult;
import oomlab.scenario.Tolerances;

/**
 * Compares a set of results with a baseline (last night's, say), run by run: a verdict that changed, a run
 * that went missing, or a peak, time to exit or CPU that drifted beyond its scenario's tolerances is a
 * regression. Reads only results, through the one result reader.
 */
public final class BaselineComparison {
    private BaselineComparison() {
    }

    /** @param tolerances the tolerances of a scenario by its name (the scenario file's, else the defaults) */
    public static List<RunComparison> compare(List<RunResult> baseline, List<RunResult> current,
                                              Function<String, Tolerances> tolerances) {
        Map<String, RunResult> before = byKey(baseline);
        Map<String, RunResult> now = byKey(current);
        List<RunComparison> comparisons = new ArrayList<>();
        now.forEach((key, result) -> {
            RunResult old = before.get(key);
            comparisons.add(old == null ? new RunComparison(name(result), result.run().jdkMajor(), null,
                    result.exit().verdict().name(), null, null, null, "new", "not in the baseline")
                    : compare(old, result, tolerances.apply(result.run().scenario()).orDefaults()));
        });
        before.forEach((key, old) -> {
            if (!now.containsKey(key)) {
                comparisons.add(new RunComparison(name(old), old.run().jdkMajor(), old.exit().verdict().name(), null,
                        null, null, null, "missing", "in the baseline, not in these results"));
            }
        });
        return comparisons;
    }

    static RunComparison compare(RunResult old, RunResult now, Tolerances tolerances) {
        Double peak = change(old.memory().peakBytes(), now.memory().peakBytes());
        Double time = change(old.container().timeToExitMs(), now.container().timeToExitMs());
        Double cpu = change(old.memory().cpuSeconds(), now.memory().cpuSeconds());
        String status = "ok";
        List<String> details = new ArrayList<>();
        if (old.exit().verdict() != now.exit().verdict()) {
            status = "verdict changed";
            details.add(old.exit().verdict() + " -> " + now.exit().verdict());
        }
        drift("peak", peak, tolerances.peak(), Math.abs(now.memory().peakBytes() - old.memory().peakBytes())
                >= Tolerances.MIN_PEAK_CHANGE_BYTES, details);
        drift("time to exit", time, tolerances.timeToExit(), Math.abs(now.container().timeToExitMs()
                - old.container().timeToExitMs()) >= Tolerances.MIN_TIME_CHANGE_MS, details);
        drift("CPU", cpu, tolerances.cpu(), Math.abs(now.memory().cpuSeconds() - old.memory().cpuSeconds())
                >= Tolerances.MIN_CPU_CHANGE_SECONDS, details);
        if (status.equals("ok") && !details.isEmpty()) {
            status = "drift";
        }
        return new RunComparison(name(now), now.run().jdkMajor(), old.exit().verdict().name(),
                now.exit().verdict().name(), peak, time, cpu, status, String.join("; ", details));
    }

    private static void drift(String what, Double change, double tolerance, boolean largeEnough,
                              List<String> details) {
        if (change != null && largeEnough && Math.abs(change) > tolerance) {
            details.add(String.format(Locale.ROOT, "%s %+.0f%% (tolerance ±%.0f%%)", what, change * 100,
                    tolerance * 100));
        }
    }

    /** (now − before) / before; null where either is unknown (negative) or the baseline is zero. */
    static Double change(double before, double now) {
        return before <= 0 || now < 0 ? null : (now - before) / before;
    }

    public static void write(List<RunComparison> comparisons, Appendable out) throws IOException {
        out.append("| run | JDK | baseline | now | peak | time to exit | CPU | status |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (RunComparison c : comparisons) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |%n", c.run(), c.jdk(),
                    dash(c.baselineVerdict()), dash(c.verdict()), percent(c.peakChange()),
                    percent(c.timeToExitChange()), percent(c.cpuChange()),
                    c.regression() ? "REGRESSION: " + c.status() + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")")
                            : c.status()));
        }
        long regressions = comparisons.stream().filter(RunComparison::regression).count();
        out.append(String.format(Locale.ROOT, "%n%d run(s) compared with the baseline: %d regression(s)%n",
                comparisons.size(), regressions));
    }

    private static String percent(Double change) {
        return change == null ? "-" : String.format(Locale.ROOT, "%+.0f%%", change * 100);
    }

    private static String dash(String text) {
        return text == null ? "-" : text;
    }

    private static String name(RunResult r) {
        return r.run().scenario() + " / " + r.run().runName();
    }

    private static Map<String, RunResult> byKey(List<RunResult> results) {
        Map<String, RunResult> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.run().scenario() + "|" + r.run().config() + "|" + r.run().jdkMajor(), r));
        return map;
    }
}

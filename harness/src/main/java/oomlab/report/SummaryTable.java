package oomlab.report;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import oomlab.output.WorkReport;
import oomlab.result.CheckResult;
import oomlab.result.RunResult;
import oomlab.verdict.Verdict;

/**
 * Results as one table, scenario × configuration × JDK: the judgement, verdict against expectation, time to
 * exit, peak, CPU, CPU per unit of work (and its ratio to the scenario's first configuration on the same
 * JDK), what grew most, and RSS beyond NMT. Failed checks are listed under the table.
 */
public final class SummaryTable implements ResultFormat<RunResult> {
    /** The table alone, as the console prints it. */
    public void write(List<RunResult> results, Appendable out) throws IOException {
        write(null, results, out);
    }

    @Override
    public void write(java.nio.file.Path root, List<RunResult> results, Appendable out) throws IOException {
        out.append("| scenario | config | JDK | judgement | verdict | expected | exit s | peak MB | peak/cap | CPU s"
                + " | CPU ms/unit | vs first | work | grew most | unexplained MB |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        String baselineKey = "";
        Double baseline = null;
        for (RunResult r : results) {
            String key = r.run().scenario() + "/" + r.run().jdkMajor();
            Double perUnit = r.work() == null ? null : r.work().cpuSecondsPerUnit();
            if (!key.equals(baselineKey)) {
                baselineKey = key;
                baseline = perUnit;
            }
            out.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %.1f | %d | %.0f%% | %s | %s | %s | %s | %s | %d |%n",
                    r.run().scenario(), r.run().config(), r.run().jdkShortVersion(),
                    r.judgement().passed() ? "passed" : "FAILED", r.exit().verdict(), r.judgement().expectedVerdict(),
                    r.container().timeToExitMs() / 1000.0, r.memory().peakBytes() >> 20,
                    r.memory().peakOfCap() * 100,
                    r.memory().cpuSeconds() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.memory().cpuSeconds()),
                    perUnit == null ? "-" : String.format(Locale.ROOT, "%.3f", perUnit * 1000),
                    perUnit == null || baseline == null ? "-" : String.format(Locale.ROOT, "%.2f×", perUnit / baseline),
                    workText(r.work(), r.exit().verdict()),
                    r.nmt().grewMost() == null ? "-" : r.nmt().grewMost(),
                    r.nmt().unexplainedBytes() >> 20));
        }
        out.append("\nDiagnosis:\n");
        for (RunResult r : results) {
            out.append("- ").append(r.run().displayName()).append(" (JDK ").append(Integer.toString(r.run().jdkMajor()))
                    .append("): ").append(r.diagnosis() == null ? "-" : r.diagnosis().summary()).append('\n');
        }
        List<RunResult> services = results.stream().filter(r -> r.service() != null).toList();
        if (!services.isEmpty()) {
            serviceTable(services, out);
        }
        loadTable(results, out);
        nmtPeaks(results, out);
        repeats(results, out);
        margins(results, out);
        List<RunResult> failed = results.stream().filter(r -> !r.judgement().passed()).toList();
        for (RunResult r : failed) {
            out.append("\nFAILED ").append(r.run().displayName()).append(":\n");
            for (CheckResult check : r.judgement().failed()) {
                out.append("  ").append(check.toString()).append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "%n%d run(s): %d passed, %d failed%n", results.size(),
                results.size() - failed.size(), failed.size()));
    }

    /** A survivor above this share of its cap ended within a few percent of the kill: its verdict is a coin toss. */
    static final double KNIFE_EDGE = 0.97;

    /**
     * Runs whose verdict was decided by a few megabytes: a survivor that ended above {@link #KNIFE_EDGE} of its cap
     * (a little more memory anywhere, a noisier neighbour, and it is killed). Such a scenario guards nothing; it
     * wants a cap with room, or REPORT with the measured reason.
     */
    static List<String> knifeEdges(List<RunResult> results) {
        return results.stream().filter(r -> r.exit().verdict() == Verdict.SURVIVED && r.memory().peakOfCap() > KNIFE_EDGE)
                .map(r -> String.format(Locale.ROOT, "%s (JDK %d) survived at %.1f%% of its cap (%d of %d MB): within"
                                + " %.0f%% of the kill, a knife edge; give it a cap with room or make it REPORT",
                        r.run().displayName(), r.run().jdkMajor(), r.memory().peakOfCap() * 100,
                        r.memory().peakBytes() >> 20, r.run().capBytes() >> 20, (1 - KNIFE_EDGE) * 100))
                .toList();
    }

    /** A kill this close to the end of its load was decided by when the load happened to stop. */
    static final double LOAD_END_EDGE_SECONDS = 5;

    /**
     * Kills in the last seconds of a load: a little less load, or a load a moment shorter, and the same service
     * "survives" (a 300 MB pod was killed 0.9 s and 1.5 s before its load would have ended, and survived once).
     */
    static List<String> loadEndEdges(List<RunResult> results) {
        return results.stream().filter(r -> r.exit().verdict() == Verdict.OOM_KILLED && r.load() != null
                        && r.load().measured() != null && r.load().measured().secondsLeft().isPresent()
                        && r.load().measured().secondsLeft().getAsDouble() <= LOAD_END_EDGE_SECONDS)
                .map(r -> String.format(Locale.ROOT, "%s (JDK %d) was OOM-killed %.1f s before its load would have"
                                + " ended (%.1f of %d s counted): the verdict depends on when the load stops; give the"
                                + " load a longer duration, or the pod room",
                        r.run().displayName(), r.run().jdkMajor(), r.load().measured().secondsLeft().getAsDouble(),
                        r.load().measured().measuredSeconds(), r.load().measured().plannedSeconds()))
                .toList();
    }

    /** A survivor still growing above this share of its cap would have been killed by a somewhat longer load. */
    static final double GROWING_NEAR_CAP = 0.95;

    /**
     * Survivors near their cap whose memory had not settled when the load ended: the verdict says how long the load
     * was, not whether the pod holds the service.
     */
    static List<String> stillGrowingNearCap(List<RunResult> results) {
        return results.stream().filter(r -> r.exit().verdict() == Verdict.SURVIVED && r.load() != null
                        && r.load().memoryStillGrowing().isPresent() && r.memory().peakOfCap() > GROWING_NEAR_CAP)
                .map(r -> String.format(Locale.ROOT, "%s (JDK %d) survived at %.1f%% of its cap while its memory was"
                                + " %s: a longer load and it is killed; run it until steady (untilSteady) or give the"
                                + " pod room", r.run().displayName(), r.run().jdkMajor(), r.memory().peakOfCap() * 100,
                        r.load().memoryStillGrowing().orElseThrow().describe(r.run().capBytes())))
                .toList();
    }

    private static void margins(List<RunResult> results, Appendable out) throws IOException {
        List<String> edges = new java.util.ArrayList<>(knifeEdges(results));
        edges.addAll(loadEndEdges(results));
        edges.addAll(stillGrowingNearCap(results));
        if (edges.isEmpty()) {
            return;
        }
        out.append("\nMargins:\n");
        for (String edge : edges) {
            out.append("- warning: ").append(edge).append('\n');
        }
    }

    /**
     * The cost half of the incident on one table: the CPU the same traffic costs each configuration in the
     * steady windows (and its ratio to the scenario's first configuration), and what the deploy did to it.
     */
    private static void serviceTable(List<RunResult> services, Appendable out) throws IOException {
        out.append("\nService under load (CPU in cores: mean of the phase's windows; p99: the worst window's):\n\n");
        out.append("| scenario | config | JDK | verdict | steady CPU cores | vs first | steady p99 ms"
                + " | after deploy CPU cores | after deploy p99 ms |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        String scenario = "";
        Double first = null;
        for (RunResult r : services) {
            if (!r.run().scenario().equals(scenario)) {
                scenario = r.run().scenario();
                first = r.service().steadyCpuCores();
            }
            Double steady = r.service().steadyCpuCores();
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s |%n",
                    r.run().scenario(), r.run().config(), r.run().jdkMajor(), r.exit().verdict(), number(steady, "%.3f"),
                    steady == null || first == null ? "-" : String.format(Locale.ROOT, "%.2f×", steady / first),
                    number(r.service().steadyP99Ms(), "%.2f"), number(r.service().afterDeployCpuCores(), "%.3f"),
                    number(r.service().afterDeployP99Ms(), "%.2f")));
        }
    }

    /**
     * Services under a request stream ({@code load:}): whether each lived through it, and what it answered —
     * a service killed under load shows the rate and errors up to its death.
     */
    private static void loadTable(List<RunResult> results, Appendable out) throws IOException {
        List<RunResult> loaded = results.stream().filter(r -> r.load() != null).toList();
        if (loaded.isEmpty()) {
            return;
        }
        out.append("\nLoad (latency counted from when each request was due):\n\n")
                .append("| scenario | config | JDK | verdict | peak MB | listening after s | target /s | answered /s"
                        + " | errors | p50 ms | p99 ms | load | no way out |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult r : loaded) {
            oomlab.container.LoadOutcome run = r.load().run();
            oomlab.output.LoadReport measured = r.load().measured();
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.run().scenario(), r.run().config(), r.run().jdkMajor(), r.exit().verdict(),
                    r.memory().peakBytes() >> 20,
                    run == null || !run.ready() ? "never" : String.format(Locale.ROOT, "%.1f", run.readyAfterMs() / 1000.0),
                    measured == null ? "-" : String.format(Locale.ROOT, "%.0f", measured.targetRate()),
                    measured == null ? "-" : String.format(Locale.ROOT, "%.1f", measured.achievedRate()),
                    measured == null ? "-" : Long.toString(measured.errors()),
                    measured == null ? "-" : String.format(Locale.ROOT, "%.1f", measured.p50Ms()),
                    measured == null ? "-" : String.format(Locale.ROOT, "%.1f", measured.p99Ms()),
                    r.load().ending(),
                    run == null ? "-" : run.isolated() ? "yes (lo only, no route)" : "NO"));
        }
        // the price of each configuration once its JIT settled: the steady windows' CPU per 1,000 requests
        List<RunResult> windowed = loaded.stream().filter(r -> r.load().steady() != null).toList();
        if (windowed.isEmpty()) {
            return;
        }
        out.append("\nSteady state under load (windows of 5 s: the generator's answers, the container's CPU, the JIT's"
                + " tier-4 compilations):\n\n| scenario | config | JDK | steady from s | CPU ms / 1,000 requests |"
                + " p99 ms | why |\n|---|---|---|---|---|---|---|\n");
        for (RunResult r : windowed) {
            oomlab.analysis.SteadyState steady = r.load().steady();
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s |%n", r.run().scenario(),
                    r.run().config(), r.run().jdkMajor(),
                    steady.steady() ? String.format(Locale.ROOT, "%.0f", steady.steadyFromS()) : "never",
                    steady.steady() ? String.format(Locale.ROOT, "%.1f", steady.cpuMsPer1000()) : "-",
                    steady.steady() ? String.format(Locale.ROOT, "%.1f", steady.p99Ms()) : "-",
                    steady.why().replace("|", "/")));
        }
    }

    /** NMT categories shown at their peak: where the JVM's own books put memory, per run (e.g. GC per collector). */
    static final List<String> NMT_SHOWN = List.of("Java Heap", "Metaspace", "Class", "Thread", "Code", "GC", "Compiler",
            "Arena Chunk", "Internal", "Other");

    private static void nmtPeaks(List<RunResult> results, Appendable out) throws IOException {
        List<RunResult> withNmt = results.stream().filter(r -> r.nmt().probeSamples() > 0).toList();
        if (withNmt.isEmpty()) {
            return;
        }
        out.append("\nNMT committed at its peak (MB), per category:\n\n| scenario | config | JDK | verdict | ")
                .append(String.join(" | ", NMT_SHOWN)).append(" |\n|---|---|---|---|")
                .append("---|".repeat(NMT_SHOWN.size())).append('\n');
        for (RunResult r : withNmt) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s |", r.run().scenario(), r.run().config(),
                    r.run().jdkMajor(), r.exit().verdict()));
            for (String category : NMT_SHOWN) {
                Long bytes = r.nmt().peak().get(category);
                out.append(bytes == null ? " - |" : String.format(Locale.ROOT, " %d |", bytes >> 20));
            }
            out.append('\n');
        }
    }

    private static void repeats(List<RunResult> results, Appendable out) throws IOException {
        List<RepeatStats> stats = RepeatStats.of(results);
        if (stats.isEmpty()) {
            return;
        }
        out.append("\nRepeats (min / median / max, coefficient of variation):\n\n")
                .append("| scenario | config | JDK | verdicts | exit s | peak MB |\n|---|---|---|---|---|---|\n");
        for (RepeatStats s : stats) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s |%n", s.scenario(), s.config(), s.jdk(),
                    s.agreement(), s.exitSeconds().text("%.1f"), s.peakMb().text("%.0f")));
        }
    }

    private static String number(Double value, String format) {
        return value == null ? "-" : String.format(Locale.ROOT, format, value);
    }

    /** Units done, and, when the workload did not finish, how it was stopped (from the verdict, not a guess). */
    static String workText(WorkReport work, Verdict verdict) {
        if (work == null) {
            return "-";
        }
        String done = work.ops() + " " + work.unit();
        if (work.complete()) {
            return done;
        }
        return done + switch (verdict) {
            case OOM_KILLED -> " (OOM-killed)";
            case KILLED -> " (killed)";
            case JAVA_OOM -> " (stopped by OutOfMemoryError)";
            case TIMEOUT -> " (timed out)";
            case INTERRUPTED -> " (interrupted)";
            case ENGINE_LOST -> " (the Docker engine stopped answering)";
            case STALLED -> " (stalled at the cap)";
            case CRASHED -> " (crashed)";
            case SURVIVED -> " (exited before its report)";
        };
    }
}

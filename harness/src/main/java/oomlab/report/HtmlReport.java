package oomlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import oomlab.analysis.RunCurves;
import oomlab.diagnosis.Budget;
import oomlab.diagnosis.BudgetLine;
import oomlab.diagnosis.Diagnosis;
import oomlab.diagnosis.Suspect;
import oomlab.output.Compilations;
import oomlab.profiling.AllocationProfile;
import oomlab.profiling.Frame;
import oomlab.result.CheckResult;
import oomlab.result.RunResult;

/**
 * report.html: one self-contained page (ECharts and the data inlined, nothing fetched) with an overview table
 * of every run, then per scenario the memory curves of all its runs overlaid, with the cap, the heap and each
 * kill marked, and per run NMT's categories as stacked areas under the container's own curve, and a details
 * block. Built from a results folder alone, so a CI artifact can be rendered again anywhere.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /**
     * Everything the page shows, as the page's script reads it (report.js renders the tables and draws the charts):
     * no HTML is assembled here, so a name or a line of output is only ever text on the page.
     */
    record Data(String meta, Table overview, List<ScenarioCharts> scenarios) {
    }

    /**
     * @param headline   who was killed and by what, and the cheapest cure that survived with its cost, in a line
     * @param refaultsId the chart under the curves of the file pages re-read (the thrash), null where none was counted
     * @param serviceId  the chart beside the curves of each run's CPU (cores) and p99 over time, null where no run
     *                   served a load
     * @param cures      the cure search's candidates for the scenario's killed runs, null where none ran
     */
    record ScenarioCharts(String name, String headline, String curvesId, String refaultsId, String serviceId,
                          long capMb, long heapMb, List<RunCharts> runs, CuresChart cures) {
    }

    /**
     * @param kill           [seconds, MB] where the run was killed, or null
     * @param refaultMbPerS  [seconds, MB/s] of file pages the kernel read again (empty where not counted)
     * @param cpuCores       [seconds, cores] the container used, from the sampler's CPU counter (runs with a load)
     * @param p99Ms          [seconds, ms] the p99 of each window of the load
     * @param steadyS        [from, to] seconds: where its steady cost was measured (shaded), or null
     */
    record RunCharts(String run, String nmtId, List<double[]> cgroupMb, double[] kill, List<double[]> refaultMbPerS,
                     List<double[]> cpuCores, List<double[]> p99Ms, double[] steadyS, NmtChart nmt,
                     RunDetails details) {
    }

    /**
     * The Cures chart: each candidate's CPU ratio to the original (with its interval) against its peak / cap.
     *
     * @param id the chart's element
     */
    record CuresChart(String id, String title, List<CurePoint> points) {
    }

    /**
     * @param survived survived every one of its runs (else drawn apart, as killed)
     * @param low      the interval's ends (equal to the ratio where one round gave no interval)
     */
    record CurePoint(String name, boolean survived, double peakOfCap, double ratio, double low, double high,
                     String label) {
    }

    /**
     * One run's details block.
     *
     * @param summary   the block's one-line title
     * @param diagnosis the one-line diagnosis (null where none)
     * @param tables    suspects, the sizing formula's budget, who allocated (each where there is one)
     * @param note      a line above the tables (e.g. the profiler's), or null
     * @param facts     name and value, each value shown as preformatted text
     * @param files     the run's files, linked
     * @param nmtDiff   NMT per category as jcmd's summary.diff shows it
     */
    record RunDetails(String anchor, String summary, String diagnosis, String note, List<Link> noteLinks,
                      List<Table> tables, List<Fact> facts, Table checks, List<Link> files, String nmtDiff) {
    }

    record Fact(String name, String value) {
    }

    /** A relative link (always starting "./" or "#", so no name can make it another kind of URL). */
    record Link(String text, String href) {
    }

    /** @param cls the cell's class (num, passed, failed, verdict-...), or null; @param href a link, or null */
    record Cell(String text, String cls, String href) {
        static Cell of(String text) {
            return new Cell(text, null, null);
        }

        static Cell num(String format, Object value) {
            return new Cell(String.format(Locale.ROOT, format, value), "num", null);
        }
    }

    record Row(String cls, List<Cell> cells) {
    }

    record Table(String id, String cls, List<String> header, List<Row> rows) {
    }

    record NmtChart(List<Category> categories) {
    }

    record Category(String name, List<double[]> mb) {
    }

    /** The page for the runs of a results folder (it reads each run's own files there for the curves). */
    static final ResultFormat<RunResult> FORMAT = (root, results, out) -> out.append(render(root, results));

    static String render(Path root, List<RunResult> results) {
        oomlab.cure.CureReport.Answers cures;
        try {
            cures = oomlab.cure.CureReport.read(root);
        } catch (IllegalArgumentException e) {
            cures = null; // an unreadable cures.json: the report goes on without the Cures chart
        }
        List<oomlab.cure.CureAnswer> answers = cures == null ? List.of() : cures.answers();
        Map<String, List<RunResult>> byScenario = results.stream().collect(
                Collectors.groupingBy(r -> r.run().scenario(), LinkedHashMap::new, Collectors.toList()));
        List<ScenarioCharts> scenarios = new ArrayList<>();
        int scenarioIndex = 0;
        for (Map.Entry<String, List<RunResult>> scenario : byScenario.entrySet()) {
            String curvesId = "curves-" + scenarioIndex++;
            RunResult any = scenario.getValue().get(0);
            List<RunCharts> runs = new ArrayList<>();
            List<String> categories = RunCurves.nmtCategories(scenario.getValue());
            for (RunResult run : scenario.getValue()) {
                String nmtId = curvesId + "-nmt-" + runs.size();
                Path runDir = oomlab.layout.RunFiles.under(root, run.run().scenario(), run.run().runName()).dir();
                runs.add(runCharts(run, nmtId, RunCurves.of(run, runDir, categories), details(run, root, runDir)));
            }
            boolean refaults = runs.stream().anyMatch(run -> !run.refaultMbPerS().isEmpty());
            boolean service = runs.stream().anyMatch(run -> !run.cpuCores().isEmpty());
            List<oomlab.cure.CureAnswer> mine = answers.stream()
                    .filter(answer -> answer.scenario().equals(scenario.getKey())).toList();
            scenarios.add(new ScenarioCharts(scenario.getKey(), Headline.of(scenario.getValue(), mine), curvesId,
                    refaults ? curvesId + "-refaults" : null, service ? curvesId + "-service" : null,
                    any.run().capBytes() >> 20, any.run().heapBytes() >> 20, runs,
                    mine.isEmpty() ? null : curesChart(curvesId + "-cures", mine)));
        }
        String meta = results.size() + " run(s) from " + root.toAbsolutePath() + ", written "
                + Instant.now().toString().substring(0, 19).replace('T', ' ') + " UTC";
        return fill(template("report.html"), Map.of(
                "/*ECHARTS*/", resource(ECHARTS).replace("</script", "<\\/script"),
                "/*DATA*/", json(new Data(meta, overview(results), scenarios)),
                "/*REPORT_JS*/", template("report.js")));
    }

    /** Each marker of the template replaced once, in the template only (never inside what was put in). */
    static String fill(String template, Map<String, String> parts) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int next = -1;
            String marker = null;
            for (String candidate : parts.keySet()) {
                int found = template.indexOf(candidate, at);
                if (found >= 0 && (next < 0 || found < next)) {
                    next = found;
                    marker = candidate;
                }
            }
            if (marker == null) {
                return out.append(template, at, template.length()).toString();
            }
            out.append(template, at, next).append(parts.get(marker));
            at = next + marker.length();
        }
    }

    /** The view of one run's curves: what the analysis computed ({@link RunCurves}), named for the page. */
    private static RunCharts runCharts(RunResult run, String nmtId, RunCurves curves, RunDetails details) {
        NmtChart nmt = curves.nmt().isEmpty() ? null : new NmtChart(curves.nmt().stream()
                .map(series -> new Category(series.category(), series.mb())).toList());
        return new RunCharts(run.run().runName(), nmtId, curves.memoryMb(), curves.kill(), curves.refaultMbPerS(),
                curves.cpuCores(), curves.p99Ms(), curves.steadyS(), nmt, details);
    }

    private static CuresChart curesChart(String id, List<oomlab.cure.CureAnswer> answers) {
        List<CurePoint> points = new ArrayList<>();
        for (oomlab.cure.CureAnswer answer : answers) {
            for (oomlab.cure.CureOutcome outcome : answer.ranked()) {
                oomlab.cure.Ratio ratio = outcome.steadyCpu();
                if (ratio == null) {
                    continue;
                }
                double peak = outcome.survivedEvery() ? outcome.worstPeakOfCap() : outcome.trials().stream()
                        .mapToDouble(t -> t.cost().peakOfCap()).max().orElse(1);
                points.add(new CurePoint(outcome.cure().name(), outcome.survivedEvery(), tenths(peak * 100) / 100.0,
                        ratio.estimate(), ratio.hasInterval() ? ratio.low() : ratio.estimate(),
                        ratio.hasInterval() ? ratio.high() : ratio.estimate(),
                        outcome.cure().name() + " " + ratio.describe()));
            }
        }
        String title = answers.stream().map(a -> a.originalRun()).distinct()
                .collect(Collectors.joining(", ", "Cures: CPU per request ÷ ", "'s (95% interval) against peak / cap"));
        return new CuresChart(id, title, points);
    }

    private static Table overview(List<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            rows.add(new Row(null, List.of(
                    new Cell(r.run().scenario(), null, "#" + r.run().scenario()),
                    new Cell(r.run().config(), null, "#" + anchor(r)),
                    Cell.of(r.run().jdkShortVersion()),
                    new Cell(r.judgement().passed() ? "passed" : "FAILED", r.judgement().passed() ? "passed" : "failed",
                            null),
                    new Cell(r.exit().verdict().name(), "verdict-" + r.exit().verdict(), null),
                    Cell.of(r.judgement().expectedVerdict()),
                    Cell.num("%.1f", r.container().timeToExitMs() / 1000.0),
                    Cell.num("%d", r.memory().peakBytes() >> 20),
                    Cell.num("%.0f%%", r.memory().peakOfCap() * 100),
                    Cell.num("%.1f", r.memory().cpuSeconds()),
                    r.work() == null ? Cell.of("-") : Cell.num("%.1f", r.work().opsPerSecond()),
                    Cell.of(String.valueOf(r.nmt().grewMost())),
                    Cell.num("%d", r.nmt().unexplainedBytes() >> 20))));
        }
        return new Table("overview", null, List.of("scenario", "config", "JDK", "judgement", "verdict", "expected",
                "exit s", "peak MB", "peak/cap", "CPU s", "work/s", "grew most", "RSS beyond NMT MB"), rows);
    }

    private static RunDetails details(RunResult r, Path root, Path runDir) {
        String link = "./" + root.relativize(runDir).toString().replace('\\', '/') + "/";
        String summary = r.run().runName() + ": " + r.exit().verdict() + " (expected " + r.judgement().expectedVerdict()
                + "), judgement " + (r.judgement().passed() ? "passed" : "FAILED");
        List<Table> tables = new ArrayList<>();
        if (r.diagnosis() != null) {
            tables.add(suspects(r.diagnosis()));
            tables.add(budget(r.diagnosis().budget()));
        }
        String note = null;
        List<Link> noteLinks = List.of();
        if (r.allocations() != null) {
            AllocationProfile profile = r.allocations();
            if (profile.problem() != null) {
                note = "Who allocated (" + profile.profiler() + "): " + profile.problem();
            } else {
                note = String.format(Locale.ROOT, "Who allocated (%s), %d MB in the profile:", profile.profiler(),
                        profile.totalBytes() >> 20);
                noteLinks = profile.files().stream().map(file -> new Link(file, link + file)).toList();
                tables.add(allocations(profile));
            }
        }
        List<Fact> facts = new ArrayList<>();
        fact(facts, "program", r.run().program());
        fact(facts, "image", r.run().image());
        fact(facts, "JDK", r.run().jdkVersion());
        fact(facts, "JVM flags", String.join(" ", r.run().jvmFlags()));
        fact(facts, "environment", r.run().env().isEmpty() ? "-" : r.run().env().toString());
        fact(facts, "arguments", String.join(" ", r.run().args()));
        fact(facts, "exit", "code " + r.container().exitCode() + ", Docker OOMKilled " + r.container().dockerOomKilled()
                + ", kernel OOM kills " + r.exit().evidence().kernelOomKills());
        fact(facts, "OutOfMemoryErrors seen", r.exit().outOfMemoryErrors().isEmpty() ? "-"
                : r.exit().outOfMemoryErrors().stream().map(oom -> oom.witness() + ": " + oom.kind()
                + (oom.thread() == null ? "" : " (thread " + oom.thread() + ")")).collect(Collectors.joining("\n")));
        fact(facts, "crash report", r.exit().crashReport() == null ? "-" : r.exit().crashReport());
        fact(facts, "kernel log", r.exit().kernelLog().isEmpty() ? "-" : String.join("\n", r.exit().kernelLog()));
        fact(facts, "JVM errors", r.exit().jvmErrors().isEmpty() ? "-" : String.join("\n", r.exit().jvmErrors()));
        fact(facts, "compiled methods", r.jit().compiledMethods().isEmpty() ? "- (no CITime report: killed before exit)"
                : new java.util.TreeMap<>(r.jit().compiledMethods()).toString());
        fact(facts, "JIT evidence", r.jit().evidence().isEmpty() ? "-" : String.join("\n", r.jit().evidence()));
        Compilations compilations = r.jit().compilations();
        if (compilations != null) {
            fact(facts, "compilations", "per tier " + new java.util.TreeMap<>(compilations.byTier()) + ", OSR "
                    + compilations.osr() + ", made not entrant " + compilations.madeNotEntrant()
                    + "; code cache at the end (NMT Code) " + (r.nmt().last().getOrDefault("Code", 0L) >> 20) + " MB");
            fact(facts, "unfinished tier-4 compilations", compilations.unfinishedCount() == 0 ? "-"
                    : compilations.unfinishedCount() + ": " + String.join("\n", compilations.unfinished()));
            fact(facts, "biggest compilations", compilations.biggest().isEmpty()
                    ? "- (reported by JDK 22 and later, for compilations that finished)"
                    : compilations.biggest().stream().map(c -> String.format(Locale.ROOT, "%s #%d %s: %d MB (%s)",
                    c.compiler(), c.id(), c.method(), c.bytes() >> 20, c.result())).collect(Collectors.joining("\n")));
        }
        fact(facts, "malloc", String.valueOf(r.malloc()));
        if (r.service() != null) {
            fact(facts, "service windows", r.service().windows().stream().map(w -> String.format(Locale.ROOT,
                    "%4.0f-%4.0f s %-12s %.3f cores, %.0f req/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms", w.fromS(),
                    w.toS(), w.phase(), w.cpuCores(), w.rate(), w.p50Ms(), w.p99Ms(), w.p999Ms()))
                    .collect(Collectors.joining("\n")));
        }
        if (r.load() != null) {
            fact(facts, "load", loadText(r.load(), r.run().capBytes()));
        }
        oomlab.sampling.MemoryCurve.AtCap atCap = r.memory().atCap();
        if (atCap != null) {
            fact(facts, "at the cap", String.format(Locale.ROOT, "pinned %.1f s; meanwhile the kernel re-read %d MB"
                            + " of the container's own files, %d major faults (whole run: %d MB, %d)",
                    atCap.pinnedSeconds(), atCap.refaultedFileBytes() >> 20, atCap.majorFaults(),
                    atCap.refaultedFileBytesInRun() >> 20, atCap.majorFaultsInRun()));
        }
        fact(facts, "memory sampling", r.memory().samples() + " samples at " + String.format(Locale.ROOT, "%.0f Hz",
                r.memory().samplerHz()) + " (" + r.memory().sampler() + ")");
        List<Row> checks = new ArrayList<>();
        for (CheckResult check : r.judgement().checks()) {
            checks.add(new Row(null, List.of(Cell.of(check.name()), Cell.of(check.expected()), Cell.of(check.actual()),
                    new Cell(check.passed() ? "passed" : "FAILED", check.passed() ? "passed" : "failed", null))));
        }
        List<String> files = new ArrayList<>(oomlab.layout.RunFiles.LISTED);
        files.removeIf(file -> !Files.exists(runDir.resolve(file))); // a program of your own has no workload.jsonl
        files.add(NmtDiff.FILE);
        if (r.exit().crashReport() != null) {
            files.add(r.exit().crashReport()); // the JVM's crash report, kept from the container's end
        }
        if (r.load() != null) {
            files.add(oomlab.layout.RunFiles.LOAD_LOG); // the generator's second-by-second lines
        }
        return new RunDetails(anchor(r), summary, r.diagnosis() == null ? null : r.diagnosis().summary(), note,
                noteLinks, tables, facts, new Table(null, "checks", List.of("check", "expected", "actual", ""), checks),
                files.stream().map(file -> new Link(file, link + file)).toList(), NmtDiff.text(r));
    }

    /** The load on a service in a few lines: how it was reached, and what the generator measured. */
    private static String loadText(oomlab.result.LoadResult load, long capBytes) {
        StringBuilder text = new StringBuilder();
        oomlab.container.LoadOutcome run = load.run();
        if (run != null) {
            text.append(run.ready() ? String.format(Locale.ROOT, "listening after %.1f s", run.readyAfterMs() / 1000.0)
                    : "never listened").append(", through ").append(run.network()).append("; the service's ")
                    .append(run.reach()).append('\n');
        }
        oomlab.output.LoadReport measured = load.measured();
        if (measured == null) {
            return text.append("no report from the load generator").toString();
        }
        text.append(String.format(Locale.ROOT, "%s at %.0f/s: %.1f/s answered over %.1f s, %d errors %s;"
                        + "\np50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; %s", measured.protocol(),
                measured.targetRate(), measured.achievedRate(), measured.measuredSeconds(), measured.errors(),
                measured.errorKinds(), measured.p50Ms(), measured.p90Ms(), measured.p99Ms(), measured.maxMs(),
                load.ending()));
        oomlab.analysis.SteadyState steady = load.steady();
        if (steady != null) {
            text.append(steady.steady() ? String.format(Locale.ROOT,
                    "\nsteady from %.0f s (%s): CPU %.1f ms per 1,000 requests, p99 %.1f ms", steady.steadyFromS(),
                    steady.why(), steady.cpuMsPer1000(), steady.p99Ms()) : "\nnever steady: " + steady.why());
            if (steady.memory() != null) {
                // "memory settled: ..." or "still growing at ...: at that rate the cap in ..."
                text.append(steady.memory().settled() ? "\n" : "\nmemory ").append(steady.memory().describe(capBytes));
            }
        }
        return text.toString();
    }

    private static Table suspects(Diagnosis diagnosis) {
        List<Row> rows = new ArrayList<>();
        for (Suspect suspect : diagnosis.suspects()) {
            rows.add(new Row(null, List.of(Cell.of(suspect.name()), Cell.of(suspect.source()),
                    Cell.num("%+d", suspect.growthBytes() >> 20), Cell.num("%.0f%%", suspect.share() * 100),
                    Cell.num("%d", suspect.peakBytes() >> 20))));
        }
        return new Table(null, "suspects", List.of("suspect", "from", "growth MB", "share of growth", "peak MB"), rows);
    }

    private static Table allocations(AllocationProfile profile) {
        List<Row> rows = new ArrayList<>();
        for (Frame frame : profile.topFrames()) {
            rows.add(new Row(null, List.of(Cell.of(frame.name()), Cell.num("%d", frame.bytes() >> 20),
                    Cell.num("%.1f%%", frame.share() * 100))));
        }
        return new Table(null, "frames", List.of("frame", "MB under it", "share"), rows);
    }

    private static Table budget(Budget budget) {
        List<Row> rows = new ArrayList<>();
        for (BudgetLine line : budget.lines()) {
            rows.add(new Row(line.hasSlot() ? null : "failed", List.of(Cell.of(line.item()),
                    line.hasSlot() ? Cell.num("%d", line.budgetBytes() >> 20) : Cell.of("no slot"),
                    Cell.num("%d", line.measuredBytes() >> 20), Cell.of(line.basis()))));
        }
        rows.add(new Row("total", List.of(Cell.of("total"), Cell.num("%d", budget.budgetBytes() >> 20),
                Cell.num("%d", budget.measuredBytes() >> 20), Cell.of("measured: the container's peak"))));
        return new Table(null, "budget", List.of("sizing formula item", "budget MB", "measured peak MB", "budget from"),
                rows);
    }

    private static void fact(List<Fact> facts, String name, String value) {
        facts.add(new Fact(name, value));
    }

    private static String anchor(RunResult r) {
        return r.run().scenario() + "--" + r.run().runName();
    }

    private static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String json(Data data) {
        try {
            // inside <script>, "</" would end the element early (and "<!--" would open a comment)
            return JSON.writeValueAsString(data).replace("</", "<\\/").replace("<!--", "<\\u0021--");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String template(String name) {
        return resource("/oomlab/report/" + name);
    }

    static String resource(String path) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

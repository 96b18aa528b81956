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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import oomlab.diagnosis.Budget;
import oomlab.diagnosis.BudgetLine;
import oomlab.diagnosis.Diagnosis;
import oomlab.diagnosis.Suspect;
import oomlab.output.Compilations;
import oomlab.profiling.AllocationProfile;
import oomlab.profiling.Frame;
import oomlab.result.CheckResult;
import oomlab.result.RunResult;
import oomlab.sampling.ProbeLine;
import oomlab.sampling.ProbeLog;
import oomlab.sampling.Sample;
import oomlab.sampling.SampleLog;

/**
 * report.html: one self-contained page (ECharts and the data inlined, nothing fetched) with an overview table
 * of every run, then per scenario the memory curves of all its runs overlaid, with the cap, the heap and each
 * kill marked, and per run NMT's categories as stacked areas under the container's own curve, and a details
 * block. Built from a results folder alone, so a CI artifact can be rendered again anywhere.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    /** Enough points to draw a curve faithfully; a long run at 40 Hz has thousands. */
    static final int MAX_POINTS = 600;
    /** NMT categories drawn by name; the smaller ones are summed into one area. */
    static final int NMT_CATEGORIES = 8;
    private static final double MB = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /** Chart data, as the page's script reads it. */
    record Data(List<ScenarioCharts> scenarios) {
    }

    record ScenarioCharts(String name, String curvesId, long capMb, long heapMb, List<RunCharts> runs) {
    }

    /** @param kill [seconds, MB] where the run was killed, or null */
    record RunCharts(String run, String nmtId, List<double[]> cgroupMb, double[] kill, NmtChart nmt) {
    }

    record NmtChart(List<Category> categories) {
    }

    record Category(String name, List<double[]> mb) {
    }

    public static Path write(Path root, List<RunResult> results) {
        Path file = root.resolve(FILE);
        try {
            Files.writeString(file, render(root, results));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(Path root, List<RunResult> results) {
        Map<String, List<RunResult>> byScenario = results.stream().collect(
                Collectors.groupingBy(r -> r.run().scenario(), LinkedHashMap::new, Collectors.toList()));
        StringBuilder body = new StringBuilder();
        body.append(overview(results));
        List<ScenarioCharts> charts = new ArrayList<>();
        int scenarioIndex = 0;
        for (Map.Entry<String, List<RunResult>> scenario : byScenario.entrySet()) {
            String curvesId = "curves-" + scenarioIndex++;
            RunResult any = scenario.getValue().get(0);
            List<RunCharts> runs = new ArrayList<>();
            body.append("<h2 id=\"").append(escape(scenario.getKey())).append("\">").append(escape(scenario.getKey()))
                    .append("</h2>\n<div class=\"chart\" id=\"").append(curvesId).append("\"></div>\n")
                    .append("<h3>Native Memory Tracking per run</h3>\n<div class=\"nmt-grid\">\n");
            StringBuilder details = new StringBuilder();
            List<String> categories = nmtCategories(scenario.getValue());
            for (RunResult run : scenario.getValue()) {
                String nmtId = curvesId + "-nmt-" + runs.size();
                Path runDir = root.resolve(run.run().scenario()).resolve(run.run().runName());
                runs.add(runCharts(run, nmtId, runDir, categories));
                body.append("<div class=\"chart\" id=\"").append(nmtId).append("\"></div>\n");
                details.append(details(run, root, runDir));
            }
            body.append("</div>\n<h3>Runs</h3>\n").append(details);
            charts.add(new ScenarioCharts(scenario.getKey(), curvesId, any.run().capBytes() >> 20,
                    any.run().heapBytes() >> 20, runs));
        }
        String meta = escape(results.size() + " run(s) from " + root.toAbsolutePath() + ", written "
                + Instant.now().toString().substring(0, 19).replace('T', ' ') + " UTC");
        return fill(template("report.html"), Map.of(
                "/*META*/", meta,
                "/*BODY*/", body.toString(),
                "/*ECHARTS*/", resource(ECHARTS).replace("</script", "<\\/script"),
                "/*DATA*/", json(new Data(charts)),
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

    /**
     * The categories every run of a scenario draws by name, in one order, so that a category has the same place
     * and colour in each run's chart: the Java heap at the bottom, then the largest by their peak in any run.
     */
    private static List<String> nmtCategories(List<RunResult> runs) {
        Map<String, Long> peaks = new LinkedHashMap<>();
        runs.forEach(run -> run.nmt().peak().forEach((category, bytes) -> peaks.merge(category, bytes, Math::max)));
        peaks.remove("Total");
        List<String> named = new ArrayList<>();
        if (peaks.containsKey("Java Heap")) {
            named.add("Java Heap");
        }
        peaks.entrySet().stream().filter(e -> !e.getKey().equals("Java Heap"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(NMT_CATEGORIES - named.size())
                .forEach(e -> named.add(e.getKey()));
        return named;
    }

    private static RunCharts runCharts(RunResult run, String nmtId, Path runDir, List<String> named) {
        List<Sample> samples = readSamples(runDir.resolve("rss.csv"));
        List<double[]> cgroup = downsample(samples.stream()
                .map(s -> new double[] {s.tMs() / 1000.0, round(s.cgroupBytes() / MB)}).toList());
        double[] kill = null;
        boolean killed = switch (run.exit().verdict()) {
            case OOM_KILLED, KILLED -> true;
            default -> false;
        };
        if (killed && !samples.isEmpty()) {
            // The last samples may already show the memory the kill freed: mark the kill at the last sample's
            // time, at the highest usage of the second before it.
            Sample last = samples.get(samples.size() - 1);
            long highest = samples.stream().filter(s -> s.tMs() >= last.tMs() - 1000)
                    .mapToLong(Sample::cgroupBytes).max().orElse(last.cgroupBytes());
            kill = new double[] {last.tMs() / 1000.0, round(highest / MB)};
        }
        return new RunCharts(run.run().runName(), nmtId, cgroup, kill, nmtChart(runDir.resolve("probe.jsonl"),
                samples.isEmpty() ? 0 : samples.get(0).epochMs() - samples.get(0).tMs(), named));
    }

    /** The named categories and the rest summed, each a series of [seconds since the container started, MB]. */
    private static NmtChart nmtChart(Path probeFile, long containerStartEpochMs, List<String> named) {
        List<ProbeLine> lines;
        try {
            lines = ProbeLog.read(probeFile).lines();
        } catch (IOException e) {
            return null;
        }
        if (lines.isEmpty()) {
            return null;
        }
        List<Category> categories = new ArrayList<>();
        for (String name : named) {
            categories.add(new Category(name, downsample(lines.stream().map(line -> new double[] {
                    seconds(line, containerStartEpochMs), round(line.nmt().getOrDefault(name, 0L) / MB)}).toList())));
        }
        categories.add(new Category("other NMT categories", downsample(lines.stream().map(line -> new double[] {
                seconds(line, containerStartEpochMs), round(line.nmt().entrySet().stream()
                .filter(e -> !e.getKey().equals("Total") && !named.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum() / MB)}).toList())));
        return new NmtChart(categories);
    }

    /** On the host curve's clock (seconds since the container started), where the host's samples say when that was. */
    private static double seconds(ProbeLine line, long containerStartEpochMs) {
        return containerStartEpochMs > 0 ? (line.epochMs() - containerStartEpochMs) / 1000.0 : line.tMs() / 1000.0;
    }

    /** At most {@link #MAX_POINTS}: each bucket keeps its highest point, so no peak (and no kill) is smoothed away. */
    static List<double[]> downsample(List<double[]> points) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        List<double[]> kept = new ArrayList<>();
        double bucket = (double) points.size() / MAX_POINTS;
        for (int b = 0; b < MAX_POINTS; b++) {
            int from = (int) (b * bucket);
            int to = Math.min(points.size(), (int) ((b + 1) * bucket));
            points.subList(from, Math.max(from + 1, to)).stream().max(Comparator.comparingDouble(p -> p[1]))
                    .ifPresent(kept::add);
        }
        double[] last = points.get(points.size() - 1);
        if (kept.get(kept.size() - 1) != last) {
            kept.add(last);
        }
        return kept;
    }

    private static String overview(List<RunResult> results) {
        StringBuilder out = new StringBuilder("<table id=\"overview\">\n<tr><th>scenario</th><th>config</th><th>JDK</th>"
                + "<th>judgement</th><th>verdict</th><th>expected</th><th>exit s</th><th>peak MB</th><th>peak/cap</th>"
                + "<th>CPU s</th><th>work/s</th><th>grew most</th><th>RSS beyond NMT MB</th></tr>\n");
        for (RunResult r : results) {
            out.append("<tr><td><a href=\"#").append(escape(r.run().scenario())).append("\">")
                    .append(escape(r.run().scenario())).append("</a></td><td><a href=\"#").append(anchor(r)).append("\">")
                    .append(escape(r.run().config())).append("</a></td><td>").append(escape(r.run().jdkShortVersion()))
                    .append("</td><td class=\"").append(r.judgement().passed() ? "passed\">passed" : "failed\">FAILED")
                    .append("</td><td class=\"verdict-").append(r.exit().verdict()).append("\">")
                    .append(r.exit().verdict()).append("</td><td>").append(escape(r.judgement().expectedVerdict()))
                    .append("</td>").append(num("%.1f", r.container().timeToExitMs() / 1000.0))
                    .append(num("%d", r.memory().peakBytes() >> 20))
                    .append(num("%.0f%%", r.memory().peakOfCap() * 100))
                    .append(num("%.1f", r.memory().cpuSeconds()))
                    .append(r.work() == null ? "<td>-</td>" : num("%.1f", r.work().opsPerSecond()))
                    .append("<td>").append(escape(String.valueOf(r.nmt().grewMost()))).append("</td>")
                    .append(num("%d", r.nmt().unexplainedBytes() >> 20)).append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String details(RunResult r, Path root, Path runDir) {
        String link = root.relativize(runDir).toString().replace('\\', '/') + "/";
        StringBuilder out = new StringBuilder();
        out.append("<details id=\"").append(anchor(r)).append("\"><summary>").append(escape(r.run().runName()))
                .append(": ").append(r.exit().verdict()).append(" (expected ").append(escape(r.judgement().expectedVerdict()))
                .append("), judgement ").append(r.judgement().passed() ? "passed" : "FAILED").append("</summary>\n");
        if (r.diagnosis() != null) {
            out.append("<p class=\"diagnosis\">").append(escape(r.diagnosis().summary())).append("</p>\n");
            out.append(suspects(r.diagnosis())).append(budget(r.diagnosis().budget()));
        }
        if (r.allocations() != null) {
            out.append(allocations(r.allocations(), link));
        }
        out.append("<table>\n");
        row(out, "program", r.run().program());
        row(out, "image", r.run().image());
        row(out, "JDK", r.run().jdkVersion());
        row(out, "JVM flags", String.join(" ", r.run().jvmFlags()));
        row(out, "environment", r.run().env().isEmpty() ? "-" : r.run().env().toString());
        row(out, "arguments", String.join(" ", r.run().args()));
        row(out, "exit", "code " + r.container().exitCode() + ", Docker OOMKilled " + r.container().dockerOomKilled()
                + ", kernel OOM kills " + r.exit().evidence().kernelOomKills());
        row(out, "kernel log", r.exit().kernelLog().isEmpty() ? "-" : String.join("\n", r.exit().kernelLog()));
        row(out, "JVM errors", r.exit().jvmErrors().isEmpty() ? "-" : String.join("\n", r.exit().jvmErrors()));
        row(out, "compiled methods", r.jit().compiledMethods().isEmpty() ? "- (no CITime report: killed before exit)"
                : new java.util.TreeMap<>(r.jit().compiledMethods()).toString());
        row(out, "JIT evidence", r.jit().evidence().isEmpty() ? "-" : String.join("\n", r.jit().evidence()));
        Compilations compilations = r.jit().compilations();
        if (compilations != null) {
            row(out, "compilations", "per tier " + new java.util.TreeMap<>(compilations.byTier()) + ", OSR "
                    + compilations.osr() + ", made not entrant " + compilations.madeNotEntrant()
                    + "; code cache at the end (NMT Code) " + (r.nmt().last().getOrDefault("Code", 0L) >> 20) + " MB");
            row(out, "unfinished tier-4 compilations", compilations.unfinishedCount() == 0 ? "-"
                    : compilations.unfinishedCount() + ": " + String.join("\n", compilations.unfinished()));
            row(out, "biggest compilations", compilations.biggest().isEmpty()
                    ? "- (reported by JDK 22 and later, for compilations that finished)"
                    : compilations.biggest().stream().map(c -> String.format(Locale.ROOT, "%s #%d %s: %d MB (%s)",
                    c.compiler(), c.id(), c.method(), c.bytes() >> 20, c.result())).collect(Collectors.joining("\n")));
        }
        row(out, "malloc", String.valueOf(r.malloc()));
        if (r.service() != null) {
            row(out, "service windows", r.service().windows().stream().map(w -> String.format(Locale.ROOT,
                    "%4.0f-%4.0f s %-12s %.3f cores, %.0f req/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms", w.fromS(),
                    w.toS(), w.phase(), w.cpuCores(), w.rate(), w.p50Ms(), w.p99Ms(), w.p999Ms()))
                    .collect(Collectors.joining("\n")));
        }
        if (r.load() != null) {
            row(out, "load", loadText(r.load()));
        }
        row(out, "memory sampling", r.memory().samples() + " samples at " + String.format(Locale.ROOT, "%.0f Hz",
                r.memory().samplerHz()) + " (" + r.memory().sampler() + ")");
        out.append("</table>\n<table><tr><th>check</th><th>expected</th><th>actual</th><th></th></tr>\n");
        for (CheckResult check : r.judgement().checks()) {
            out.append("<tr><td>").append(escape(check.name())).append("</td><td>").append(escape(check.expected()))
                    .append("</td><td>").append(escape(check.actual())).append("</td><td class=\"")
                    .append(check.passed() ? "passed\">passed" : "failed\">FAILED").append("</td></tr>\n");
        }
        out.append("</table>\n<p>Files: ");
        List<String> files = new ArrayList<>(oomlab.layout.RunFiles.LISTED);
        files.removeIf(file -> !Files.exists(runDir.resolve(file))); // a program of your own has no workload.jsonl
        files.add(NmtDiff.FILE);
        if (r.exit().crashReport() != null) {
            files.add(r.exit().crashReport()); // the JVM's crash report, kept from the container's end
        }
        if (r.load() != null) {
            files.add(oomlab.container.ServiceLoad.LOG); // the generator's second-by-second lines
        }
        for (String file : files) {
            out.append("<a href=\"").append(escape(link + file)).append("\">").append(file).append("</a> ");
        }
        out.append("</p>\n<pre>").append(escape(NmtDiff.text(r))).append("</pre>\n</details>\n");
        return out.toString();
    }

    /** The load on a service in a few lines: how it was reached, and what the generator measured. */
    private static String loadText(oomlab.result.LoadResult load) {
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
        return text.append(String.format(Locale.ROOT, "%s at %.0f/s: %.1f/s answered over %.1f s, %d errors %s;"
                        + "\np50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; %s", measured.protocol(),
                measured.targetRate(), measured.achievedRate(), measured.measuredSeconds(), measured.errors(),
                measured.errorKinds(), measured.p50Ms(), measured.p90Ms(), measured.p99Ms(), measured.maxMs(),
                measured.completed() ? "sent in full" : "cut short: the service was gone")).toString();
    }

    private static String suspects(Diagnosis diagnosis) {
        StringBuilder out = new StringBuilder("<table class=\"suspects\"><tr><th>suspect</th><th>from</th>"
                + "<th>growth MB</th><th>share of growth</th><th>peak MB</th></tr>\n");
        for (Suspect suspect : diagnosis.suspects()) {
            out.append("<tr><td>").append(escape(suspect.name())).append("</td><td>").append(escape(suspect.source()))
                    .append("</td>").append(num("%+d", suspect.growthBytes() >> 20))
                    .append(num("%.0f%%", suspect.share() * 100)).append(num("%d", suspect.peakBytes() >> 20))
                    .append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String allocations(AllocationProfile profile, String link) {
        StringBuilder out = new StringBuilder("<p>Who allocated (" + escape(profile.profiler()) + ")");
        if (profile.problem() != null) {
            return out.append(": ").append(escape(profile.problem())).append("</p>\n").toString();
        }
        out.append(String.format(Locale.ROOT, ", %d MB in the profile:", profile.totalBytes() >> 20));
        for (String file : profile.files()) {
            out.append(" <a href=\"").append(escape(link + file)).append("\">").append(escape(file)).append("</a>");
        }
        out.append("</p>\n<table class=\"frames\"><tr><th>frame</th><th>MB under it</th><th>share</th></tr>\n");
        for (Frame frame : profile.topFrames()) {
            out.append("<tr><td>").append(escape(frame.name())).append("</td>").append(num("%d", frame.bytes() >> 20))
                    .append(num("%.1f%%", frame.share() * 100)).append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String budget(Budget budget) {
        StringBuilder out = new StringBuilder("<table class=\"budget\"><tr><th>sizing formula item</th>"
                + "<th>budget MB</th><th>measured peak MB</th><th>budget from</th></tr>\n");
        for (BudgetLine line : budget.lines()) {
            out.append("<tr").append(line.hasSlot() ? "" : " class=\"failed\"").append("><td>")
                    .append(escape(line.item())).append("</td>")
                    .append(line.hasSlot() ? num("%d", line.budgetBytes() >> 20) : "<td>no slot</td>")
                    .append(num("%d", line.measuredBytes() >> 20)).append("<td>").append(escape(line.basis()))
                    .append("</td></tr>\n");
        }
        out.append("<tr><th>total</th>").append(num("%d", budget.budgetBytes() >> 20))
                .append(num("%d", budget.measuredBytes() >> 20)).append("<td>measured: the container's peak</td></tr>\n");
        return out.append("</table>\n").toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("<tr><th>").append(escape(name)).append("</th><td><pre>").append(escape(value))
                .append("</pre></td></tr>\n");
    }

    private static String num(String format, Object value) {
        return "<td class=\"num\">" + String.format(Locale.ROOT, format, value) + "</td>";
    }

    private static String anchor(RunResult r) {
        return escape(r.run().scenario() + "--" + r.run().runName());
    }

    private static List<Sample> readSamples(Path csv) {
        try {
            return Files.exists(csv) ? SampleLog.read(csv) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(); // a curve cut mid-line by a crash of the harness: the run is still reported
        }
    }

    private static double round(double mb) {
        return Math.round(mb * 10) / 10.0;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String json(Data data) {
        try {
            // inside <script>, "</" would end the element early
            return JSON.writeValueAsString(data).replace("</", "<\\/");
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

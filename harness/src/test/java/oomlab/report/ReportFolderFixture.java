package oomlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import oomlab.result.ResultFixture;
import oomlab.result.ResultJson;
import oomlab.result.RunIdentity;
import oomlab.result.RunResult;
import oomlab.sampling.NmtStats;
import oomlab.sampling.ProbeLine;
import oomlab.sampling.Sample;
import oomlab.sampling.SampleLog;
import oomlab.verdict.ExitAnalysis;
import oomlab.verdict.ExitEvidence;

/**
 * A results folder as a run of c2-leak leaves it, in miniature: c2 climbs to the 2 GB cap in Compiler arenas
 * and is OOM-killed, c1 levels off at half the cap. result.json, rss.csv and probe.jsonl for each.
 */
final class ReportFolderFixture {
    static final long MB = 1 << 20;
    static final List<String> NMT_CATEGORIES = List.of("Java Heap", "Compiler", "Arena Chunk", "Code", "GC",
            "Metaspace", "Thread", "Class", "Symbol", "Internal", "Other");

    /** Markup in a line of a run's output, which the page must show as text and never run. */
    static final String HOSTILE = "</pre></details><script>window.oomlabInjected=true</script><b>bold</b>";

    private ReportFolderFixture() {
    }

    static List<RunResult> write(Path root) throws IOException {
        RunResult base = ResultFixture.c1Survivor();
        RunResult c1 = withNmt(base, NmtStats.of(probeLines(false)));
        RunIdentity id = base.run();
        RunResult c2 = base.toBuilder()
                .run(new RunIdentity(id.scenario(), "c2", "c2", id.jdkMajor(), id.jdkVersion(), id.program(), id.image(),
                        id.capBytes(), id.heapBytes(), id.timeoutSeconds(), List.of("-Xmx768m"), id.env(), id.args(),
                        id.command()))
                .exit(ExitAnalysis.of(ExitEvidence.exit(137).dockerOomKilled(true).kernelOomKills(1).build(),
                        // a line of output is only text on the page, whatever it holds
                        List.of("Memory cgroup out of memory: Killed process 3353 (java) " + HOSTILE), List.of()))
                .nmt(NmtStats.of(probeLines(true))).allocations(null)
                .build();
        c2 = withService(c2, 0.20);
        c1 = withService(c1, 0.27);
        runFolder(root, c2, true);
        runFolder(root, c1, false);
        cures(root);
        return List.of(c2, c1);
    }

    /** The service's own windows, at 3,000 requests/s: the CPU and p99 chart beside the curves. */
    private static RunResult withService(RunResult r, double cores) {
        List<oomlab.output.ServiceWindow> windows = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            windows.add(new oomlab.output.ServiceWindow(w, w * 5.0, w * 5.0 + 5, w == 0 ? "warmup" : "steady",
                    cores + 0.01 * w, 3000, 0.12, 0.8 + w, 3.0));
        }
        return r.toBuilder().service(new oomlab.output.ServiceReport(windows)).build();
    }

    /**
     * A cure search's answer for c2: a cure that survived every round (its name carries markup, shown as text),
     * and one that was killed.
     */
    private static void cures(Path root) {
        oomlab.cure.Cost original = new oomlab.cure.Cost("service windows", 0.066, null, 0.9, 1.0, null);
        List<oomlab.cure.Trial> rounds = List.of(
                new oomlab.cure.Trial(1, "c2", oomlab.verdict.Verdict.OOM_KILLED, original, "OOM-killed"),
                new oomlab.cure.Trial(2, "c2-r2", oomlab.verdict.Verdict.OOM_KILLED, original, "OOM-killed"));
        oomlab.cure.Cure targeted = new oomlab.cure.Cure("cure-no-concat-opt" + HOSTILE, "the switch",
                oomlab.cure.Cure.Kind.COMPILER, List.of("-XX:-OptimizeStringConcat"), Map.of(), 0, "stacked concatenation");
        oomlab.cure.Cure fewer = new oomlab.cure.Cure("cure-cicount2", "fewer threads", oomlab.cure.Cure.Kind.COMPILER,
                List.of("-XX:CICompilerCount=2"), Map.of(), 0, "8 C2 threads");
        oomlab.cure.CureOutcome survived = oomlab.cure.CureOutcome.measure(targeted, List.of(
                new oomlab.cure.Trial(1, "cure-x-r1", oomlab.verdict.Verdict.SURVIVED,
                        new oomlab.cure.Cost("service windows", 0.068, 0.07, 0.9, 0.42, null), "survived"),
                new oomlab.cure.Trial(2, "cure-x-r2", oomlab.verdict.Verdict.SURVIVED,
                        new oomlab.cure.Cost("service windows", 0.065, 0.07, 1.0, 0.43, null), "survived")), rounds);
        oomlab.cure.CureOutcome killed = oomlab.cure.CureOutcome.measure(fewer, List.of(
                new oomlab.cure.Trial(1, "cure-cicount2-r1", oomlab.verdict.Verdict.OOM_KILLED,
                        new oomlab.cure.Cost("service windows", 0.067, null, 0.9, 1.0, null), "OOM-killed")), rounds);
        Outputs.write(root, Outputs.CURES, List.of(new oomlab.cure.CureAnswer("c2-leak", "c2", 17, 2048 * MB,
                768 * MB, "OOM-killed at the 2048 MB cap", rounds, List.of(),
                oomlab.cure.CureAnswer.rank(List.of(killed, survived)), 3, 2.5)));
    }

    private static void runFolder(Path root, RunResult result, boolean climbsToTheCap) throws IOException {
        Path dir = oomlab.layout.RunFiles.under(root, result.run().scenario(), result.run().runName()).dir();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(ResultJson.RESULT_FILE), ResultJson.write(result));
        long start = 1_795_457_077_000L;
        try (SampleLog samples = new SampleLog(dir.resolve("rss.csv"))) {
            for (int i = 0; i <= 600; i++) { // 15 s at 40 Hz
                double t = i / 40.0;
                long mb = climbsToTheCap ? (long) Math.min(2048, 800 + 83 * t) : (long) Math.min(1100, 800 + 40 * t);
                // at the cap the kernel re-reads the container's own files: refaults climb (4 KB pages)
                long refaults = climbsToTheCap && mb >= 2048 ? 1000L + 50L * i : 1000L;
                samples.add(new Sample(i * 25L, start + i * 25L, mb * MB, mb * MB - 10 * MB, 10 * MB, i * 50_000_000L, 0,
                        refaults, refaults / 10));
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (ProbeLine line : probeLines(climbsToTheCap)) {
            lines.add(json.writeValueAsString(line));
        }
        Files.write(dir.resolve("probe.jsonl"), lines);
    }

    private static RunResult withNmt(RunResult r, NmtStats nmt) {
        return r.toBuilder().load(null).nmt(nmt).build();
    }

    private static List<ProbeLine> probeLines(boolean climbsToTheCap) {
        long start = 1_795_457_077_000L;
        List<ProbeLine> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) { // 15 s at 4 Hz
            Map<String, Long> nmt = new LinkedHashMap<>();
            for (String category : NMT_CATEGORIES) {
                nmt.put(category, (category.equals("Java Heap") ? 768 : 4) * MB);
            }
            nmt.put("Compiler", (climbsToTheCap ? 2 + 80L * i / 4 : 3) * MB);
            nmt.put("Code", (10 + (long) i) * MB);
            nmt.put("Total", nmt.values().stream().mapToLong(Long::longValue).sum());
            lines.add(new ProbeLine(i, i * 250L, start + i * 250L, (820 + 10L * i) * MB, 30,
                    0, 10 * MB, i * 100_000_000L, "17.0.15+6-Debian-1deb12u1", "glibc", nmt, null));
        }
        return lines;
    }
}

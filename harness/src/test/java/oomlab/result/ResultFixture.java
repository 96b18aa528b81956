package oomlab.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import oomlab.container.ContainerOutcome;
import oomlab.diagnosis.Diagnose;
import oomlab.diagnosis.Diagnosis;
import oomlab.output.Compilations;
import oomlab.output.JitEvidence;
import oomlab.output.WorkReport;
import oomlab.sampling.MemoryCurve;
import oomlab.sampling.NmtStats;
import oomlab.verdict.ExitAnalysis;
import oomlab.verdict.ExitEvidence;
import oomlab.verdict.Verdict;

/** A complete result with fixed values, shaped like a c1 run of c2-leak, for tests that need one. */
public final class ResultFixture {
    private ResultFixture() {
    }

    public static RunResult c1Survivor() {
        return c1Survivor(0.55);
    }

    /** @param peakOfCap the run's peak as a fraction of its 2 GB cap */
    public static RunResult c1Survivor(double peakOfCap) {
        long cap = 2048L << 20;
        long peak = (long) (cap * peakOfCap);
        RunIdentity run = new RunIdentity("c2-leak", "c1", "c1", 17, "17.0.15+6-Debian-1deb12u1", "jit-churn",
                "oomlab/workloads:jdk17-c970e5eb6025", cap, 768L << 20, 240,
                List.of("-XX:NativeMemoryTracking=summary", "-Xmx768m", "-XX:TieredStopAtLevel=1"), Map.of(),
                List.of("--classes=150"), List.of("java", "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp",
                "/opt/oomlab/oomlab-workloads.jar", "oomlab.workloads.Main", "jit-churn", "--classes=150"));
        ContainerOutcome container = ContainerOutcome.builder("0977dfff4653").hostPid(3353)
                .createdAt(Instant.parse("2026-11-23T18:04:34.637Z")).startedAt(Instant.parse("2026-11-23T18:04:35.080Z"))
                .finishedAt(Instant.parse("2026-11-23T18:04:53.980Z")).exitCode(0)
                .hardening(new oomlab.container.Hardening("10001:10001", true, List.of("/tmp"), "none", List.of("ALL"),
                        List.of("no-new-privileges"), 16384, 2048L << 20, 2048L << 20, "4a1f624d")).build();
        MemoryCurve memory = MemoryCurve.builder("cgroup-v1").samples(757, 40.0).createdToFirstSampleMs(443)
                .peak(peak, peakOfCap).cpuSeconds(34.5).samplerCpuMs(180).build();
        ExitAnalysis exit = ExitAnalysis.of(ExitEvidence.exit(0).build(), List.of(), List.of());
        WorkReport work = new WorkReport("jit-churn", 300000, "calls", 18000, 34000, true);
        JitEvidence jit = new JitEvidence(Map.of("C1", 12000L), List.of(
                "C1 {speed: 27425.916 bytes/s; standard: 22.422 s, 483551 bytes, 11800 methods; osr: 36.075 s, 1120780 bytes, 200 methods}"),
                new Compilations(Map.of("0", 40L, "1", 900L, "2", 20L, "3", 11080L), 200, 1200, List.of(), 0,
                        List.of(), 0, List.of(300L, 700L, 0L, 0L, 200L), List.of(0L, 2L, 0L, 0L, 150L), List.of()),
                List.of(new oomlab.output.JitFinding(oomlab.output.JitFinding.COMPILER_DISABLED, 2,
                        "[6.010s][warning][codecache] CodeCache is full. Compiler has been disabled.")),
                new oomlab.output.DeoptWindow("megamorphic", 4100, 3, 700, 200, 2, 150, null));
        NmtStats nmt = new NmtStats(75,
                Map.of("Total", 908L << 20, "Code", 10L << 20, "Compiler", 3L << 20),
                Map.of("Total", 1000L << 20, "Code", 92L << 20, "Compiler", 13L << 20),
                Map.of("Total", 1010L << 20, "Code", 92L << 20, "Compiler", 20L << 20),
                Map.of("Code", 82L << 20, "Compiler", 10L << 20), "Code", 64L << 20, 12L << 20);
        Diagnosis diagnosis = Diagnose.of(exit.verdict(), cap, run.heapBytes(), run.jvmFlags(), memory, nmt,
                jit, null);
        RunResult unjudged = RunResult.builder().run(run).container(container).memory(memory).exit(exit).work(work)
                .jit(jit).malloc("glibc").nmt(nmt).diagnosis(diagnosis).build();
        return unjudged.withJudgement(Judgement.of("SURVIVED", List.of(
                new CheckResult("verdict", "SURVIVED", Verdict.SURVIVED.name(), true),
                new CheckResult("peakAtMost", "<= 0.850", String.format(java.util.Locale.ROOT, "%.3f", peakOfCap),
                        peakOfCap <= 0.85))));
    }
}

package oomlab.judgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import oomlab.output.JitEvidence;
import oomlab.result.CheckResult;
import oomlab.result.Judgement;
import oomlab.result.ResultFixture;
import oomlab.result.RunResult;
import oomlab.sampling.MemoryCurve;
import oomlab.scenario.Checks;
import oomlab.scenario.Expectation;
import oomlab.verdict.ExitAnalysis;
import oomlab.verdict.ExitEvidence;
import org.junit.jupiter.api.Test;

class JudgeTest {
    private static final Checks PEAK_AT_MOST_085 = Checks.builder().peakAtMost(0.85).build();

    @Test
    void aRunThatMeetsEveryExpectationPassesWithEachCheckListed() {
        Judgement judgement = Judge.judge(ResultFixture.c1Survivor(0.55), Expectation.parse("SURVIVED"),
                List.of(Checks.NONE, PEAK_AT_MOST_085), true);

        assertThat(judgement.passed()).isTrue();
        assertThat(judgement.expectedVerdict()).isEqualTo("SURVIVED");
        assertThat(judgement.checks()).extracting(CheckResult::name)
                .containsExactly("verdict", "workComplete", "samples", "samplerHz", "probeSamples", "confined",
                        "peakAtMost");
        assertThat(judgement.checks()).filteredOn(c -> c.name().equals("peakAtMost")).singleElement()
                .isEqualTo(new CheckResult("peakAtMost", "<= 0.850", "0.550", true));
    }

    @Test
    void aContainerDockerDidNotConfineFailsSayingWhatWasMissing() {
        RunResult base = ResultFixture.c1Survivor();
        oomlab.container.ContainerOutcome c = base.container();
        RunResult loose = base.toBuilder().container(c.toBuilder().hardening(new oomlab.container.Hardening("", false,
                List.of(), "none", List.of("ALL"), List.of("no-new-privileges"), 16384, 2048L << 20, 2048L << 20,
                "4a1f624d")).build()).build();

        CheckResult confined = Judge.judge(loose, Expectation.parse("SURVIVED"), List.of(), true).failed().get(0);
        assertThat(confined.name()).isEqualTo("confined");
        assertThat(confined.actual()).isEqualTo("runs as root; root filesystem writable");
        // a user's own image keeps its user and filesystem
        assertThat(Judge.judge(loose, Expectation.parse("SURVIVED"), List.of(), true, true).passed()).isTrue();
    }

    @Test
    void aTighterCheckFailsWithExpectedAndActual() {
        Judgement judgement = Judge.judge(ResultFixture.c1Survivor(0.55), Expectation.parse("SURVIVED"),
                List.of(Checks.builder().peakAtMost(0.3).build()), true);

        assertThat(judgement.passed()).isFalse();
        assertThat(judgement.failed()).singleElement()
                .isEqualTo(new CheckResult("peakAtMost", "<= 0.300", "0.550", false));
    }

    @Test
    void anUnexpectedVerdictFailsAndAReportedRunHasNoVerdictCheck() {
        RunResult survivor = ResultFixture.c1Survivor();

        assertThat(Judge.judge(survivor, Expectation.parse("OOM_KILLED"), List.of(), true).failed())
                .extracting(CheckResult::toString)
                .containsExactly("verdict: expected OOM_KILLED, got SURVIVED (FAILED)");
        Judgement reported = Judge.judge(survivor, Expectation.parse("REPORT"), List.of(), true);
        assertThat(reported.passed()).isTrue();
        assertThat(reported.expectedVerdict()).isEqualTo("REPORT");
        assertThat(reported.checks()).extracting(CheckResult::name).doesNotContain("verdict");
    }

    @Test
    void anExpectationMayAcceptSeveralVerdicts() {
        Expectation killedOrStalled = Expectation.parse("OOM_KILLED or stalled");

        assertThat(killedOrStalled).hasToString("OOM_KILLED or STALLED");
        assertThat(killedOrStalled.accepts(oomlab.verdict.Verdict.STALLED)).isTrue();
        assertThat(killedOrStalled.accepts(oomlab.verdict.Verdict.TIMEOUT)).isFalse();
        assertThat(Judge.judge(ResultFixture.c1Survivor(), killedOrStalled, List.of(), true).failed())
                .extracting(CheckResult::toString)
                .containsExactly("verdict: expected OOM_KILLED or STALLED, got SURVIVED (FAILED)");
    }

    @Test
    void anOomKillNeedsTheKernelsOrDockersWord() {
        RunResult base = ResultFixture.c1Survivor();
        RunResult unconfirmed = base.toBuilder().exit(new ExitAnalysis(oomlab.verdict.Verdict.OOM_KILLED,
                ExitEvidence.exit(137).build(), List.of(), List.of(), List.of(), null))
                .judgement(null).build();

        Judgement judgement = Judge.judge(unconfirmed, Expectation.parse("OOM_KILLED"), List.of(), true);

        assertThat(judgement.failed()).extracting(CheckResult::name).containsExactly("oomKillConfirmed");
    }

    @Test
    void compiledByNeedsExactlyTheNamedCompilers() {
        RunResult base = ResultFixture.c1Survivor();
        RunResult graalWithC2 = base.toBuilder().jit(new JitEvidence(Map.of("C1", 100L, "C2", 5L, "JVMCI", 40L),
                List.of(), base.jit().compilations())).judgement(null).build();
        Checks graal = Checks.builder().compiledBy("C1", "JVMCI").build();

        CheckResult check = Judge.judge(graalWithC2, Expectation.parse("REPORT"), List.of(graal), true).failed().get(0);

        assertThat(check.name()).isEqualTo("compiledBy");
        assertThat(check.actual()).isEqualTo("{C1=100, C2=5, JVMCI=40}");
        assertThat(Judge.judge(base, Expectation.parse("REPORT"), List.of(Checks.builder().compiledBy("C1")
                .build()), true).passed()).isTrue();
    }

    @Test
    void growthAndSamplingChecks() {
        RunResult base = ResultFixture.c1Survivor();
        Checks growth = Checks.builder().nmtGrowth("Code").growthMostlyIn("Code", "Compiler").build();
        assertThat(Judge.judge(base, Expectation.parse("SURVIVED"), List.of(growth), true).passed()).isTrue();

        Checks wrongCategory = Checks.builder().nmtGrowth("Compiler").growthMostlyIn("unexplained").build();
        assertThat(Judge.judge(base, Expectation.parse("SURVIVED"), List.of(wrongCategory), true).failed())
                .extracting(CheckResult::name).containsExactly("nmtGrowth", "growthMostlyIn");

        RunResult coarse = base.toBuilder().memory(MemoryCurve.builder("cgroup-v2").samples(10, 1.0)
                        .createdToFirstSampleMs(400).peak(1, 0.1).cpuSeconds(1).build())
                .work(null).service(null).judgement(null).build();
        assertThat(Judge.judge(coarse, Expectation.parse("SURVIVED"), List.of(), true).failed())
                .extracting(CheckResult::name).containsExactly("workComplete", "samplerHz");
        assertThat(Judge.judge(coarse, Expectation.parse("SURVIVED"), List.of(), false).failed())
                .extracting(CheckResult::name).containsExactly("samplerHz");
    }

    @Test
    void aDeoptStormNeedsOptimisedCodeAtTheSwitchAndMoreOfItThrownAwayAfter() {
        RunResult base = ResultFixture.c1Survivor();
        Checks storm = Checks.builder().madeNotEntrantRisesAfter("megamorphic").build();
        java.util.function.Function<oomlab.output.DeoptWindow, CheckResult> judged = window -> Judge.judge(
                base.toBuilder().jit(new JitEvidence(Map.of("C1", 100L, "C2", 5L), List.of(),
                        base.jit().compilations(), List.of(), window)).judgement(null).build(),
                Expectation.parse("REPORT"), List.of(storm), true).checks().stream()
                .filter(c -> c.name().equals("madeNotEntrantRisesAfter")).findFirst().orElseThrow();

        // a machine fast enough: every caller optimised at the switch, half of them thrown away in the 3 s after
        CheckResult storming = judged.apply(new oomlab.output.DeoptWindow("megamorphic", 9120, 3, 2, 404, 0, 197,
                new oomlab.output.DeoptWindow.AtSwitch(400, 400, 8410, "every caller optimised")));
        assertThat(storming.passed()).isTrue();
        assertThat(storming.actual()).isEqualTo("0 in the 3 s before, 197 after (all tiers: 2 before, 404 after);"
                + " at the switch (8.4 s, every caller optimised) 400 of 400 optimised");
        // the red CI run's shape: nothing optimised to throw away, so nothing rose
        assertThat(judged.apply(new oomlab.output.DeoptWindow("megamorphic", 8525, 3, 10, 404, 1, 1,
                new oomlab.output.DeoptWindow.AtSwitch(0, 400, 60000, "the warm-up's bound of 60 s"))).passed())
                .isFalse();
        // tier 1-3 code thrown away at tier-ups is not the storm
        assertThat(judged.apply(new oomlab.output.DeoptWindow("megamorphic", 8525, 3, 10, 404, 1, 1, null))
                .passed()).isFalse();
        assertThat(judged.apply(null).actual()).isEqualTo("the workload marked no phase 'megamorphic'");
    }

    @Test
    void aSamplerThatNeverReadTheCpuCounterFailsSayingSo() {
        RunResult base = ResultFixture.c1Survivor();
        MemoryCurve m = base.memory();
        String lost = "the container's CPU counter was read in none of 1702 samples: CPU from the JVM's own count"
                + " (the probe), without the container's other processes";
        RunResult withoutCpu = base.toBuilder().memory(m.toBuilder().cpuCounterLost(lost).build()).judgement(null).build();

        assertThat(Judge.judge(withoutCpu, Expectation.parse("SURVIVED"), List.of(), true).failed())
                .containsExactly(new CheckResult("cpuCounter", "the container's CPU counter read by the sampler", lost,
                        false));
        assertThat(Judge.judge(base, Expectation.parse("SURVIVED"), List.of(), true).checks())
                .extracting(CheckResult::name).doesNotContain("cpuCounter");
    }

    /** A survivor still growing under load fails a scenario's memoryGrowthAtMost: 0, saying how fast. */
    @Test
    void memorySettledUnderLoadIsACheck() {
        RunResult base = ResultFixture.c1Survivor();
        java.util.function.Function<oomlab.analysis.SteadyState.MemoryTrend, RunResult> withTrend = trend ->
                base.toBuilder().load(new oomlab.result.LoadResult(null, null, new oomlab.analysis.SteadyState(
                        List.of(), 20.0, 400.0, 3.0, "steady from 20 s", trend, null))).judgement(null).build();
        RunResult growing = withTrend.apply(new oomlab.analysis.SteadyState.MemoryTrend(4, 40, 12.0, 8.0, 16.0, 300,
                17.0, false));
        RunResult settled = withTrend.apply(new oomlab.analysis.SteadyState.MemoryTrend(4, 40, 0.4, -1.2, 2.0, 300,
                null, true));
        Checks mustSettle = Checks.builder().memoryGrowthAtMost(0.0).build();

        CheckResult failed = Judge.judge(growing, Expectation.parse("SURVIVED"), List.of(mustSettle), true).checks()
                .stream().filter(c -> c.name().equals("memoryGrowthAtMost")).findFirst().orElseThrow();
        assertThat(failed.passed()).isFalse();
        assertThat(failed.actual()).startsWith("still growing at 12.0 MB/min [8.0 to 16.0]");
        assertThat(Judge.judge(settled, Expectation.parse("SURVIVED"), List.of(mustSettle), true).checks())
                .filteredOn(c -> c.name().equals("memoryGrowthAtMost")).singleElement()
                .extracting(CheckResult::passed).isEqualTo(true);
        assertThat(Judge.judge(growing, Expectation.parse("SURVIVED"), List.of(Checks.builder()
                .memoryGrowthAtMost(10.0).build()), true).checks()).filteredOn(c -> c.name().equals("memoryGrowthAtMost"))
                .singleElement().extracting(CheckResult::passed).isEqualTo(true); // 8 MB/min is not above 10
    }
}

package oomlab.cure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import oomlab.verdict.Verdict;
import org.junit.jupiter.api.Test;

class CureReportTest {
    private static final long MB = 1 << 20;
    private static final Cost KILLED_AT_CAP = new Cost("service windows", 0.066, null, 0.9, 1.0, null);
    private static final List<Trial> ORIGINAL = List.of(
            new Trial(1, "c2", Verdict.OOM_KILLED, KILLED_AT_CAP, "OOM-killed"),
            new Trial(2, "c2-r2", Verdict.OOM_KILLED, new Cost("service windows", 0.060, null, 0.9, 1.0, null), "OOM-killed"));

    private static Cure cure(String name, String flag) {
        return new Cure(name, name, Cure.Kind.COMPILER, List.of(flag), Map.of(), 0, "evidence of " + name);
    }

    private static Trial survived(int round, double cpu, double peak) {
        return new Trial(round, "r" + round, Verdict.SURVIVED, new Cost("service windows", cpu, cpu, 1.0, peak, null), "ok");
    }

    @Test
    void survivorsOfEveryRunComeFirstThenTheCheapestAndTheAnswerCanBePasted() {
        CureOutcome c1 = CureOutcome.measure(cure("cure-c1", "-XX:TieredStopAtLevel=1"),
                List.of(survived(1, 0.088, 0.40), survived(2, 0.081, 0.40)), ORIGINAL);
        CureOutcome targeted = CureOutcome.measure(cure("cure-no-concat-opt", "-XX:-OptimizeStringConcat"),
                List.of(survived(1, 0.067, 0.41), survived(2, 0.061, 0.41)), ORIGINAL);
        CureOutcome once = CureOutcome.measure(cure("cure-flaky", "-XX:+Flaky"), List.of(survived(1, 0.050, 0.5),
                new Trial(2, "r2", Verdict.OOM_KILLED, KILLED_AT_CAP, "killed")), ORIGINAL);
        CureAnswer answer = new CureAnswer("incident", "c2", 17, 4096 * MB, 1536 * MB, "OOM-killed", ORIGINAL, List.of(),
                CureAnswer.rank(List.of(c1, once, targeted)), 6, 5.5);

        assertThat(answer.ranked()).extracting(o -> o.cure().name())
                .containsExactly("cure-no-concat-opt", "cure-c1", "cure-flaky");
        assertThat(answer.recommended()).map(o -> o.cure().name()).hasValue("cure-no-concat-opt");
        assertThat(answer.nextBest()).map(o -> o.cure().name()).hasValue("cure-c1");
        assertThat(c1.steadyCpu().estimate()).isGreaterThan(1.3);

        String markdown = CureReport.markdown(List.of(answer));
        assertThat(markdown).contains("**Recommended: cure-no-concat-opt**", "JAVA_TOOL_OPTIONS=\"-XX:-OptimizeStringConcat\"",
                "    memory: \"4096Mi\"", "  - name: JAVA_TOOL_OPTIONS\n    value: \"-XX:-OptimizeStringConcat\"",
                "`JAVA_TOOL_OPTIONS=\"-Xmx1536m -XX:-OptimizeStringConcat\"`", "Next best: **cure-c1**",
                "| 3 | cure-flaky |", "1× SURVIVED, 1× OOM_KILLED");
    }

    @Test
    void withNoSurvivorTheAnswerSaysSo() {
        CureOutcome killed = CureOutcome.measure(cure("cure-cicount2", "-XX:CICompilerCount=2"),
                List.of(new Trial(1, "r1", Verdict.OOM_KILLED, KILLED_AT_CAP, "killed")), ORIGINAL);
        CureAnswer answer = new CureAnswer("incident", "c2", 17, 4096 * MB, 1536 * MB, "OOM-killed", ORIGINAL, List.of(),
                List.of(killed), 1, 1.0);

        assertThat(answer.recommended()).isEmpty();
        assertThat(CureReport.markdown(List.of(answer))).contains("**No candidate survived every run**");
    }

    /**
     * The incident's c2 lived one window past the deploy, spent on the compilation that killed it (1.8 cores): the
     * cures' CPU after the deploy is held against its steady figure, not that window.
     */
    @Test
    void anOriginalKilledAfterTheDeployIsNoAfterDeployBaseline() {
        List<Trial> dying = List.of(new Trial(1, "c2", Verdict.OOM_KILLED,
                new Cost("service windows", 0.080, 0.600, 0.9, 1.0, null), "OOM-killed"));
        CureOutcome c1 = CureOutcome.measure(cure("cure-c1", "-XX:TieredStopAtLevel=1"),
                List.of(new Trial(1, "r1", Verdict.SURVIVED, new Cost("service windows", 0.100, 0.120, 1.0, 0.4, null),
                        "ok")), dying);

        assertThat(c1.afterDeployCpu().estimate()).isEqualTo(1.5); // 0.120 / 0.080, not 0.120 / 0.600
        assertThat(c1.steadyCpu().estimate()).isEqualTo(1.25);
    }

    /** A service's original killed before it was steady gives no ratio: each cure is priced by its own steady CPU. */
    @Test
    void withoutASteadyOriginalTheCuresArePricedByTheirOwnSteadyCpu() {
        List<Trial> neverSteady = List.of(new Trial(1, "c2", Verdict.OOM_KILLED,
                new Cost("load windows", null, null, null, 1.0, null), "OOM-killed"));
        CureOutcome pod = CureOutcome.measure(new Cure("cure-pod-fits", "a pod that fits", Cure.Kind.POD, List.of(),
                Map.of(), 480 * MB, "heap"), List.of(survived(1, 0.606, 0.68), survived(2, 0.567, 0.68)), neverSteady);
        CureOutcome heap = CureOutcome.measure(cure("cure-heap-fits", "-Xmx104m"),
                List.of(survived(1, 0.577, 0.88), survived(2, 0.576, 0.88)), neverSteady);

        assertThat(pod.steadyCpu()).isNull();
        assertThat(heap.steadyCpuPer1000().mean()).isBetween(0.576, 0.577); // the geometric mean of 0.577 and 0.576
        assertThat(CureAnswer.rank(List.of(pod, heap))).extracting(o -> o.cure().name())
                .containsExactly("cure-heap-fits", "cure-pod-fits"); // the cheaper steady first
        CureAnswer answer = new CureAnswer("quotes-small", "c2", 17, 300 * MB, 256 * MB, "OOM-killed", neverSteady,
                List.of(), CureAnswer.rank(List.of(pod, heap)), 4, 14.6);
        assertThat(CureReport.markdown(List.of(answer))).contains("(the original was killed before it was steady)");
    }
}

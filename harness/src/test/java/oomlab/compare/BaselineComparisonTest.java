package oomlab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import oomlab.result.ResultFixture;
import oomlab.result.RunResult;
import oomlab.scenario.Tolerances;
import oomlab.verdict.ExitAnalysis;
import oomlab.verdict.ExitEvidence;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {
    private static final Tolerances DEFAULTS = Tolerances.DEFAULT;

    @Test
    void theSameRunWithinToleranceIsOk() {
        RunComparison c = BaselineComparison.compare(ResultFixture.c1Survivor(0.55), ResultFixture.c1Survivor(0.58),
                DEFAULTS);

        assertThat(c.status()).isEqualTo("ok");
        assertThat(c.regression()).isFalse();
        assertThat(c.peakChange()).isCloseTo(0.0545, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void aPeakBeyondItsToleranceIsADriftAndARegression() {
        RunComparison c = BaselineComparison.compare(ResultFixture.c1Survivor(0.50), ResultFixture.c1Survivor(0.60),
                DEFAULTS);

        assertThat(c.status()).isEqualTo("drift");
        assertThat(c.regression()).isTrue();
        assertThat(c.detail()).isEqualTo("peak +20% (tolerance ±10%)");
        assertThat(BaselineComparison.compare(ResultFixture.c1Survivor(0.50), ResultFixture.c1Survivor(0.60),
                new Tolerances(0.25, null, null).orDefaults()).status()).isEqualTo("ok");
    }

    @Test
    void aChangedVerdictAMissingRunAndANewOne() throws IOException {
        RunResult survivor = ResultFixture.c1Survivor();
        RunResult killed = survivor.toBuilder().exit(ExitAnalysis.of(ExitEvidence.exit(137).dockerOomKilled(true)
                .kernelOomKills(1).build(), List.of(),
                List.of())).build();

        List<RunComparison> comparisons = BaselineComparison.compare(List.of(survivor), List.of(killed),
                scenario -> DEFAULTS);
        assertThat(comparisons).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo("verdict changed");
            assertThat(c.detail()).isEqualTo("SURVIVED -> OOM_KILLED");
        });
        assertThat(BaselineComparison.compare(List.of(survivor), List.of(), scenario -> DEFAULTS))
                .extracting(RunComparison::status).containsExactly("missing");
        assertThat(BaselineComparison.compare(List.of(), List.of(survivor), scenario -> DEFAULTS))
                .singleElement().satisfies(c -> assertThat(c.regression()).isFalse());

        StringBuilder out = new StringBuilder();
        BaselineComparison.write(comparisons, out);
        assertThat(out).contains("| c2-leak / c1 | 17 | SURVIVED | OOM_KILLED | +0% | +0% | +0% | REGRESSION: verdict"
                + " changed (SURVIVED -> OOM_KILLED) |").contains("1 run(s) compared with the baseline: 1 regression(s)");
    }
}

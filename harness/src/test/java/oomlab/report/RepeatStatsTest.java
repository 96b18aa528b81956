package oomlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import oomlab.result.ResultFixture;
import oomlab.result.RunResult;
import oomlab.verdict.ExitAnalysis;
import oomlab.verdict.ExitEvidence;
import org.junit.jupiter.api.Test;

class RepeatStatsTest {
    @Test
    void agreementAndSpreadOfTheRepeatsOfOneRun() throws IOException {
        List<RunResult> repeats = List.of(ResultFixture.c1Survivor(0.50), ResultFixture.c1Survivor(0.55),
                ResultFixture.c1Survivor(0.60));

        RepeatStats stats = RepeatStats.of(repeats).get(0);

        assertThat(stats.agreement()).isEqualTo("3/3 SURVIVED");
        assertThat(stats.peakMb().min()).isLessThan(stats.peakMb().median());
        assertThat(stats.peakMb().median()).isLessThan(stats.peakMb().max());
        assertThat(stats.peakMb().cv()).isBetween(0.07, 0.09); // 0.50/0.55/0.60: sd 0.041 over mean 0.55
        StringBuilder out = new StringBuilder();
        new SummaryTable().write(repeats, out);
        assertThat(out).contains("Repeats (min / median / max, coefficient of variation)")
                .contains("| 3/3 SURVIVED |");
    }

    @Test
    void aVerdictThatIsNotNOfNIsFlaky() {
        RunResult survived = ResultFixture.c1Survivor();
        RunResult killed = survived.toBuilder().exit(ExitAnalysis.of(ExitEvidence.exit(137).dockerOomKilled(true)
                .kernelOomKills(1).build(), List.of(),
                List.of())).build();

        RepeatStats stats = RepeatStats.of(List.of(killed, survived, killed)).get(0);

        assertThat(stats.agreed()).isFalse();
        assertThat(stats.agreement()).isEqualTo("2/3 OOM_KILLED, 1/3 SURVIVED (flaky)");
    }

    @Test
    void aRunMadeOnceHasNoRepeatLine() {
        assertThat(RepeatStats.of(List.of(ResultFixture.c1Survivor()))).isEmpty();
    }
}

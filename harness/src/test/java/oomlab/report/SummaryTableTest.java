package oomlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import oomlab.output.WorkReport;
import oomlab.result.ResultFixture;
import oomlab.verdict.Verdict;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
    @Test
    void aRowShowsTheJudgementAndTheShortJdkVersion() throws IOException {
        StringBuilder out = new StringBuilder();
        new SummaryTable().write(List.of(ResultFixture.c1Survivor()), out);

        assertThat(out).contains("| c2-leak | c1 | 17.0.15 | passed | SURVIVED | SURVIVED | 18.9 | 1126 | 55% | 34.5"
                + " | 0.113 | 1.00× | 300000 calls | Code | 64 |");
    }

    /** direct-buffer-limit ends in a Java OOM: its work was stopped by the error, not by a kill. */
    @Test
    void unfinishedWorkSaysWhatStoppedIt() {
        WorkReport partial = new WorkReport("direct-buffers", 128, "MB", 1000, 900, false);

        assertThat(SummaryTable.workText(partial, Verdict.JAVA_OOM)).isEqualTo("128 MB (stopped by OutOfMemoryError)");
        assertThat(SummaryTable.workText(partial, Verdict.OOM_KILLED)).isEqualTo("128 MB (OOM-killed)");
        assertThat(SummaryTable.workText(partial, Verdict.TIMEOUT)).isEqualTo("128 MB (timed out)");
        assertThat(SummaryTable.workText(null, Verdict.SURVIVED)).isEqualTo("-");
        assertThat(SummaryTable.workText(new WorkReport("steady", 100, "iterations", 1, 1, true), Verdict.SURVIVED))
                .isEqualTo("100 iterations");
    }

    /** Seen in CI: gc-overhead / gc-zgc-generational SURVIVED at 2,295 of 2,304 MB where a kill was expected. */
    @Test
    void aSurvivorWithinAFewPercentOfItsCapIsAKnifeEdge() throws IOException {
        oomlab.result.RunResult c1 = ResultFixture.c1Survivor(); // 55% of its cap: room to spare
        oomlab.sampling.MemoryCurve m = c1.memory();
        long cap = c1.run().capBytes();
        oomlab.result.RunResult edge = c1.toBuilder().memory(m.toBuilder().peak(cap / 1000 * 996, 0.996).build())
                .build();

        assertThat(SummaryTable.knifeEdges(List.of(c1))).isEmpty();
        assertThat(SummaryTable.knifeEdges(List.of(edge))).singleElement().asString()
                .contains("c2-leak / c1 (JDK 17) survived at 99.6% of its cap").contains("knife edge");
        StringBuilder out = new StringBuilder();
        new SummaryTable().write(List.of(c1, edge), out);
        assertThat(out).contains("Margins:\n- warning: c2-leak / c1 (JDK 17) survived at 99.6%");
    }

    /** Seen with a Spring Boot service in a 300 MB pod: killed 0.9 s and 1.5 s before its load would have ended. */
    @Test
    void aKillInTheLastSecondsOfItsLoadIsAnEdge() {
        oomlab.result.RunResult c1 = ResultFixture.c1Survivor();
        java.util.function.Function<String, oomlab.result.RunResult> killedWith = summary -> c1.toBuilder()
                .exit(oomlab.verdict.ExitAnalysis.of(oomlab.verdict.ExitEvidence.exit(137).dockerOomKilled(true)
                        .kernelOomKills(1).build(), List.of(), List.of()))
                .work(null).service(null)
                .load(new oomlab.result.LoadResult(null, oomlab.output.LoadReport.fromLines(List.of(
                        "oomlab-load-summary " + summary)).orElseThrow(), null))
                .build();
        String fields = "\"protocol\":\"http\",\"targetRate\":400.0,\"completed\":false,\"sent\":1,\"ok\":1,"
                + "\"errors\":0,\"achievedRate\":1,\"p50Ms\":1,\"p90Ms\":1,\"p99Ms\":1,\"maxMs\":1";

        assertThat(SummaryTable.loadEndEdges(List.of(killedWith.apply("{" + fields
                + ",\"measuredSeconds\":28.6,\"plannedSeconds\":30}")))).singleElement().asString()
                .contains("c2-leak / c1 (JDK 17) was OOM-killed 1.4 s before its load would have ended (28.6 of 30 s");
        // killed half-way: the verdict does not hang on the load's end
        assertThat(SummaryTable.loadEndEdges(List.of(killedWith.apply("{" + fields
                + ",\"measuredSeconds\":12.0,\"plannedSeconds\":30}")))).isEmpty();
        // a generator that did not say its plan: nothing claimed
        assertThat(SummaryTable.loadEndEdges(List.of(killedWith.apply("{" + fields + ",\"measuredSeconds\":28.6}"))))
                .isEmpty();
    }

    /** A pod "survived" at 307 of 512 MB while its memory still rose 20 MB in its last 8 s: said when it was near its cap. */
    @Test
    void aSurvivorStillGrowingNearItsCapIsAnEdge() {
        oomlab.result.RunResult c1 = ResultFixture.c1Survivor();
        oomlab.sampling.MemoryCurve m = c1.memory();
        long cap = c1.run().capBytes();
        java.util.function.BiFunction<Double, Boolean, oomlab.result.RunResult> survivor = (share, settled) ->
                c1.toBuilder()
                        .memory(m.toBuilder().peak((long) (cap * share), share).build())
                        .load(new oomlab.result.LoadResult(null, null, new oomlab.analysis.SteadyState(List.of(), 20.0,
                                400.0, 3.0, "steady from 20 s", new oomlab.analysis.SteadyState.MemoryTrend(4, 40,
                                settled ? 0.1 : 12.0, settled ? -1 : 8, settled ? 1.2 : 16, cap * share / (1 << 20),
                                settled ? null : 4.0, settled), null)))
                        .build();

        assertThat(SummaryTable.stillGrowingNearCap(List.of(survivor.apply(0.96, false)))).singleElement().asString()
                .contains("c2-leak / c1 (JDK 17) survived at 96.0% of its cap while its memory was still growing at"
                        + " 12.0 MB/min").contains("untilSteady");
        assertThat(SummaryTable.stillGrowingNearCap(List.of(survivor.apply(0.96, true)))).isEmpty();
        assertThat(SummaryTable.stillGrowingNearCap(List.of(survivor.apply(0.60, false)))).isEmpty();
    }
}

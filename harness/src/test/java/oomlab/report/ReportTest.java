package oomlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void theDominantGrowthIsTheCategoryThatGrewMostIgnoringTheTotal() {
        NmtGrowth growth = NmtGrowth.between(
                Map.of("Total", 100L, "Java Heap", 50L, "Other", 1L, "Code", 10L),
                Map.of("Total", 900L, "Java Heap", 50L, "Other", 700L, "Code", 60L, "Compiler", 90L));

        assertThat(growth.bytesByCategory()).containsEntry("Other", 699L).containsEntry("Compiler", 90L)
                .doesNotContainKey("Total");
        assertThat(growth.dominant()).contains("Other");
        assertThat(NmtGrowth.between(Map.of("Code", 5L), Map.of("Code", 5L)).dominant()).isEmpty();
    }

    @Test
    void theWorkloadsClosingLineGivesThroughput() {
        String log = """
                oomlab-progress {"workload":"steady","ops":40,"unit":"iterations","elapsedMs":1000,"cpuMs":900}
                steady checksum 1
                oomlab-work {"workload":"steady","ops":100,"unit":"iterations","elapsedMs":4000,"cpuMs":5000}
                """;

        WorkReport work = WorkReport.fromOutput(log).orElseThrow();

        assertThat(work.complete()).isTrue();
        assertThat(work.ops()).isEqualTo(100);
        assertThat(work.opsPerSecond()).isEqualTo(25.0);
        assertThat(work.cpuSecondsPerUnit()).isEqualTo(0.05);
        assertThat(WorkReport.fromOutput("killed before the first second\n")).isEmpty();
    }

    @Test
    void aKilledRunStillTellsHowFarItGot() {
        String log = """
                oomlab-progress {"workload":"jit-churn","ops":1000,"unit":"calls","elapsedMs":1000,"cpuMs":1500}
                oomlab-progress {"workload":"jit-churn","ops":3000,"unit":"calls","elapsedMs":2000,"cpuMs":3000}
                oomlab-progress {"workload":"jit-ch""";

        WorkReport work = WorkReport.fromOutput(log).orElseThrow();

        assertThat(work.complete()).isFalse();
        assertThat(work.ops()).isEqualTo(3000);
        assertThat(work.cpuSecondsPerUnit()).isEqualTo(0.001);
    }
}

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
        String log = "steady checksum 1\noomlab-work {\"workload\":\"steady\",\"ops\":100,\"unit\":\"iterations\","
                + "\"elapsedMs\":4000}\n";

        WorkReport work = WorkReport.fromOutput(log).orElseThrow();

        assertThat(work.ops()).isEqualTo(100);
        assertThat(work.opsPerSecond()).isEqualTo(25.0);
        assertThat(WorkReport.fromOutput("killed before the end\n")).isEmpty();
    }
}

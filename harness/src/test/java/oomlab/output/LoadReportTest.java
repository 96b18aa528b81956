package oomlab.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadReportTest {
    @Test
    void theLastSummaryLineIsTheReport() {
        List<String> log = List.of(
                "oomlab-load {\"second\":1,\"warmup\":true,\"sent\":300,\"ok\":290,\"errors\":0}",
                "oomlab-load-summary {\"protocol\":\"http\",\"targetRate\":300.0,\"measuredSeconds\":26.10,"
                        + "\"completed\":false,\"sent\":9400,\"ok\":7700,\"errors\":44,\"achievedRate\":295.0,"
                        + "\"p50Ms\":2.3,\"p90Ms\":8.1,\"p99Ms\":23.5,\"maxMs\":210.0,"
                        + "\"errorKinds\":{\"ConnectException\":44},\"firstError\":\"java.net.ConnectException\"}");

        LoadReport report = LoadReport.fromLines(log).orElseThrow();

        assertThat(report.completed()).isFalse();
        assertThat(report.achievedRate()).isEqualTo(295.0);
        assertThat(report.p99Ms()).isEqualTo(23.5);
        assertThat(report.errorKinds()).containsEntry("ConnectException", 44L);
    }

    @Test
    void aGeneratorKilledBeforeItsSummaryReportsNothing() {
        assertThat(LoadReport.fromLines(List.of("oomlab-load {\"second\":1}", "oomlab-load-summary {\"prot")))
                .isEmpty();
        assertThat(LoadReport.fromLines(List.of())).isEmpty();
    }
}

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

    @Test
    void jitEvidenceCountsMethodsPerCompilerAndKeepsGraalsOwnWords() {
        String log = """
                Using compiler configuration 'community' provided by org.graalvm.compiler.truffle.compiler.hotspot.Factory loaded from jar:file:///opt/oomlab/graal/compiler-22.3.5.jar!/x.class
                  C1 {speed: 27425.916 bytes/s; standard: 22.422 s, 483551 bytes, 5093 methods; osr: 36.075 s, 1120780 bytes, 233 methods; nmethods_size: 1 bytes; nmethods_code_size: 1 bytes}
                  JVMCI {speed: 2524.485 bytes/s; standard:  2.450 s, 5883 bytes, 44 methods; osr:  1.010 s, 2851 bytes, 10 methods; nmethods_size: 29232 bytes; nmethods_code_size: 20421 bytes}
                """;

        JitEvidence jit = JitEvidence.fromOutput(log);

        assertThat(jit.methodsByCompiler()).containsExactly(Map.entry("C1", 5326L), Map.entry("JVMCI", 54L));
        assertThat(jit.lines()).hasSize(3).first().asString().startsWith("Using compiler configuration 'community'");
    }
}

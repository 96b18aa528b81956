package oomlab.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmOutputTest {
    @Test
    void theJvmsOwnRejectionsAreKeptAndAFailedPreloadMeansTheConfigurationDidNotRun() {
        JvmOutput output = new JvmOutput("""
                ERROR: ld.so: object '/opt/oomlab/lib/libjemalloc.so.2' from LD_PRELOAD cannot be preloaded (cannot open shared object file): ignored.
                Unrecognized VM option 'TrimNativeHeapIntervall=1000'
                Error: Could not create the Java Virtual Machine.
                ordinary output
                """);

        assertThat(output.jvmErrors()).hasSize(3).first().asString().contains("cannot be preloaded");
        assertThat(output.configurationNotApplied()).isTrue();
        assertThat(output.javaOutOfMemoryError()).isFalse();

        JvmOutput rejectedFlagOnly = new JvmOutput("Unrecognized VM option 'Foo'\n");
        assertThat(rejectedFlagOnly.configurationNotApplied()).isFalse();
        assertThat(rejectedFlagOnly.jvmErrors()).containsExactly("Unrecognized VM option 'Foo'");
    }

    @Test
    void aJavaOutOfMemoryErrorIsSeen() {
        JvmOutput output = new JvmOutput("""
                Exception in thread "main" java.lang.OutOfMemoryError: Cannot reserve 67108864 bytes of direct buffer memory
                """);

        assertThat(output.javaOutOfMemoryError()).isTrue();
        assertThat(new JvmOutput(null).javaOutOfMemoryError()).isFalse();
    }

    @Test
    void theWorkloadsClosingLineGivesThroughput() {
        WorkReport work = new JvmOutput("""
                oomlab-progress {"workload":"steady","ops":40,"unit":"iterations","elapsedMs":1000,"cpuMs":900}
                steady checksum 1
                oomlab-work {"workload":"steady","ops":100,"unit":"iterations","elapsedMs":4000,"cpuMs":5000}
                """).work().orElseThrow();

        assertThat(work.complete()).isTrue();
        assertThat(work.ops()).isEqualTo(100);
        assertThat(work.opsPerSecond()).isEqualTo(25.0);
        assertThat(work.cpuSecondsPerUnit()).isEqualTo(0.05);
        assertThat(new JvmOutput("killed before the first second\n").work()).isEmpty();
    }

    /** Seen in c2-leak / c1-jdk25: the compilation log, written by other threads, broke into the workload's lines. */
    @Test
    void aReportStillCountsWhenTheCompilationLogRunsIntoItsLine() {
        WorkReport work = new JvmOutput("""
                14398 5827       1       oomlab.generated.Churn110::oomlab-progress {"workload":"jit-churn","ops":233000,"unit":"calls","elapsedMs":13318,"cpuMs":24890}
                run (7595 bytes)
                jit-churn checksum 589588183651094
                17235 oomlab-work {"workload":"jit-churn","ops":300000,"unit":"calls","elapsedMs":16392,"cpuMs":30570}
                 5829       1       oomlab.generated.Churn111::run (7595 bytes)
                """).work().orElseThrow();

        assertThat(work.complete()).isTrue();
        assertThat(work.ops()).isEqualTo(300000);
    }

    @Test
    void theServicesWindowsGiveCpuAndLatencyPerPhase() {
        ServiceReport service = new JvmOutput("""
                oomlab-window {"window":0,"fromS":0.0,"toS":5.0,"phase":"warmup","cpuCores":0.2440,"rate":1999.8,"p50Ms":0.136,"p99Ms":0.666,"p999Ms":4.454}
                oomlab-window {"window":1,"fromS":5.0,"toS":10.0,"phase":"steady","cpuCores":0.1000,"rate":2000.0,"p50Ms":0.120,"p99Ms":0.249,"p999Ms":2.188}
                  3455  120       4       Foo::bar (10 bytes)oomlab-window {"window":2,"fromS":10.0,"toS":15.0,"phase":"steady","cpuCores":0.1200,"rate":2000.0,"p50Ms":0.120,"p99Ms":0.300,"p999Ms":2.188}
                oomlab-window {"window":3,"fromS":15.0,"toS":20.0,"phase":"after-deploy","cpuCores":0.9000,"rate":1990.0,"p50Ms":0.5,"p99Ms":40.0,"p999Ms":90.0}
                """).service();

        assertThat(service.windows()).hasSize(4);
        assertThat(service.steadyCpuCores()).isCloseTo(0.11, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(service.steadyP99Ms()).isEqualTo(0.3);
        assertThat(service.afterDeployCpuCores()).isEqualTo(0.9);
        assertThat(service.afterDeployP99Ms()).isEqualTo(40.0);
        assertThat(new JvmOutput("steady checksum 1\n").service()).isNull();
    }

    /** Seen in c2-leak / graal: the progress thread printed once more, 6 ms after the closing line. */
    @Test
    void aProgressLineAfterTheClosingLineDoesNotUndoIt() {
        WorkReport work = new JvmOutput("""
                oomlab-work {"workload":"jit-churn","ops":300000,"unit":"calls","elapsedMs":37378,"cpuMs":42540}
                  nmethod code size         : 18194771 bytes
                oomlab-progress {"workload":"jit-churn","ops":300000,"unit":"calls","elapsedMs":37384,"cpuMs":42550}
                """).work().orElseThrow();

        assertThat(work.complete()).isTrue();
        assertThat(work.elapsedMs()).isEqualTo(37378);
    }

    @Test
    void aKilledRunStillTellsHowFarItGot() {
        WorkReport work = new JvmOutput("""
                oomlab-progress {"workload":"jit-churn","ops":1000,"unit":"calls","elapsedMs":1000,"cpuMs":1500}
                oomlab-progress {"workload":"jit-churn","ops":3000,"unit":"calls","elapsedMs":2000,"cpuMs":3000}
                oomlab-progress {"workload":"jit-ch""").work().orElseThrow();

        assertThat(work.complete()).isFalse();
        assertThat(work.ops()).isEqualTo(3000);
        assertThat(work.cpuSecondsPerUnit()).isEqualTo(0.001);
    }

    @Test
    void jitEvidenceCountsMethodsPerCompilerAndKeepsGraalsOwnWords() {
        JitEvidence jit = new JvmOutput("""
                Using compiler configuration 'community' provided by org.graalvm.compiler.truffle.compiler.hotspot.Factory loaded from jar:file:///opt/oomlab/graal/compiler-22.3.5.jar!/x.class
                  C1 {speed: 27425.916 bytes/s; standard: 22.422 s, 483551 bytes, 5093 methods; osr: 36.075 s, 1120780 bytes, 233 methods; nmethods_size: 1 bytes; nmethods_code_size: 1 bytes}
                  JVMCI {speed: 2524.485 bytes/s; standard:  2.450 s, 5883 bytes, 44 methods; osr:  1.010 s, 2851 bytes, 10 methods; nmethods_size: 29232 bytes; nmethods_code_size: 20421 bytes}
                """).jit();

        assertThat(jit.compiledMethods()).containsOnly(Map.entry("C1", 5326L), Map.entry("JVMCI", 54L));
        assertThat(jit.evidence()).hasSize(3).first().asString().startsWith("Using compiler configuration 'community'");
    }
}

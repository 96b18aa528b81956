package oomlab.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The workloads at toy sizes: they must do exactly the work they report (the unit of throughput). */
class WorkloadsTest {
    @Test
    void jitChurnDefinesVerifiableClassesAndCallsEachOneAsOften() throws Exception {
        long calls = new JitChurn().run(new Args(List.of("--classes=3", "--calls=5", "--threads=2", "--waves=2")));

        assertThat(calls).isEqualTo(2 * 3 * 5);
    }

    @Test
    void generatedClassesDifferPerIndexButNotPerRun() {
        assertThat(GeneratedCode.classBytes(1, 10)).isEqualTo(GeneratedCode.classBytes(1, 10))
                .isNotEqualTo(GeneratedCode.classBytes(2, 10));
    }

    @Test
    void directBuffersStopsAtItsTotal() throws Exception {
        assertThat(new DirectBuffers().run(new Args(List.of("--chunk-mb=1", "--rate-mb-per-s=1000", "--total-mb=8"))))
                .isEqualTo(8);
    }

    @Test
    void steadyAndTheOthersReportTheirUnits() throws Exception {
        assertThat(new Steady().run(new Args(List.of("--iterations=3", "--array-length=1000")))).isEqualTo(3);
        assertThat(new ThreadStorm().run(new Args(List.of("--threads=20", "--depth=10", "--hold-ms=10",
                "--threads-per-s=10000")))).isEqualTo(20);
        assertThat(new NativeLeak().run(new Args(List.of("--total=10", "--deflaters-per-s=10000")))).isEqualTo(10);
    }

    /** A thread storm is killed before it returns; its progress lines must still count the threads it started. */
    @Test
    void threadStormCountsEachStartedThreadAsProgress() throws Exception {
        long before = Progress.done();
        new ThreadStorm().run(new Args(List.of("--threads=20", "--depth=10", "--hold-ms=10", "--threads-per-s=10000")));

        assertThat(Progress.done() - before).isEqualTo(20);
    }

    @Test
    void argumentsMustBeNamed() {
        assertThatThrownBy(() -> new Args(List.of("512"))).hasMessageContaining("expected --name=value");
    }
}

package oomlab.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import oomlab.output.Compilations.CompilationMemory;
import org.junit.jupiter.api.Test;

class CompilationsTest {
    /** As JDK 17 and 25 print them (-XX:+PrintCompilation), with another program's output in between. */
    @Test
    void countsCompilationsPerTierOsrAndMethodsMadeNotEntrant() {
        Compilations compilations = fromText("""
                     67    3     n 0       jdk.internal.misc.Unsafe::getReferenceVolatile (native)
                68    1       3       java.lang.Object::<init> (1 bytes)
                oomlab-progress {"workload":"jit-churn","ops":1000,"unit":"calls","elapsedMs":1000,"cpuMs":1500}
                    112   40 %     3       oomlab.gen.Run1::run @ 12 (7600 bytes)
                    118   41       4       oomlab.gen.Run1::helper (35 bytes)
                    120   42 %     4       oomlab.gen.Run1::run @ 12 (7600 bytes)
                    130    1       3       java.lang.Object::<init> (1 bytes)   made not entrant
                78    2       3       java.lang.Byte::toUnsignedInt (6 bytes)   made not entrant: not used
                    140   43       2       oomlab.gen.Run2::helper (35 bytes)
                jit-churn wave 0 done: 15 calls so far
                """);

        assertThat(compilations.byTier()).isEqualTo(Map.of("0", 1L, "2", 1L, "3", 2L, "4", 2L));
        assertThat(compilations.osr()).isEqualTo(2);
        assertThat(compilations.madeNotEntrant()).isEqualTo(2);
        assertThat(compilations.biggest()).isEmpty();
    }

    /** JDK 22+: -XX:CompileCommand=MemStat,*.*,print gives each finished compilation's arena memory. */
    @Test
    void theBiggestCompilationsByArenaMemoryComeFirst() {
        Compilations compilations = fromText("""
                CompileCommand: MemStat *.* uintx MemStat = 2
                c1 (1) (ok) Arena usage java/lang/Object::<init>(()V): Total Usage: 65456 [ra 65456]
                c2 (438) (ok) Arena usage jdk/internal/classfile/impl/BufWriterImpl::reserveSpace((I)V): Total Usage: 436232
                    --- Arena Usage by Arena Type and compilation phase, at arena usage peak of 436232 ---
                        Phase                         Total        ra      node      comp      type
                c2 (912) (ok) Arena usage oomlab/gen/Run17::run((I)J): Total Usage: 199229440
                c2 (913) (oom) Arena usage oomlab/gen/Run18::run((I)J): Total Usage: 314572800
                """);

        assertThat(compilations.biggest()).extracting(CompilationMemory::method)
                .containsExactly("oomlab/gen/Run18::run((I)J)", "oomlab/gen/Run17::run((I)J)",
                        "jdk/internal/classfile/impl/BufWriterImpl::reserveSpace((I)V)", "java/lang/Object::<init>(()V)");
        assertThat(compilations.biggest().get(0)).isEqualTo(new CompilationMemory("c2", 913,
                "oomlab/gen/Run18::run((I)J)", "oom", 314572800));
        assertThat(compilations.byTier()).isEmpty();
    }

    /** The tier-4 compilations that never got their MemStat line were still running when the JVM ended. */
    @Test
    void tier4CompilationsWithoutAMemStatLineWereUnfinished() {
        Compilations compilations = fromText("""
                   5120  912       4       oomlab.generated.Churn17::run (7595 bytes)
                   5121  913 %     4       oomlab.generated.Churn18::run @ 40 (7595 bytes)
                   5122  914       4       oomlab.generated.Churn19::run (7595 bytes)
                   5123  915       3       oomlab.generated.Churn20::run (7595 bytes)
                c2 (912) (ok) Arena usage oomlab/generated/Churn17::run((I)J): Total Usage: 199229440
                c1 (915) (ok) Arena usage oomlab/generated/Churn20::run((I)J): Total Usage: 13229440
                """);

        assertThat(compilations.unfinishedCount()).isEqualTo(2);
        assertThat(compilations.unfinished()).containsExactly("oomlab.generated.Churn18::run (OSR)",
                "oomlab.generated.Churn19::run");
        assertThat(fromText("   5121  913       4       a.B::c (7 bytes)\n").unfinished())
                .as("without MemStat (before JDK 22) nothing says a compilation finished").isEmpty();
    }

    private static Compilations fromText(String printCompilationShape) {
        return Compilations.fromLines(printCompilationShape.lines().toList());
    }

    /** Unified logging's compilation log (uptime in ms as its decoration), and MemStat's lines from the tty log. */
    @Test
    void theUnifiedLoggingLogIsReadWithItsUptime() {
        Compilations compilations = Compilations.fromLog(java.util.List.of(
                "[48ms]    1       3       java.lang.Object::<init> (1 bytes)",
                "[630ms]  427 %     4       oomlab.workloads.DeoptStorm::drive @ 28 (125 bytes)",
                "[1200ms]    1       3       java.lang.Object::<init> (1 bytes)   made not entrant",
                "[1300ms]    1       3       java.lang.Object::<init> (1 bytes)   made zombie"),
                java.util.List.of("c2 (427) (ok) Arena usage oomlab/workloads/DeoptStorm::drive((I)J): Total Usage: 2097152 [ra 1]"));

        assertThat(compilations.byTier()).containsOnly(java.util.Map.entry("3", 1L), java.util.Map.entry("4", 1L));
        assertThat(compilations.osr()).isEqualTo(1);
        assertThat(compilations.madeNotEntrant()).isEqualTo(1);
        assertThat(compilations.madeNotEntrantBySecond()).containsExactly(0L, 1L);
        assertThat(compilations.biggest()).hasSize(1);
        assertThat(compilations.unfinishedCount()).isZero();
    }

    /**
     * Every JDK: PrintCompilation2's end lines in the tty log say which compilations ended; the tier-4 ones that
     * started in the unified log and never ended were in flight, longest first. A line the tty log cut in two
     * still names its compilation.
     */
    @Test
    void compilationsWithoutAnEndLineWereInFlight() {
        Compilations compilations = Compilations.fromLog(java.util.List.of(
                "[35200ms]  5001       4       oomlab.workloads.StackedConcat::stackedA (241 bytes)",
                "[35210ms]  5002       4       oomlab.workloads.StackedConcat::stackedB (241 bytes)",
                "[35300ms]  5003 %     4       oomlab.workloads.StackedConcat::drive @ 9 (60 bytes)",
                "[37900ms]  5004       4       java.lang.String::hashCode (60 bytes)",
                "[37950ms]  5005       4       java.util.HashMap::hash (20 bytes)",
                "[37960ms]  5006       3       java.util.HashMap::get (23 bytes)"),
                java.util.List.of(
                        "  35201 5002   size: 1200(800) time: 1 inlined: 0 bytes",
                        "  37990 5005   ",
                        "size: 320(208) time: 0 inlined: 0 bytes",
                        "  38000 5006   size: 320(208) time: 0 inlined: 0 bytes",
                        "  38010 5007   size: 320(208) time: 0 inlined: 0 bytes"));

        assertThat(compilations.unfinishedCount()).isEqualTo(3);
        assertThat(compilations.inFlight()).extracting(Compilations.InFlight::method).containsExactly(
                "oomlab.workloads.StackedConcat::stackedA", "oomlab.workloads.StackedConcat::drive",
                "java.lang.String::hashCode");
        assertThat(compilations.inFlight().get(0).runningMs()).isEqualTo(38010 - 35200);
        assertThat(compilations.inFlight().get(1).osr()).isTrue();
        assertThat(compilations.inFlightFor(1_000)).hasSize(2);
        assertThat(compilations.byTier()).containsEntry("4", 5L).containsEntry("3", 1L);
    }
}

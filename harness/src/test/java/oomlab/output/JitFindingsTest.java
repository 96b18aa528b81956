package oomlab.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Deoptimisation and the JIT's own warnings, read from the output as the JVM and the workload print them. */
class JitFindingsTest {
    private static final String STORM = """
               812  101       4       oomlab.generated.Caller1::call (2402 bytes)
              1430  101       4       oomlab.generated.Caller1::call (2402 bytes)   made not entrant
            oomlab-phase {"name":"megamorphic","uptimeMs":5193}
              5240  101       4       oomlab.generated.Caller1::call (2402 bytes)   made not entrant
              5300  102       4       oomlab.generated.Caller2::call (2402 bytes)   made not entrant
              6100  140       4       oomlab.generated.Caller1::call (2402 bytes)
            [6.774s][warning][codecache] CodeCache is full. Compiler has been disabled.
            OpenJDK 64-Bit Server VM warning: CodeCache is full. Compiler has been disabled.
              6780  141       3       oomlab.generated.Caller9::call (2402 bytes)   COMPILE SKIPPED: code cache is full
            """;

    @Test
    void madeNotEntrantIsCountedPerSecondAndAroundTheWorkloadsPhase() {
        JitEvidence jit = JitEvidence.fromOutput(STORM);

        assertThat(jit.compilations().madeNotEntrantBySecond()).containsExactly(0L, 1L, 0L, 0L, 0L, 2L);
        assertThat(jit.compilations().recompiledTier4()).isEqualTo(1); // Caller1::call compiled at tier 4 twice
        assertThat(jit.deopt()).isEqualTo(new DeoptWindow("megamorphic", 5193, 3, 0, 2)); // seconds 2-4, 5-7
    }

    @Test
    void theJitsWarningsBecomeFindingsWithTheirFirstLine() {
        List<JitFinding> findings = JitEvidence.fromOutput(STORM).findings();

        assertThat(findings).containsExactly(
                new JitFinding(JitFinding.COMPILER_DISABLED, 2,
                        "[6.774s][warning][codecache] CodeCache is full. Compiler has been disabled."),
                new JitFinding(JitFinding.SKIPPED_CODE_CACHE_FULL, 1,
                        "6780  141       3       oomlab.generated.Caller9::call (2402 bytes)   COMPILE SKIPPED: code cache is full"));
        assertThat(JitEvidence.fromOutput("no warnings here\n").findings()).isEmpty();
        assertThat(JitEvidence.fromOutput("no phase here\n").deopt()).isNull();
    }
}

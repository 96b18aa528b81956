package oomlab.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Deoptimisation and the JIT's own warnings, read from the JVM's own logs and the workload's events. */
class JitFindingsTest {
    private static final List<String> COMPILATION_LOG = """
            [812ms]  101       4       oomlab.generated.Caller1::call (2402 bytes)
            [1430ms]  101       4       oomlab.generated.Caller1::call (2402 bytes)   made not entrant
            [5240ms]  101       4       oomlab.generated.Caller1::call (2402 bytes)   made not entrant
            [5300ms]  102       4       oomlab.generated.Caller2::call (2402 bytes)   made not entrant
            [6100ms]  140       4       oomlab.generated.Caller1::call (2402 bytes)
            [6300ms]  101       4       oomlab.generated.Caller1::call (2402 bytes)   made zombie
            [6780ms]  141       3       oomlab.generated.Caller9::call (2402 bytes)   COMPILE SKIPPED: code cache is full
            """.lines().toList();
    private static final List<String> WARNINGS = List.of(
            "[6774ms][warning][codecache] CodeCache is full. Compiler has been disabled.");
    private static final WorkloadEvents PHASE = WorkloadEvents.of(List.of(
            "{\"event\":\"phase\",\"name\":\"megamorphic\",\"uptimeMs\":5193}"));
    private static final JitEvidence STORM = JitEvidence.of(List.of(), COMPILATION_LOG, WARNINGS, PHASE);

    @Test
    void madeNotEntrantIsCountedPerSecondAndAroundTheWorkloadsPhase() {
        JitEvidence jit = STORM;

        assertThat(jit.compilations().madeNotEntrantBySecond()).containsExactly(0L, 1L, 0L, 0L, 0L, 2L);
        assertThat(jit.compilations().optimizedMadeNotEntrantBySecond()).containsExactly(0L, 1L, 0L, 0L, 0L, 2L);
        assertThat(jit.compilations().recompiledTier4()).isEqualTo(1); // Caller1::call compiled at tier 4 twice
        // the zombie and the skipped compilation are not compilations
        assertThat(jit.compilations().byTier()).containsExactly(java.util.Map.entry("4", 2L));
        assertThat(jit.deopt()).isEqualTo(new DeoptWindow("megamorphic", 5193, 3, 0, 2, 0, 2, null)); // seconds 2-4, 5-7
    }

    @Test
    void thePhaseCarriesWhatTheJitHadOptimisedWhenTheWorkloadSwitched() {
        JitEvidence jit = JitEvidence.of(List.of(), COMPILATION_LOG, WARNINGS, WorkloadEvents.of(List.of(
                "{\"event\":\"phase\",\"name\":\"megamorphic\",\"uptimeMs\":5193,\"optimised\":398,\"of\":400,"
                        + "\"warmupMs\":4700,\"because\":\"the JIT went quiet\"}")));

        assertThat(jit.deopt().atSwitch())
                .isEqualTo(new DeoptWindow.AtSwitch(398, 400, 4700, "the JIT went quiet"));
    }

    @Test
    void theJitsWarningsBecomeFindingsWithTheirFirstLine() {
        List<JitFinding> findings = STORM.findings();

        assertThat(findings).containsExactly(new JitFinding(JitFinding.COMPILER_DISABLED, 1,
                "[6774ms][warning][codecache] CodeCache is full. Compiler has been disabled."));
        JitEvidence quiet = JitEvidence.of(List.of("no warnings here"), List.of(), List.of(),
                WorkloadEvents.of(List.of()));
        assertThat(quiet.findings()).isEmpty();
        assertThat(quiet.deopt()).isNull();
    }
}

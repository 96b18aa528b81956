package oomlab.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {
    private static Verdict decide(long exit, boolean dockerOom, int kernelKills, boolean javaOom, boolean timedOut) {
        return VerdictRules.decide(new ExitEvidence(exit, dockerOom, kernelKills, javaOom, timedOut, false, 0));
    }

    @Test
    void sigkillIsAnOomKillOnlyWithConfirmation() {
        assertThat(decide(137, true, 1, false, false)).isEqualTo(Verdict.OOM_KILLED);
        assertThat(decide(137, false, 1, false, false)).isEqualTo(Verdict.OOM_KILLED);
        assertThat(decide(137, true, 0, false, false)).isEqualTo(Verdict.OOM_KILLED);
        assertThat(decide(137, false, 0, false, false)).isEqualTo(Verdict.KILLED);
    }

    @Test
    void javaLevelOutOfMemoryIsNotAKernelKill() {
        assertThat(decide(1, false, 0, true, false)).isEqualTo(Verdict.JAVA_OOM);
        assertThat(decide(3, false, 0, true, false)).isEqualTo(Verdict.JAVA_OOM);
        // the kernel had the last word even though Java complained first
        assertThat(decide(137, false, 1, true, false)).isEqualTo(Verdict.OOM_KILLED);
    }

    /** A service is stopped by the lab (SIGTERM: 143) once its load has been sent: it lived through the load. */
    @Test
    void aServiceAliveAtTheEndOfItsLoadSurvived() {
        assertThat(VerdictRules.decide(new ExitEvidence(143, false, 0, false, false, false, 0, true)))
                .isEqualTo(Verdict.SURVIVED);
        assertThat(VerdictRules.decide(new ExitEvidence(143, false, 0, false, false, false, 0, false)))
                .isEqualTo(Verdict.CRASHED);
        // killed by the kernel while being stopped: the kill is the verdict
        assertThat(VerdictRules.decide(new ExitEvidence(137, false, 1, false, false, false, 0, true)))
                .isEqualTo(Verdict.OOM_KILLED);
    }

    @Test
    void otherEndings() {
        assertThat(decide(0, false, 0, false, false)).isEqualTo(Verdict.SURVIVED);
        assertThat(decide(1, false, 0, false, false)).isEqualTo(Verdict.CRASHED);
        assertThat(decide(134, false, 0, false, false)).isEqualTo(Verdict.CRASHED);
        assertThat(decide(137, false, 0, false, true)).isEqualTo(Verdict.TIMEOUT);
    }

    /** c2-leak / c2 in one CI run: pinned at the 2 GB cap from 18 s to the 240 s timeout, never OOM-killed. */
    @Test
    void aTimeoutPinnedAtTheCapIsAStallNotAPlainTimeout() {
        assertThat(VerdictRules.decide(new ExitEvidence(137, false, 0, false, true, false, 222))).isEqualTo(Verdict.STALLED);
        assertThat(VerdictRules.decide(new ExitEvidence(137, false, 0, false, true, false, 3))).isEqualTo(Verdict.TIMEOUT);
        assertThat(VerdictRules.decide(new ExitEvidence(137, true, 1, false, false, false, 40)))
                .as("a kill after a stall is a kill").isEqualTo(Verdict.OOM_KILLED);
    }

    @Test
    void aConfigurationThatDidNotApplyIsNeverAValidResult() {
        assertThat(VerdictRules.decide(new ExitEvidence(0, false, 0, false, false, true, 0))).isEqualTo(Verdict.CRASHED);
        assertThat(VerdictRules.decide(new ExitEvidence(137, true, 1, false, false, true, 0))).isEqualTo(Verdict.CRASHED);
    }

    @Test
    void kernelLogLinesAreMatchedByProcess() {
        KernelLog log = KernelLog.of(List.of(
                "[ 4276.460205] Memory cgroup out of memory: Killed process 4925 (java) total-vm:2984700kB",
                "[ 4300.000000] Memory cgroup out of memory: Killed process 49251 (java) total-vm:1kB",
                "[ 4301.000000] something else about process 4925 "));

        assertThat(log.oomKillsOf(4925)).hasSize(1).first().asString().contains("Killed process 4925 ");
        assertThat(log.oomKillsOf(1)).isEmpty();
    }
}

package oomlab.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {
    private static Verdict decide(long exit, boolean dockerOom, int kernelKills, boolean javaOom, boolean timedOut) {
        return VerdictRules.decide(ExitEvidence.exit(exit).dockerOomKilled(dockerOom).kernelOomKills(kernelKills)
                .javaOutOfMemoryError(javaOom).timedOut(timedOut).build());
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
        assertThat(VerdictRules.decide(ExitEvidence.exit(143).stoppedAfterLoad(true).build()))
                .isEqualTo(Verdict.SURVIVED);
        assertThat(VerdictRules.decide(ExitEvidence.exit(143).build()))
                .isEqualTo(Verdict.CRASHED);
        // killed by the kernel while being stopped: the kill is the verdict
        assertThat(VerdictRules.decide(ExitEvidence.exit(137).kernelOomKills(1).stoppedAfterLoad(true).build()))
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
        assertThat(VerdictRules.decide(ExitEvidence.exit(137).timedOut(true).secondsAtCapAtEnd(222).build()))
                .isEqualTo(Verdict.STALLED);
        assertThat(VerdictRules.decide(ExitEvidence.exit(137).timedOut(true).secondsAtCapAtEnd(3).build()))
                .isEqualTo(Verdict.TIMEOUT);
        assertThat(VerdictRules.decide(ExitEvidence.exit(137).dockerOomKilled(true).kernelOomKills(1)
                .secondsAtCapAtEnd(40).build()))
                .as("a kill after a stall is a kill").isEqualTo(Verdict.OOM_KILLED);
    }

    @Test
    void aConfigurationThatDidNotApplyIsNeverAValidResult() {
        assertThat(VerdictRules.decide(ExitEvidence.exit(0).configurationNotApplied(true).build()))
                .isEqualTo(Verdict.CRASHED);
        assertThat(VerdictRules.decide(ExitEvidence.exit(137).dockerOomKilled(true).kernelOomKills(1)
                .configurationNotApplied(true).build())).isEqualTo(Verdict.CRASHED);
    }

    @Test
    void aRunStoppedBecauseTheHarnessWasInterruptedIsInterruptedUnlessTheKernelHadKilledItAlready() {
        assertThat(VerdictRules.decide(ExitEvidence.exit(137).interrupted(true).build()))
                .isEqualTo(Verdict.INTERRUPTED);
        assertThat(VerdictRules.decide(ExitEvidence.exit(0).interrupted(true).build()))
                .isEqualTo(Verdict.INTERRUPTED);
        assertThat(VerdictRules.decide(ExitEvidence.exit(137).kernelOomKills(1).interrupted(true).build()))
                .isEqualTo(Verdict.OOM_KILLED);
    }

    @Test
    void aRunWhoseEngineStoppedAnsweringIsTheMachinesFailureNotTheJvms() {
        assertThat(VerdictRules.decide(ExitEvidence.exit(-1).engineLost(true).build()))
                .isEqualTo(Verdict.ENGINE_LOST);
    }

    @Test
    void kernelLogLinesAreMatchedByTheContainersCgroupNotByAPid() {
        String ours = "82ce278e0f0e1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b";
        String other = "0000278e0f0e1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b";
        KernelLog log = KernelLog.of(List.of(
                // an old kill of another container whose process had the same host pid
                "[ 100.1] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=" + other + ",mems_allowed=0,"
                        + "oom_memcg=/docker/" + other + ",task_memcg=/docker/" + other + ",task=java,pid=4925,uid=0",
                "[ 100.2] Memory cgroup out of memory: Killed process 4925 (java) total-vm:1kB",
                "[ 4276.1] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=" + ours + ",mems_allowed=0,"
                        + "oom_memcg=/docker/" + ours + ",task_memcg=/docker/" + ours + ",task=java,pid=4925,uid=0",
                "[ 4276.2] Memory cgroup out of memory: Killed process 4925 (java) total-vm:2984700kB",
                "[ 4301.0] something else about process 4925 "));

        List<String> kills = log.oomKillsIn(ours);
        assertThat(kills).hasSize(2);
        assertThat(kills.get(0)).contains("task_memcg=/docker/" + ours);
        assertThat(kills.get(1)).startsWith("[ 4276.2]");
        assertThat(KernelLog.killsIn(kills)).isEqualTo(1);
        assertThat(log.oomKillsIn("ffff")).isEmpty();
        // cgroup v2: the scope's path names the container too
        assertThat(KernelLog.of(List.of("oom-kill:constraint=CONSTRAINT_MEMCG,oom_memcg=/system.slice/docker-" + ours
                + ".scope,task_memcg=/system.slice/docker-" + ours + ".scope,task=java,pid=7,uid=0")).oomKillsIn(ours))
                .hasSize(1);
    }
}

package oomlab.verdict;

/** How a run ended, decided from evidence only (see {@link VerdictRules}). */
public enum Verdict {
    /** Exit 137 and the kernel confirms its OOM killer did it. */
    OOM_KILLED,
    /** Exit 137 with no OOM evidence: someone else sent SIGKILL. */
    KILLED,
    /** The JVM itself gave up with java.lang.OutOfMemoryError: the cap was never the limit. */
    JAVA_OOM,
    /** Exit 0: all the work was done under the cap. */
    SURVIVED,
    /** Any other exit. */
    CRASHED,
    /**
     * Still running at the scenario's timeout, pinned at the cap for its last {@link VerdictRules#STALL_SECONDS}
     * seconds or more: the kernel kept reclaiming the JVM's own pages instead of killing it (cgroup v1 does this
     * for seconds to minutes). The harness stopped it; in production such a pod is frozen at its limit.
     */
    STALLED,
    /** Still running at the scenario's timeout (not pinned at the cap); the harness stopped it. */
    TIMEOUT,
    /** The harness was told to stop (SIGINT, SIGTERM) while the run went on: stopped there; what it had recorded is kept. */
    INTERRUPTED,
    /**
     * The Docker engine stopped answering while the run went on: a failure of the lab's machine, not of the JVM. The
     * lab stopped the container's JVM from the host; what it had recorded is kept.
     */
    ENGINE_LOST
}

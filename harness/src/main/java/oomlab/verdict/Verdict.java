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
    /** Still running at the scenario's timeout; the harness stopped it. */
    TIMEOUT
}

package oomlab.verdict;

/**
 * Turns evidence into a verdict. 137 only means SIGKILL, so a kernel OOM kill is claimed only when the
 * kernel or Docker confirms it; the order of the rules is the order in which the evidence is trusted.
 */
public final class VerdictRules {
    /** Pinned at the cap this long when the timeout came: stalled there, not merely slow. */
    public static final double STALL_SECONDS = 30;

    private VerdictRules() {
    }

    public static Verdict decide(ExitEvidence evidence) {
        if (evidence.configurationNotApplied()) {
            return Verdict.CRASHED; // whatever happened next, it was not this configuration that ran
        }
        if (evidence.engineLost()) {
            return Verdict.ENGINE_LOST; // nothing Docker would have said of the end can be had
        }
        boolean oomKilled = evidence.exitCode() == ExitEvidence.SIGKILL_EXIT
                && (evidence.dockerOomKilled() || evidence.kernelOomKills() > 0);
        if (evidence.interrupted() && !oomKilled) {
            return Verdict.INTERRUPTED; // stopped by the harness's own end, not by anything the JVM did
        }
        if (evidence.timedOut()) {
            return evidence.secondsAtCapAtEnd() >= STALL_SECONDS ? Verdict.STALLED : Verdict.TIMEOUT;
        }
        if (evidence.exitCode() == 0) {
            return Verdict.SURVIVED;
        }
        boolean sigkill = evidence.exitCode() == ExitEvidence.SIGKILL_EXIT;
        if (sigkill && (evidence.dockerOomKilled() || evidence.kernelOomKills() > 0)) {
            return Verdict.OOM_KILLED; // even while the lab was stopping it: the kernel had the last word
        }
        if (evidence.stoppedAfterLoad()) { // a service alive at the end of its load, then stopped by the lab
            return Verdict.SURVIVED;
        }
        if (evidence.javaOutOfMemoryError()) {
            return Verdict.JAVA_OOM;
        }
        return sigkill ? Verdict.KILLED : Verdict.CRASHED;
    }
}

package oomlab.verdict;

/**
 * What is known about how a container ended, from independent witnesses.
 *
 * @param exitCode             the container's exit code (137 = SIGKILL, from anyone)
 * @param dockerOomKilled      Docker's {@code State.OOMKilled}
 * @param kernelOomKills       OOM kills the kernel reported for this container: its cgroup's oom_kill counter
 *                             or, when that vanished with the cgroup, the kernel log lines naming its cgroup
 * @param javaOutOfMemoryError a witness of the lab's saw an OutOfMemoryError: the JVM's own report of one it threw,
 *                             or the probe agent's record of one that ended a thread (never the program's output)
 * @param timedOut             the harness stopped the run at the scenario's timeout
 * @param configurationNotApplied the configuration did not take effect although the JVM ran (a malloc named in
 *                             LD_PRELOAD is not in the JVM's mappings, as the probe saw them)
 * @param secondsAtCapAtEnd    how long the container's usage had been at the cap (99% or more) without a break
 *                             when it ended
 * @param stoppedAfterLoad     a service was still running when its load had been sent, and the lab stopped it
 * @param interrupted          the harness was told to stop while the run went on, and killed it
 * @param engineLost           the Docker engine stopped answering while the run went on
 */
public record ExitEvidence(long exitCode, boolean dockerOomKilled, int kernelOomKills,
                           boolean javaOutOfMemoryError, boolean timedOut, boolean configurationNotApplied,
                           double secondsAtCapAtEnd, boolean stoppedAfterLoad, boolean interrupted,
                           boolean engineLost) {
    public static final int SIGKILL_EXIT = 137;

    /** The evidence of a container that exited with {@code code}, each witness added by name (unset: silent). */
    public static Builder exit(long code) {
        return new Builder(code);
    }

    /** Evidence set witness by name. */
    public static final class Builder {
        private final long exitCode;
        private boolean dockerOomKilled;
        private int kernelOomKills;
        private boolean javaOutOfMemoryError;
        private boolean timedOut;
        private boolean configurationNotApplied;
        private double secondsAtCapAtEnd;
        private boolean stoppedAfterLoad;
        private boolean interrupted;
        private boolean engineLost;

        private Builder(long exitCode) {
            this.exitCode = exitCode;
        }

        public Builder dockerOomKilled(boolean value) {
            dockerOomKilled = value;
            return this;
        }

        public Builder kernelOomKills(int value) {
            kernelOomKills = value;
            return this;
        }

        public Builder javaOutOfMemoryError(boolean value) {
            javaOutOfMemoryError = value;
            return this;
        }

        public Builder timedOut(boolean value) {
            timedOut = value;
            return this;
        }

        public Builder configurationNotApplied(boolean value) {
            configurationNotApplied = value;
            return this;
        }

        public Builder secondsAtCapAtEnd(double value) {
            secondsAtCapAtEnd = value;
            return this;
        }

        public Builder stoppedAfterLoad(boolean value) {
            stoppedAfterLoad = value;
            return this;
        }

        public Builder interrupted(boolean value) {
            interrupted = value;
            return this;
        }

        public Builder engineLost(boolean value) {
            engineLost = value;
            return this;
        }

        public ExitEvidence build() {
            return new ExitEvidence(exitCode, dockerOomKilled, kernelOomKills, javaOutOfMemoryError, timedOut,
                    configurationNotApplied, secondsAtCapAtEnd, stoppedAfterLoad, interrupted, engineLost);
        }
    }
}

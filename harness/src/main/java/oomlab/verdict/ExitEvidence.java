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

    public ExitEvidence(long exitCode, boolean dockerOomKilled, int kernelOomKills, boolean javaOutOfMemoryError,
                        boolean timedOut, boolean configurationNotApplied, double secondsAtCapAtEnd,
                        boolean stoppedAfterLoad) {
        this(exitCode, dockerOomKilled, kernelOomKills, javaOutOfMemoryError, timedOut, configurationNotApplied,
                secondsAtCapAtEnd, stoppedAfterLoad, false, false);
    }

    public ExitEvidence(long exitCode, boolean dockerOomKilled, int kernelOomKills, boolean javaOutOfMemoryError,
                        boolean timedOut, boolean configurationNotApplied, double secondsAtCapAtEnd,
                        boolean stoppedAfterLoad, boolean interrupted) {
        this(exitCode, dockerOomKilled, kernelOomKills, javaOutOfMemoryError, timedOut, configurationNotApplied,
                secondsAtCapAtEnd, stoppedAfterLoad, interrupted, false);
    }

    public ExitEvidence(long exitCode, boolean dockerOomKilled, int kernelOomKills, boolean javaOutOfMemoryError,
                        boolean timedOut, boolean configurationNotApplied, double secondsAtCapAtEnd) {
        this(exitCode, dockerOomKilled, kernelOomKills, javaOutOfMemoryError, timedOut, configurationNotApplied,
                secondsAtCapAtEnd, false);
    }
}

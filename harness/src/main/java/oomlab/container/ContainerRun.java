package oomlab.container;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import oomlab.layout.RunFiles;
import oomlab.sampling.CgroupLocator;
import oomlab.sampling.CgroupSampler;
import oomlab.sampling.DockerStatsSampler;
import oomlab.sampling.HostSampler;
import oomlab.sampling.Sample;
import oomlab.sampling.SampleLog;
import oomlab.scenario.MemorySize;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs one container to its end: starts sampling the instant it runs, streams its stdout and stderr each to a file,
 * prints progress, stops it at the timeout, and collects what Docker knows about how it ended.
 */
public final class ContainerRun {
    /** 40 Hz: the climb to the cap takes seconds, and the folder vanishes at the kill. */
    static final long CGROUP_SAMPLE_INTERVAL_MS = 25;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final String label;
    /** Removes the container should the harness die before the run ends. */
    private final java.util.concurrent.atomic.AtomicReference<Watchdog> watchdog =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final LabContainer container;
    private final MemorySize cap;
    private final Duration timeout;
    private final Path outputDir;
    private final SampleLog samples;
    private final AtomicReference<HostSampler> sampler = new AtomicReference<>();
    /** The thread waiting for the container's cgroup to appear, from its creation on. */
    private final AtomicReference<Thread> earlyWaiter = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean startedCalledBack = new java.util.concurrent.atomic.AtomicBoolean();
    /** System.nanoTime() at each step of the run, for {@link #phases}: asked, created, started, exited, drained, removed. */
    private final long[] at = new long[6];
    private final AtomicReference<InspectContainerResponse> startInfo = new AtomicReference<>();
    /** Why the Docker engine stopped answering mid-run, or null while it answers. */
    private final AtomicReference<String> engineLost = new AtomicReference<>();
    private final CgroupLocator cgroups = CgroupLocator.ofThisHost();
    private boolean dockerStatsWanted;
    private RunCompanion companion;

    private final oomlab.console.Console console;

    public ContainerRun(String label, LabContainer container, MemorySize cap, Duration timeout, Path outputDir,
                        SampleLog samples, oomlab.console.Console console) {
        this.console = console;
        this.label = label;
        this.container = container;
        this.cap = cap;
        this.timeout = timeout;
        this.outputDir = outputDir;
        this.samples = samples;
    }

    /** Sample through Docker's stats API (1 Hz) even where the cgroup is visible, to compare with such tools. */
    public ContainerRun withDockerStatsSampler(boolean wanted) {
        this.dockerStatsWanted = wanted;
        return this;
    }

    /** Runs beside the container and may end the run before it exits (a load on a service). */
    public ContainerRun withCompanion(RunCompanion beside) {
        this.companion = beside;
        return this;
    }

    /** Where the samples came from (cgroup-v1, cgroup-v2, docker-stats), once the run has started. */
    public String samplerSource() {
        HostSampler used = sampler.get();
        return used == null ? "none" : used.source();
    }

    /** CPU the host sampler's own thread used, in ms (after the run; -1 where unknown). */
    public long samplerCpuMs() {
        HostSampler used = sampler.get();
        return used == null ? -1 : used.cpuMs();
    }

    /** The kernel's own high-water mark of the cgroup, where it keeps one; 0 otherwise. */
    public long recordedPeakBytes() {
        HostSampler used = sampler.get();
        return used == null ? 0 : used.recordedPeakBytes();
    }

    /** OOM kills the container's enclosing cgroup counted during the run (cgroup v2; see HostSampler). */
    public long enclosingOomKills() {
        HostSampler used = sampler.get();
        return used == null ? 0 : used.enclosingOomKillsDuringRun();
    }

    /** Where the run's time went (after {@link #execute}); a step that never came counts 0. */
    public RunPhases phases(long kernelLogMs) {
        return new RunPhases(between(0, 1), between(1, 2), between(2, 3), between(3, 4), between(4, 5), kernelLogMs);
    }

    private long between(int from, int to) {
        return at[from] == 0 || at[to] == 0 ? 0 : java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(at[to] - at[from]);
    }

    public ContainerOutcome execute() {
        at[0] = System.nanoTime();
        try (LogFile containerLog = new LogFile(outputDir.resolve(RunFiles.STDOUT), outputDir.resolve(RunFiles.STDERR))) {
            container.withMemoryCap(cap)
                    .withOutputDir(outputDir)
                    .withLogConsumer(containerLog)
                    .onCreated(this::whenCreated)
                    .onStarted(this::whenStarted);
            try {
                long start = System.nanoTime();
                container.start();
                if (companion != null && isRunning()) {
                    companion.containerRunning(container, startInfo.get());
                }
                Duration left = timeout.minusNanos(System.nanoTime() - start);
                boolean ended = waitForExit(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
                at[3] = System.nanoTime();
                if (engineLost.get() != null) {
                    return engineLostOutcome();
                }
                boolean stoppedAfterLoad = false;
                if (!ended && companion != null && companion.finished() && isRunning()) {
                    console.printf("[oomlab] %s: alive when its load ended; stopping it%n", label);
                    container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(10).exec();
                    stoppedAfterLoad = true;
                    ended = true;
                }
                boolean interrupted = !ended && Interruption.requested();
                if (interrupted) {
                    console.printf("[oomlab] %s: interrupted; killing the container%n", label);
                    killQuietly();
                    ended = true;
                }
                boolean timedOut = !ended;
                if (timedOut) {
                    console.printf("[oomlab] %s: still running after %ds, killing it (TIMEOUT)%n",
                            label, timeout.toSeconds());
                    container.getDockerClient().killContainerCmd(container.getContainerId()).exec();
                    waitForExit(timeout);
                }
                containerLog.awaitEnd(label);
                at[4] = System.nanoTime();
                return outcome(timedOut, stoppedAfterLoad, interrupted);
            } finally {
                boolean lost = engineLost.get() != null;
                Watchdog armed = watchdog.get();
                if (armed != null && !lost) {
                    armed.close(); // with the engine gone it stays armed: it removes the container once one answers
                }
                HostSampler running = sampler.get();
                if (running != null) {
                    running.close();
                }
                if (!lost) {
                    container.stop(); // removes the container: nothing of the lab outlives its run
                }
                if (companion != null) {
                    try {
                        companion.close();
                    } catch (RuntimeException e) {
                        if (!lost) {
                            throw e;
                        }
                    }
                }
                at[5] = System.nanoTime();
            }
        }
    }

    /**
     * Docker created the container: wait for its cgroup (made when the container starts, just before its first
     * process runs) and sample from the moment it is there, so the curve has the JVM's start-up too (CDS mapping,
     * the heap's pre-touch, the first compilations). The start callback takes over where the cgroup never showed.
     */
    private void whenCreated(String containerId) {
        at[1] = System.nanoTime();
        if (dockerStatsWanted) {
            return;
        }
        Thread waiter = new Thread(() -> {
            long giveUpAt = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (sampler.get() == null && System.nanoTime() < giveUpAt) {
                boolean last = startedCalledBack.get(); // started: one more look, then the start callback decides
                java.util.Optional<CgroupSampler> early = CgroupSampler.start(cgroups, 0, containerId, samples,
                        System.currentTimeMillis(), CGROUP_SAMPLE_INTERVAL_MS); // empty until the cgroup exists
                if (early.isPresent()) {
                    if (!sampler.compareAndSet(null, early.get())) {
                        early.get().close();
                    }
                    return;
                }
                if (last) {
                    return;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(1));
            }
        }, "oomlab-cgroup-wait");
        waiter.setDaemon(true);
        waiter.start();
        earlyWaiter.set(waiter);
    }

    /** The moment the container runs: arm its watchdog and start sampling its memory, unless that began already. */
    private void whenStarted(InspectContainerResponse info) {
        at[2] = System.nanoTime();
        startedCalledBack.set(true);
        Thread waiter = earlyWaiter.get();
        if (waiter != null) {
            try {
                waiter.join(2_000); // it found the cgroup, or gives up after one more look
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        startInfo.set(info);
        watchdog.set(Watchdog.arm(info.getId(), timeout, label));
        if (sampler.get() != null) {
            return; // sampling since the cgroup appeared
        }
        long startedAt = Instant.parse(info.getState().getStartedAt()).toEpochMilli();
        Long pid = info.getState().getPidLong();
        HostSampler chosen = dockerStatsWanted ? null : CgroupSampler.start(cgroups, pid == null ? 0 : pid,
                info.getId(), samples, startedAt, CGROUP_SAMPLE_INTERVAL_MS).orElse(null);
        if (chosen == null) {
            console.printf("[oomlab] %s: %s%n", label, dockerStatsWanted
                    ? "sampling through Docker stats (-Doomlab.sampler=docker-stats)"
                    : "container cgroup not visible from this host; "
                            + "falling back to Docker stats (1 sample/s, peaks may be missed)");
            chosen = DockerStatsSampler.start(container.getDockerClient(), info.getId(), samples, startedAt);
        }
        sampler.set(chosen);
    }

    /**
     * True when the container has exited; false when the timeout came first or the companion's part ended (the
     * caller tells which). Prints progress meanwhile.
     */
    private boolean waitForExit(Duration timeout) {
        long start = System.nanoTime();
        long[] nextReport = {start + PROGRESS_EVERY.toNanos()};
        try {
            await("exit of " + label).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (System.nanoTime() >= nextReport[0]) {
                            nextReport[0] += PROGRESS_EVERY.toNanos();
                            printProgress((System.nanoTime() - start) / 1_000_000_000);
                        }
                        return Interruption.requested() || !isRunning() || companion != null && companion.finished();
                    });
            return !Interruption.requested() && !isRunning();
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** False also when the engine stopped answering (then {@link #engineLost} says why). */
    private boolean isRunning() {
        if (engineLost.get() != null) {
            return false;
        }
        try {
            Boolean running = container.getDockerClient().inspectContainerCmd(container.getContainerId()).exec()
                    .getState().getRunning();
            return Boolean.TRUE.equals(running);
        } catch (RuntimeException e) {
            if (EngineCheck.answers(container.getDockerClient())) {
                throw e;
            }
            engineLost.set(e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * The Docker engine stopped answering while the container ran (killed, restarted, its socket gone). The JVM in
     * the container would run on unwatched: the lab kills its process from the host (where it can see it, and
     * only after checking that the pid is still the container's), and says how the run ended. The watchdog stays
     * armed, so the container is removed once an engine answers again.
     */
    private ContainerOutcome engineLostOutcome() {
        InspectContainerResponse start = startInfo.get();
        long pid = start == null || start.getState().getPidLong() == null ? 0 : start.getState().getPidLong();
        boolean stopped = EngineCheck.killContainerProcess(pid, container.getContainerId());
        console.printf("[oomlab] %s: the Docker engine stopped answering (%s); %s%n", label, engineLost.get(),
                stopped ? "the container's JVM (host pid " + pid + ") was stopped by the lab, its curve kept"
                        : "the container's JVM could not be stopped from here (pid " + pid + " not visible)");
        return ContainerOutcome.builder(container.getContainerId()).hostPid(pid)
                .createdAt(start == null ? null : instant(start.getCreated()))
                .startedAt(start == null ? null : instant(start.getState().getStartedAt())).finishedAt(Instant.now())
                .hardening(start == null ? null : Hardening.of(start)).engineLost(engineLost.get()).build();
    }

    private void printProgress(long elapsedSeconds) {
        Sample last = samples.last();
        String memory = last == null ? "?" : Long.toString(last.cgroupBytes() >> 20);
        console.printf("[oomlab] %s  %3ds  %s / %d MB (peak %d MB)%n",
                label, elapsedSeconds, memory, cap.megabytes(), samples.peakBytes() >> 20);
    }

    private void killQuietly() {
        try {
            container.getDockerClient().killContainerCmd(container.getContainerId()).exec();
        } catch (RuntimeException e) {
            // gone already (Testcontainers' own shutdown hook removes what it started)
        }
    }

    private ContainerOutcome outcome(boolean timedOut, boolean stoppedAfterLoad, boolean interrupted) {
        InspectContainerResponse start = startInfo.get();
        InspectContainerResponse end;
        try {
            end = container.getDockerClient().inspectContainerCmd(container.getContainerId()).exec();
        } catch (RuntimeException e) {
            if (!interrupted || start == null) {
                throw e;
            }
            end = start; // removed by another shutdown hook meanwhile: what Docker said at the start stands
        }
        return ContainerOutcome.builder(end.getId())
                .hostPid(start == null || start.getState().getPidLong() == null ? 0 : start.getState().getPidLong())
                .createdAt(instant(end.getCreated()))
                .startedAt(instant(end.getState().getStartedAt()))
                .finishedAt(instant(end.getState().getFinishedAt()))
                .exitCode(end.getState().getExitCodeLong() == null ? -1 : end.getState().getExitCodeLong())
                .dockerOomKilled(Boolean.TRUE.equals(end.getState().getOOMKilled()))
                .timedOut(timedOut)
                .hardening(start == null ? null : Hardening.of(start))
                .stoppedAfterLoad(stoppedAfterLoad).interrupted(interrupted).build();
    }

    private static Instant instant(String dockerTime) {
        return dockerTime == null || dockerTime.startsWith("0001-") ? null : Instant.parse(dockerTime);
    }
}

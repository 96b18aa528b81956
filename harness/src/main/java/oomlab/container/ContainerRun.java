package oomlab.container;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import oomlab.layout.RunFiles;
import oomlab.sampling.Sample;
import oomlab.sampling.SampleLog;
import oomlab.scenario.MemorySize;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs one container to its end: starts sampling the instant it runs, streams its stdout and stderr each to a file,
 * prints progress, stops it at the timeout, and collects what Docker knows about how it ended.
 */
public final class ContainerRun {
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
    /** Made when the run begins (whether Docker stats are wanted is known then). */
    private MemorySampling sampling;
    private final RunClock clock = new RunClock();
    private final AtomicReference<InspectContainerResponse> startInfo = new AtomicReference<>();
    /** Why the Docker engine stopped answering mid-run, or null while it answers. */
    private final AtomicReference<String> engineLost = new AtomicReference<>();
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
        return sampling == null ? "none" : sampling.source();
    }

    /** CPU the host sampler's own thread used, in ms (after the run; -1 where unknown). */
    public long samplerCpuMs() {
        return sampling == null ? -1 : sampling.cpuMs();
    }

    /** The kernel's own high-water mark of the cgroup, where it keeps one; 0 otherwise. */
    public long recordedPeakBytes() {
        return sampling == null ? 0 : sampling.recordedPeakBytes();
    }

    /** OOM kills the container's enclosing cgroup counted during the run (cgroup v2; see HostSampler). */
    public long enclosingOomKills() {
        return sampling == null ? 0 : sampling.enclosingOomKills();
    }

    /** Where the run's time went (after {@link #execute}); a step that never came counts 0. */
    public RunPhases phases(long kernelLogMs) {
        return clock.phases(kernelLogMs);
    }

    public ContainerOutcome execute() {
        clock.mark(RunClock.Step.ASKED);
        sampling = new MemorySampling(label, samples, dockerStatsWanted, console);
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
                clock.mark(RunClock.Step.EXITED);
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
                clock.mark(RunClock.Step.DRAINED);
                return outcome(timedOut, stoppedAfterLoad, interrupted);
            } finally {
                boolean lost = engineLost.get() != null;
                Watchdog armed = watchdog.get();
                if (armed != null && !lost) {
                    armed.close(); // with the engine gone it stays armed: it removes the container once one answers
                }
                sampling.close();
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
                clock.mark(RunClock.Step.REMOVED);
            }
        }
    }

    /** Docker created the container: sampling begins as soon as its cgroup is there ({@link MemorySampling}). */
    private void whenCreated(String containerId) {
        clock.mark(RunClock.Step.CREATED);
        sampling.containerCreated(containerId);
    }

    /** The moment the container runs: arm its watchdog, and sampling goes on (or starts, where it had not). */
    private void whenStarted(InspectContainerResponse info) {
        clock.mark(RunClock.Step.STARTED);
        startInfo.set(info);
        watchdog.set(Watchdog.arm(info.getId(), timeout, label));
        sampling.containerStarted(info, container.getDockerClient());
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

package oomlab.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import oomlab.sampling.CgroupLocator;
import oomlab.sampling.CgroupSampler;
import oomlab.sampling.DockerStatsSampler;
import oomlab.sampling.HostSampler;
import oomlab.sampling.SampleLog;

/**
 * The host's sampling of one container, from the earliest moment it can be had: from the container's creation a
 * thread waits for its cgroup (made when the container starts, just before its first process runs) and samples at
 * 40 Hz from the moment it is there, so the curve has the JVM's start-up too (CDS mapping, the heap's pre-touch,
 * the first compilations); where the cgroup never shows from this host, or Docker stats were asked for, Docker's
 * stats API at 1 Hz takes over at the start.
 */
final class MemorySampling implements AutoCloseable {
    /** 40 Hz: the climb to the cap takes seconds, and the folder vanishes at the kill. */
    static final long CGROUP_SAMPLE_INTERVAL_MS = 25;

    private final String label;
    private final SampleLog samples;
    private final boolean dockerStatsWanted;
    private final oomlab.console.Console console;
    private final CgroupLocator cgroups = CgroupLocator.ofThisHost();
    private final AtomicReference<HostSampler> sampler = new AtomicReference<>();
    /** The thread waiting for the container's cgroup to appear, from its creation on. */
    private final AtomicReference<Thread> earlyWaiter = new AtomicReference<>();
    private final AtomicBoolean started = new AtomicBoolean();

    /** @param dockerStatsWanted sample through Docker's stats API even where the cgroup is visible */
    MemorySampling(String label, SampleLog samples, boolean dockerStatsWanted, oomlab.console.Console console) {
        this.label = label;
        this.samples = samples;
        this.dockerStatsWanted = dockerStatsWanted;
        this.console = console;
    }

    /** Docker created the container: look for its cgroup until it is there, or until the start says otherwise. */
    void containerCreated(String containerId) {
        if (dockerStatsWanted) {
            return;
        }
        Thread waiter = new Thread(() -> {
            long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sampler.get() == null && System.nanoTime() < giveUpAt) {
                boolean last = started.get(); // started: one more look, then containerStarted decides
                Optional<CgroupSampler> early = CgroupSampler.start(cgroups, 0, containerId, samples,
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
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }, "oomlab-cgroup-wait");
        waiter.setDaemon(true);
        waiter.start();
        earlyWaiter.set(waiter);
    }

    /** The container runs: sampling goes on from where the waiter found the cgroup, or starts now. */
    void containerStarted(InspectContainerResponse info, DockerClient docker) {
        started.set(true);
        Thread waiter = earlyWaiter.get();
        if (waiter != null) {
            try {
                waiter.join(2_000); // it found the cgroup, or gives up after one more look
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
            chosen = DockerStatsSampler.start(docker, info.getId(), samples, startedAt);
        }
        sampler.set(chosen);
    }

    /** Where the samples came from (cgroup-v1, cgroup-v2, docker-stats), once the run has started. */
    String source() {
        HostSampler used = sampler.get();
        return used == null ? "none" : used.source();
    }

    /** CPU the sampler's own thread used, in ms (after the run; -1 where unknown). */
    long cpuMs() {
        HostSampler used = sampler.get();
        return used == null ? -1 : used.cpuMs();
    }

    /** The kernel's own high-water mark of the cgroup, where it keeps one; 0 otherwise. */
    long recordedPeakBytes() {
        HostSampler used = sampler.get();
        return used == null ? 0 : used.recordedPeakBytes();
    }

    /** OOM kills the container's enclosing cgroup counted during the run (cgroup v2; see HostSampler). */
    long enclosingOomKills() {
        HostSampler used = sampler.get();
        return used == null ? 0 : used.enclosingOomKillsDuringRun();
    }

    @Override
    public void close() {
        HostSampler running = sampler.get();
        if (running != null) {
            running.close();
        }
    }
}

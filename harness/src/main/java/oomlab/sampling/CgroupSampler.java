package oomlab.sampling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the container's memory cgroup straight from the host's /sys/fs/cgroup, tens of times a second.
 * Docker's stats API gives one sample a second and misses the climb to the cap; these files do not.
 * The cgroup folder disappears the instant the killed process is gone: that ends the sampling, quietly.
 */
public final class CgroupSampler implements HostSampler, Runnable {
    private final CgroupFiles files;
    private final SampleLog log;
    private final long startEpochMs;
    private final long intervalNanos;
    private final Thread thread;
    private volatile long cpuNanos = -1;
    private volatile boolean running = true;
    private volatile long recordedPeak;
    private final long enclosingOomKillsAtStart;
    private volatile long enclosingOomKillsAtEnd = -1;

    private CgroupSampler(CgroupFiles files, SampleLog log, long startEpochMs, long intervalMs) {
        this.files = files;
        this.log = log;
        this.startEpochMs = startEpochMs;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        this.enclosingOomKillsAtStart = files.enclosingOomKills();
        this.thread = new Thread(this, "oomlab-cgroup-sampler");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Starts sampling the container's cgroup, or says empty when that cgroup is not visible from here. */
    public static Optional<CgroupSampler> start(CgroupLocator locator, long hostPid, String containerId,
                                                SampleLog log, long startEpochMs, long intervalMs) {
        return locator.locate(hostPid, containerId).map(files -> {
            CgroupSampler sampler = new CgroupSampler(files, log, startEpochMs, intervalMs);
            sampler.thread.start();
            return sampler;
        });
    }

    @Override
    public void run() {
        try {
            sample();
        } finally { // the thread's own CPU, read by itself: once it has ended there is none to read
            enclosingOomKillsAtEnd = files.enclosingOomKills();
            cpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    private void sample() {
        long next = System.nanoTime();
        while (running) {
            try {
                long now = System.currentTimeMillis();
                log.add(files.read(now - startEpochMs, now));
                recordedPeak = Math.max(recordedPeak, files.recordedPeakBytes());
            } catch (NoSuchFileException e) {
                return; // the cgroup went away with its last process
            } catch (IOException e) {
                if (!Files.exists(files.memoryDir())) {
                    return;
                }
                throw new UncheckedIOException(e);
            }
            next += intervalNanos;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }

    @Override
    public String source() {
        return files.source();
    }

    @Override
    public long recordedPeakBytes() {
        return recordedPeak;
    }

    @Override
    public long cpuMs() {
        return cpuNanos < 0 ? -1 : cpuNanos / 1_000_000;
    }

    @Override
    public long enclosingOomKillsDuringRun() {
        long end = enclosingOomKillsAtEnd;
        return enclosingOomKillsAtStart < 0 || end < 0 ? 0 : Math.max(0, end - enclosingOomKillsAtStart);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package oomlab.sampling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the container's memory cgroup straight from the host's /sys/fs/cgroup, tens of times a second.
 * Docker's stats API gives one sample a second and misses the climb to the cap; these files do not.
 * The cgroup folder disappears the instant the killed process is gone: that ends the sampling, quietly.
 */
public final class CgroupSampler implements HostSampler, Runnable {
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    /** The files of one container's cgroup, v1 or v2. */
    record Layout(String source, Path usage, Path stat, String rssKey, String cacheKey, Path oomEvents,
                  Path cpu, boolean cpuInMicros, Path maxUsage) {
    }

    private final Layout layout;
    private final SampleLog log;
    private final long startEpochMs;
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long recordedPeak;

    private CgroupSampler(Layout layout, SampleLog log, long startEpochMs, long intervalMs) {
        this.layout = layout;
        this.log = log;
        this.startEpochMs = startEpochMs;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        this.thread = new Thread(this, "oomlab-cgroup-sampler");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Starts sampling the cgroup of this host process, or says empty when that cgroup is not visible here. */
    public static Optional<CgroupSampler> start(long hostPid, SampleLog log, long startEpochMs, long intervalMs) {
        return locate(hostPid).map(layout -> {
            CgroupSampler sampler = new CgroupSampler(layout, log, startEpochMs, intervalMs);
            sampler.thread.start();
            return sampler;
        });
    }

    static Optional<Layout> locate(long hostPid) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc", Long.toString(hostPid), "cgroup"));
        } catch (IOException e) {
            return Optional.empty(); // process gone already, or Docker runs in a VM (Docker Desktop)
        }
        Path memory = null;
        Path cpuacct = null;
        Path unified = null;
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length < 3) {
                continue;
            }
            List<String> controllers = Arrays.asList(parts[1].split(","));
            String relative = parts[2].startsWith("/") ? parts[2].substring(1) : parts[2];
            if (parts[1].isEmpty()) {
                unified = CGROUP_ROOT.resolve(relative);
            } else if (controllers.contains("memory")) {
                memory = mountOf(parts[1], "memory").resolve(relative);
            } else if (controllers.contains("cpuacct")) {
                cpuacct = mountOf(parts[1], "cpuacct").resolve(relative);
            }
        }
        if (memory != null && Files.exists(memory.resolve("memory.usage_in_bytes"))) {
            return Optional.of(new Layout("cgroup-v1", memory.resolve("memory.usage_in_bytes"),
                    memory.resolve("memory.stat"), "total_rss", "total_cache", memory.resolve("memory.oom_control"),
                    cpuacct == null ? null : cpuacct.resolve("cpuacct.usage"), false,
                    memory.resolve("memory.max_usage_in_bytes")));
        }
        if (unified != null && Files.exists(unified.resolve("memory.current"))) {
            return Optional.of(new Layout("cgroup-v2", unified.resolve("memory.current"),
                    unified.resolve("memory.stat"), "anon", "file", unified.resolve("memory.events"),
                    unified.resolve("cpu.stat"), true, unified.resolve("memory.peak")));
        }
        return Optional.empty();
    }

    /** v1 mounts a hierarchy as /sys/fs/cgroup/memory or under its joint name, e.g. /sys/fs/cgroup/cpu,cpuacct. */
    private static Path mountOf(String joinedControllers, String controller) {
        Path joint = CGROUP_ROOT.resolve(joinedControllers);
        return Files.isDirectory(joint) ? joint : CGROUP_ROOT.resolve(controller);
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        while (running) {
            try {
                log.add(read());
            } catch (NoSuchFileException e) {
                return; // the cgroup went away with its last process
            } catch (IOException e) {
                if (!Files.exists(layout.usage())) {
                    return;
                }
                throw new UncheckedIOException(e);
            }
            next += intervalNanos;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }

    private Sample read() throws IOException {
        long now = System.currentTimeMillis();
        long usage = number(Files.readString(layout.usage()));
        String stat = Files.readString(layout.stat());
        long oomKills = keyed(Files.readString(layout.oomEvents()), "oom_kill");
        long cpu = -1;
        if (layout.cpu() != null && Files.exists(layout.cpu())) {
            String text = Files.readString(layout.cpu());
            cpu = layout.cpuInMicros() ? keyed(text, "usage_usec") * 1000 : number(text);
        }
        if (layout.maxUsage() != null && Files.exists(layout.maxUsage())) {
            recordedPeak = Math.max(recordedPeak, number(Files.readString(layout.maxUsage())));
        }
        return new Sample(now - startEpochMs, now, usage, keyed(stat, layout.rssKey()),
                keyed(stat, layout.cacheKey()), cpu, oomKills);
    }

    private static long number(String text) {
        return Long.parseLong(text.trim());
    }

    /** The value of a "key value" line, -1 when the key is absent (older kernels have no oom_kill). */
    private static long keyed(String text, String key) {
        String prefix = key + " ";
        return text.lines().filter(line -> line.startsWith(prefix))
                .mapToLong(line -> Long.parseLong(line.substring(prefix.length()).trim()))
                .findFirst().orElse(-1);
    }

    @Override
    public String source() {
        return layout.source();
    }

    @Override
    public long recordedPeakBytes() {
        return recordedPeak;
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

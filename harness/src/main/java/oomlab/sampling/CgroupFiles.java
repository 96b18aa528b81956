package oomlab.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one container's memory (and CPU) cgroup, and how to read a {@link Sample} from them. The two
 * cgroup versions name the same facts differently:
 * <pre>
 *                 cgroup v1 (memory + cpuacct controllers)   cgroup v2 (unified)
 *   usage         memory.usage_in_bytes                      memory.current
 *   rss / cache   memory.stat total_rss / total_cache        memory.stat anon / file
 *   OOM kills     memory.oom_control oom_kill                memory.events oom_kill
 *   peak          memory.max_usage_in_bytes                  memory.peak (kernel 5.19+)
 *   CPU           cpuacct.usage (ns)                         cpu.stat usage_usec (µs)
 *   refaults      memory.stat total_workingset_refault_file      memory.stat workingset_refault_file
 *   major faults  memory.stat total_pgmajfault               memory.stat pgmajfault
 * </pre>
 *
 * @param cpu  null where the CPU controller's folder was not found
 * @param peak the kernel's own high-water mark, or null where the kernel has none
 * @param enclosingOomEvents v2: the parent cgroup's memory.events, whose counts include its children's (see
 *             {@link #enclosingOomKills()}); null on v1, whose counts are not hierarchical
 */
public record CgroupFiles(String source, Path usage, Path stat, String rssKey, String cacheKey, Path oomEvents,
                          Path cpu, boolean cpuInMicros, Path peak, Path enclosingOomEvents) {

    public static CgroupFiles v1(Path memoryDir, Path cpuacctDir) {
        return new CgroupFiles("cgroup-v1", memoryDir.resolve("memory.usage_in_bytes"),
                memoryDir.resolve("memory.stat"), "total_rss", "total_cache", memoryDir.resolve("memory.oom_control"),
                cpuacctDir == null ? null : cpuacctDir.resolve("cpuacct.usage"), false,
                memoryDir.resolve("memory.max_usage_in_bytes"), null);
    }

    public static CgroupFiles v2(Path dir) {
        return new CgroupFiles("cgroup-v2", dir.resolve("memory.current"), dir.resolve("memory.stat"), "anon", "file",
                dir.resolve("memory.events"), dir.resolve("cpu.stat"), true, dir.resolve("memory.peak"),
                dir.getParent() == null ? null : dir.getParent().resolve("memory.events"));
    }

    /** The folder of the memory files: it disappears the instant the cgroup's last process is gone. */
    public Path memoryDir() {
        return usage.getParent();
    }

    /**
     * One reading. Throws {@link java.nio.file.NoSuchFileException} once the cgroup is gone.
     *
     * @param tMs milliseconds since the container started, for the sample's first column
     */
    public Sample read(long tMs, long epochMs) throws IOException {
        long usageBytes = number(Files.readString(usage));
        String statText = Files.readString(stat);
        long oomKills = keyed(Files.readString(oomEvents), "oom_kill");
        long cpuNanos = -1;
        if (cpu != null && Files.exists(cpu)) {
            String text = Files.readString(cpu);
            cpuNanos = cpuInMicros ? keyed(text, "usage_usec") * 1000 : number(text);
        }
        boolean v1 = rssKey.startsWith("total_");
        return new Sample(tMs, epochMs, usageBytes, keyed(statText, rssKey), keyed(statText, cacheKey), cpuNanos,
                oomKills, keyed(statText, v1 ? "total_workingset_refault_file" : "workingset_refault_file"),
                keyed(statText, v1 ? "total_pgmajfault" : "pgmajfault"));
    }

    /** The kernel's recorded peak usage, or 0 where it keeps none (v2 before kernel 5.19). */
    public long recordedPeakBytes() throws IOException {
        return peak != null && Files.exists(peak) ? number(Files.readString(peak)) : 0;
    }

    /**
     * The OOM kills counted by the enclosing cgroup (on v2, systemd's system.slice), or -1 where there is none to
     * read. Why: on cgroup v2 a container's scope folder is removed the instant its last process is gone, which
     * after an OOM kill can come before any sample read {@code oom_kill 1} in its own memory.events; the parent's
     * counts are hierarchical and stay.
     */
    public long enclosingOomKills() {
        try {
            return enclosingOomEvents == null ? -1 : keyed(Files.readString(enclosingOomEvents), "oom_kill");
        } catch (IOException e) {
            return -1;
        }
    }

    static long number(String text) {
        return Long.parseLong(text.trim());
    }

    /** The value of a "key value" line, -1 when the key is absent (older kernels have no oom_kill). */
    static long keyed(String text, String key) {
        String prefix = key + " ";
        return text.lines().filter(line -> line.startsWith(prefix))
                .mapToLong(line -> Long.parseLong(line.substring(prefix.length()).trim()))
                .findFirst().orElse(-1);
    }
}

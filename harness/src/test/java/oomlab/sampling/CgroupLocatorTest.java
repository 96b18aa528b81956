package oomlab.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a container's cgroup is, and what its files say, on fake /proc and /sys/fs/cgroup trees written here:
 * cgroup v1 and v2, each with Docker's cgroupfs driver ({@code /docker/<id>}) and systemd driver
 * ({@code /system.slice/docker-<id>.scope}). No Docker needed.
 */
class CgroupLocatorTest {
    private static final String ID = "0977dfff46538d2c5bc54c0a02a7ade18a5c9f1e3f5ce1020807b1c92f580ebf";
    private static final long PID = 3353;

    @TempDir
    Path root;

    private Path proc() {
        return root.resolve("proc");
    }

    private Path cgroup() {
        return root.resolve("sys/fs/cgroup");
    }

    private CgroupLocator locator() {
        return new CgroupLocator(proc(), cgroup());
    }

    private void procCgroup(String lines) throws IOException {
        Path file = proc().resolve(Long.toString(PID)).resolve("cgroup");
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines);
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
    }

    /** A v1 container cgroup: memory and the joint cpu,cpuacct hierarchy, as Debian 12 with cgroup v1 mounts them. */
    private void v1Container(String relative) throws IOException {
        Path memory = cgroup().resolve("memory").resolve(relative);
        write(memory, "memory.usage_in_bytes", "2147483648\n");
        write(memory, "memory.max_usage_in_bytes", "2147483648\n");
        write(memory, "memory.stat", "cache 4096\nrss 100\ntotal_cache 1048576\ntotal_rss 2146000000\n");
        write(memory, "memory.oom_control", "oom_kill_disable 0\nunder_oom 1\noom_kill 1\n");
        write(cgroup().resolve("cpu,cpuacct").resolve(relative), "cpuacct.usage", "32541441222\n");
    }

    private void v2Container(String relative) throws IOException {
        Path dir = cgroup().resolve(relative);
        write(dir, "memory.current", "1073741824\n");
        write(dir, "memory.peak", "2147483648\n");
        write(dir, "memory.stat", "anon 1000000000\nfile 73741824\nkernel 1000\n");
        write(dir, "memory.events", "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n");
        write(dir, "cpu.stat", "usage_usec 34500000\nuser_usec 30000000\nsystem_usec 4500000\n");
    }

    @Test
    void cgroupV1WithTheCgroupfsDriver() throws IOException {
        v1Container("docker/" + ID);
        procCgroup("""
                12:pids:/docker/%1$s
                5:cpu,cpuacct:/docker/%1$s
                4:memory:/docker/%1$s
                1:name=systemd:/docker/%1$s
                0::/system.slice/containerd.service
                """.formatted(ID));

        CgroupFiles files = locator().locate(PID, ID).orElseThrow();

        assertThat(files.source()).isEqualTo("cgroup-v1");
        assertThat(files.memoryDir()).isEqualTo(cgroup().resolve("memory/docker/" + ID));
        Sample sample = files.read(250, 1_000_250);
        assertThat(sample).isEqualTo(new Sample(250, 1_000_250, 2147483648L, 2146000000L, 1048576, 32541441222L, 1));
        assertThat(files.recordedPeakBytes()).isEqualTo(2147483648L);
    }

    /**
     * The sampler starts the moment the memory cgroup exists; the runtime makes cpu,cpuacct's folder a moment later.
     * Located in that moment, the CPU counter was dropped for the whole run (cpu_ns -1 in all 1,702 samples).
     */
    @Test
    void theCpuCounterThatAppearsAfterTheMemoryCgroupIsStillRead() throws IOException {
        Path memory = cgroup().resolve("memory/docker/" + ID);
        write(memory, "memory.usage_in_bytes", "1048576\n");
        write(memory, "memory.stat", "total_cache 0\ntotal_rss 1048576\n");
        write(memory, "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
        Files.createDirectories(cgroup().resolve("cpu,cpuacct"));

        CgroupFiles files = locator().locate(0, ID).orElseThrow(); // no process yet: by the container's id
        assertThat(files.read(1, 1).cpuNanos()).isEqualTo(-1); // not there yet

        write(cgroup().resolve("cpu,cpuacct/docker/" + ID), "cpuacct.usage", "1500000\n");
        assertThat(files.read(2, 2).cpuNanos()).isEqualTo(1_500_000L);
    }

    @Test
    void cgroupV1WithTheSystemdDriver() throws IOException {
        String scope = "system.slice/docker-" + ID + ".scope";
        v1Container(scope);
        procCgroup("5:cpu,cpuacct:/%1$s\n4:memory:/%1$s\n".formatted(scope));

        CgroupFiles files = locator().locate(PID, ID).orElseThrow();

        assertThat(files.memoryDir()).isEqualTo(cgroup().resolve("memory").resolve(scope));
        assertThat(files.read(0, 0).cpuNanos()).isEqualTo(32541441222L);
    }

    @Test
    void cgroupV2WithTheSystemdDriver() throws IOException {
        String scope = "system.slice/docker-" + ID + ".scope";
        v2Container(scope);
        procCgroup("0::/" + scope + "\n");

        CgroupFiles files = locator().locate(PID, ID).orElseThrow();

        assertThat(files.source()).isEqualTo("cgroup-v2");
        assertThat(files.read(25, 1025))
                .isEqualTo(new Sample(25, 1025, 1073741824L, 1000000000L, 73741824L, 34_500_000_000L, 1));
        assertThat(files.recordedPeakBytes()).isEqualTo(2147483648L);
    }

    @Test
    void cgroupV2WithTheCgroupfsDriver() throws IOException {
        v2Container("docker/" + ID);
        procCgroup("0::/docker/" + ID + "\n");

        CgroupFiles files = locator().locate(PID, ID).orElseThrow();

        assertThat(files.memoryDir()).isEqualTo(cgroup().resolve("docker/" + ID));
        assertThat(files.read(0, 0).oomKills()).isEqualTo(1);
    }

    /** A private cgroup namespace shows the container "0::/"; the process may also be gone already. */
    @Test
    void theContainerIdFindsTheCgroupWhereProcSaysNothingUsable() throws IOException {
        v2Container("system.slice/docker-" + ID + ".scope");
        procCgroup("0::/\n");
        assertThat(locator().locate(PID, ID)).hasValueSatisfying(files ->
                assertThat(files.memoryDir()).isEqualTo(cgroup().resolve("system.slice/docker-" + ID + ".scope")));

        assertThat(locator().locate(999_999, ID)).isPresent();
        assertThat(locator().locate(999_999, "other")).isEmpty();
        assertThat(locator().locate(0, null)).isEmpty();
    }

    @Test
    void anOlderKernelWithoutPeakOrOomKillCounterStillGivesSamples() throws IOException {
        Path dir = cgroup().resolve("docker/" + ID);
        write(dir, "memory.current", "100\n");
        write(dir, "memory.stat", "anon 60\nfile 40\n");
        write(dir, "memory.events", "low 0\nhigh 0\nmax 0\noom 0\n");
        procCgroup("0::/docker/" + ID + "\n");

        CgroupFiles files = locator().locate(PID, ID).orElseThrow();

        assertThat(files.read(0, 0)).isEqualTo(new Sample(0, 0, 100, 60, 40, -1, -1));
        assertThat(files.recordedPeakBytes()).isZero();
    }

    /** The folder vanishes the instant the killed process is gone: the sampler ends on this exception. */
    @Test
    void aVanishedCgroupEndsReading() throws IOException {
        v2Container("docker/" + ID);
        procCgroup("0::/docker/" + ID + "\n");
        CgroupFiles files = locator().locate(PID, ID).orElseThrow();
        for (Path file : Files.list(files.memoryDir()).toList()) {
            Files.delete(file);
        }
        Files.delete(files.memoryDir());

        assertThatThrownBy(() -> files.read(0, 0)).isInstanceOf(NoSuchFileException.class);
    }

    /**
     * On cgroup v2 a killed container's scope can be gone before a sample saw its {@code oom_kill 1}: the sampler
     * then counts what the enclosing system.slice added during the run (its counts include its children's).
     */
    @Test
    void aV2ScopeThatVanishedAtItsKillIsCountedByItsEnclosingSlice() throws IOException {
        Path slice = cgroup().resolve("system.slice");
        write(slice, "memory.events", "low 0\nhigh 0\nmax 40\noom 3\noom_kill 3\n");
        v2Container("system.slice/docker-" + ID + ".scope");
        write(cgroup().resolve("system.slice/docker-" + ID + ".scope"), "memory.events", "max 1\noom 0\noom_kill 0\n");
        procCgroup("0::/system.slice/docker-" + ID + ".scope\n");
        CgroupFiles files = locator().locate(PID, ID).orElseThrow();
        try (SampleLog log = new SampleLog(root.resolve("rss.csv"), 1L << 30)) {
            CgroupSampler sampler = CgroupSampler.start(locator(), PID, ID, log, 0, 5).orElseThrow();
            waitForSamples(log);
            write(slice, "memory.events", "low 0\nhigh 0\nmax 41\noom 4\noom_kill 4\n"); // the kill; the scope goes
            for (Path file : Files.list(files.memoryDir()).toList()) {
                Files.delete(file);
            }
            Files.delete(files.memoryDir());
            sampler.close();

            assertThat(log.maxOomKills()).isZero();
            assertThat(sampler.enclosingOomKillsDuringRun()).isEqualTo(1);
        }
        assertThat(files.enclosingOomKills()).isEqualTo(4);
    }

    @Test
    void cgroupV1HasNoEnclosingCount() throws IOException {
        v1Container("docker/" + ID);
        CgroupFiles files = locator().locate(0, ID).orElseThrow();

        assertThat(files.enclosingOomKills()).isEqualTo(-1);
    }

    private static void waitForSamples(SampleLog log) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (log.count() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(log.count()).isGreaterThanOrEqualTo(2);
    }
}

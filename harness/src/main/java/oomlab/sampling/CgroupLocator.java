package oomlab.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds a container's cgroup files on this host, for cgroup v1 and v2 and for both of Docker's cgroup
 * drivers ({@code cgroupfs}: {@code /docker/<id>}; {@code systemd}: {@code /system.slice/docker-<id>.scope}).
 * First from the container process's own {@code /proc/<pid>/cgroup}, then, where that says nothing usable
 * (the process is in a cgroup namespace of its own, or already gone), from the container id by the
 * drivers' naming. The roots are parameters so that fake trees can stand in for /proc and /sys/fs/cgroup.
 */
public final class CgroupLocator {
    private final Path procRoot;
    private final Path cgroupRoot;

    public CgroupLocator(Path procRoot, Path cgroupRoot) {
        this.procRoot = procRoot;
        this.cgroupRoot = cgroupRoot;
    }

    public static CgroupLocator ofThisHost() {
        return new CgroupLocator(Path.of("/proc"), Path.of("/sys/fs/cgroup"));
    }

    public Optional<CgroupFiles> locate(long hostPid, String containerId) {
        Optional<CgroupFiles> fromProc = hostPid > 0 ? fromProc(hostPid) : Optional.empty();
        return fromProc.isPresent() ? fromProc : fromContainerId(containerId);
    }

    /** From the lines {@code hierarchy-id:controllers:path} of /proc/PID/cgroup; v2 has one line {@code 0::path}. */
    Optional<CgroupFiles> fromProc(long hostPid) {
        List<String> lines;
        try {
            lines = Files.readAllLines(procRoot.resolve(Long.toString(hostPid)).resolve("cgroup"));
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
                unified = cgroupRoot.resolve(relative);
            } else if (controllers.contains("memory")) {
                memory = v1Mount(parts[1], "memory").resolve(relative);
            } else if (controllers.contains("cpuacct")) {
                cpuacct = v1Mount(parts[1], "cpuacct").resolve(relative);
            }
        }
        Optional<CgroupFiles> v1 = memory == null ? Optional.empty() : v1(memory, cpuacct);
        return v1.isPresent() || unified == null ? v1 : v2(unified); // hybrid hosts list both
    }

    /** Where the drivers put a container's cgroup, v1 then v2. */
    Optional<CgroupFiles> fromContainerId(String containerId) {
        if (containerId == null || containerId.isBlank()) {
            return Optional.empty();
        }
        List<String> relatives = List.of("docker/" + containerId, "system.slice/docker-" + containerId + ".scope");
        List<Optional<CgroupFiles>> candidates = new ArrayList<>();
        for (String relative : relatives) {
            candidates.add(v1(v1Mount("memory", "memory").resolve(relative),
                    v1Mount("cpu,cpuacct", "cpuacct").resolve(relative)));
        }
        for (String relative : relatives) {
            candidates.add(v2(cgroupRoot.resolve(relative)));
        }
        return candidates.stream().flatMap(Optional::stream).findFirst();
    }

    /**
     * The cpuacct folder is kept even where it does not exist yet: the sampler starts the moment the memory cgroup
     * appears, and the runtime creates the controllers' folders one after another (memory before cpu,cpuacct), so
     * the CPU counter may come a moment later. Dropping it then lost the CPU of a whole run (cpu_ns -1 in every
     * sample); each read looks for the file again.
     */
    private static Optional<CgroupFiles> v1(Path memory, Path cpuacct) {
        return Files.exists(memory.resolve("memory.usage_in_bytes"))
                ? Optional.of(CgroupFiles.v1(memory, cpuacct))
                : Optional.empty();
    }

    private static Optional<CgroupFiles> v2(Path dir) {
        return Files.exists(dir.resolve("memory.current")) ? Optional.of(CgroupFiles.v2(dir)) : Optional.empty();
    }

    /** v1 mounts a hierarchy as /sys/fs/cgroup/memory or under its joint name, e.g. /sys/fs/cgroup/cpu,cpuacct. */
    private Path v1Mount(String joinedControllers, String controller) {
        Path joint = cgroupRoot.resolve(joinedControllers);
        return Files.isDirectory(joint) ? joint : cgroupRoot.resolve(controller);
    }
}

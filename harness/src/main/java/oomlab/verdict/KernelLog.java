package oomlab.verdict;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import oomlab.Settings;
import oomlab.process.ProcessRunner;
import oomlab.process.ProcessRunner.ProcessResult;

/**
 * The kernel's own account of OOM kills, from {@code dmesg}. It outlives the container's cgroup, whose
 * oom_kill counter vanishes the instant the killed process is gone. Unreadable (no permission, no
 * dmesg, Docker in a VM) is a normal answer: {@link #read()} is then empty.
 */
public final class KernelLog {
    private final List<String> lines;

    private KernelLog(List<String> lines) {
        this.lines = lines;
    }

    public static Optional<KernelLog> read() {
        try {
            ProcessResult dmesg = ProcessRunner.run(List.of("dmesg"), Settings.KERNEL_LOG_TIMEOUT);
            return dmesg.succeeded() ? Optional.of(new KernelLog(dmesg.output().lines().toList())) : Optional.empty();
        } catch (UncheckedIOException e) {
            return Optional.empty(); // no dmesg here
        }
    }

    static KernelLog of(List<String> lines) {
        return new KernelLog(lines);
    }

    /**
     * The kernel's lines of the OOM kills inside this container's memory cgroup: each {@code oom-kill:} line whose
     * {@code task_memcg=} names the container (its full id is in the cgroup's path on v1 and v2 alike), with the
     * {@code Killed process <pid>} line after it. A pid is the host's and is reused; the cgroup path is this
     * container's alone, so an old kill of another process cannot match.
     */
    public List<String> oomKillsIn(String containerId) {
        List<String> found = new java.util.ArrayList<>();
        if (containerId == null || containerId.isBlank()) {
            return found;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int memcg = line.indexOf("task_memcg=");
            if (!line.contains("oom-kill:") || memcg < 0) {
                continue;
            }
            String taskMemcg = line.substring(memcg, endOfField(line, memcg));
            if (!taskMemcg.contains(containerId)) {
                continue;
            }
            found.add(line.strip());
            java.util.regex.Matcher pid = java.util.regex.Pattern.compile(",pid=(\\d+)").matcher(line);
            if (pid.find()) {
                String killed = "Killed process " + pid.group(1) + " ";
                for (int j = i + 1; j < Math.min(lines.size(), i + 5); j++) {
                    if (lines.get(j).contains(killed)) {
                        found.add(lines.get(j).strip());
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** How many kills {@link #oomKillsIn} found (one {@code oom-kill:} line each). */
    public static int killsIn(List<String> kernelLines) {
        return (int) kernelLines.stream().filter(line -> line.contains("oom-kill:")).count();
    }

    private static int endOfField(String line, int from) {
        int comma = line.indexOf(',', from);
        return comma < 0 ? line.length() : comma;
    }
}

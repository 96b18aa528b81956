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

    /** The "Killed process PID" lines for this host PID (the container's main process). */
    public List<String> oomKillsOf(long hostPid) {
        String marker = "Killed process " + hostPid + " ";
        return lines.stream().filter(line -> line.contains("out of memory") && line.contains(marker)).toList();
    }
}

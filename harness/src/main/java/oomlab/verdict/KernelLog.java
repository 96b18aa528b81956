package oomlab.verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
            Process dmesg = new ProcessBuilder("dmesg").redirectErrorStream(true).start();
            byte[] out = dmesg.getInputStream().readAllBytes();
            if (!dmesg.waitFor(10, TimeUnit.SECONDS) || dmesg.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(new KernelLog(new String(out, StandardCharsets.UTF_8).lines().toList()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
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

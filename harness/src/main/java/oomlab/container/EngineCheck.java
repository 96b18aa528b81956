package oomlab.container;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Whether the Docker engine answers, and what the lab can still do from the host when it does not. */
public final class EngineCheck {
    private static final Duration PROCESS_GONE_WITHIN = Duration.ofSeconds(5);

    private EngineCheck() {
    }

    public static boolean answers(DockerClient docker) {
        try {
            docker.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * SIGKILL to the container's main process from the host, only when {@code /proc/<pid>/cgroup} still names the
     * container (a host pid is reused; the cgroup path is the container's alone). True when it is gone after.
     */
    static boolean killContainerProcess(long pid, String containerId) {
        if (pid <= 0 || containerId == null) {
            return false;
        }
        try {
            if (!Files.readString(Path.of("/proc", Long.toString(pid), "cgroup")).contains(containerId)) {
                return false;
            }
        } catch (IOException e) {
            return false; // not visible from here (Docker in a VM), or gone already
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        process.get().destroyForcibly();
        try {
            process.get().onExit().get(PROCESS_GONE_WITHIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.get().isAlive();
        }
    }
}

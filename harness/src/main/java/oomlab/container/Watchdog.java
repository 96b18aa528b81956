package oomlab.container;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Removes a container at a deadline even if the harness is gone by then: a detached host process
 * ({@code setsid sh -c 'sleep N; docker rm -f ID'}) in a session of its own, so neither a SIGKILL of the
 * harness JVM nor a Ctrl-C of its process group reaches it. The harness kills a run at its timeout and
 * removes the container itself; the watchdog is the backstop for a harness that died, and is disarmed when
 * the run ends normally. Needs the docker CLI on the host (it talks to the same engine, DOCKER_HOST and all);
 * without it the run goes on with a warning.
 */
public final class Watchdog implements AutoCloseable {
    /** After the harness's own kill at the timeout: time for it to collect the logs and remove the container. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    /** A watchdog that removes {@code containerId} after {@code timeout} plus {@link #GRACE}. */
    public static Watchdog arm(String containerId, Duration timeout, String label) {
        long seconds = timeout.plus(GRACE).toSeconds();
        try {
            Process process = new ProcessBuilder(List.of("setsid", "sh", "-c",
                    "sleep " + seconds + "; docker rm -f " + containerId + " >/dev/null 2>&1"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            return new Watchdog(process);
        } catch (IOException e) {
            System.out.printf("[oomlab] %s: no watchdog (%s): if the harness dies, remove the container by hand%n",
                    label, e.getMessage());
            return new Watchdog(null);
        }
    }

    /** The run ended under the harness's eyes: the watchdog's sleep ends without removing anything. */
    @Override
    public void close() {
        if (process != null) {
            // the shell first (else it would go on to the removal the moment its sleep ends), then its sleep
            List<ProcessHandle> sleeping = process.descendants().toList();
            process.destroyForcibly();
            sleeping.forEach(ProcessHandle::destroy);
        }
    }
}

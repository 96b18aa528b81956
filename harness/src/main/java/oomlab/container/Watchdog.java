package oomlab.container;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Stops a container at its timeout even if the harness is gone by then: a detached host process
 * ({@code setsid sh -c 'sleep T; docker kill ID; sleep 10; docker rm -f ID'}) in a session of its own, so
 * neither a SIGKILL of the harness JVM nor a Ctrl-C of its process group reaches it. The harness kills a run
 * at its timeout and removes the container itself; the watchdog is the backstop for a harness that died, and
 * is disarmed when the run ends normally. It kills a moment after the harness would (so a living harness
 * always goes first and reads how the run ended) and removes the container a little later. Needs the docker
 * CLI on the host (it talks to the same engine, DOCKER_HOST and all); without it the run goes on with a
 * warning.
 */
public final class Watchdog implements AutoCloseable {
    /** After the harness's own kill at the timeout, before the watchdog's. */
    static final Duration KILL_AFTER_HARNESS = Duration.ofSeconds(2);
    /** From the kill to the removal: time for a living harness to collect the logs and remove it itself. */
    static final Duration REMOVE_AFTER_KILL = Duration.ofSeconds(10);

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    /** A watchdog that kills {@code containerId} just after {@code timeout}, and removes it soon after. */
    public static Watchdog arm(String containerId, Duration timeout, String label) {
        long killAt = timeout.plus(KILL_AFTER_HARNESS).toSeconds();
        try {
            Process process = new ProcessBuilder(List.of("setsid", "sh", "-c", "sleep " + killAt + "; docker kill "
                    + containerId + " >/dev/null 2>&1; sleep " + REMOVE_AFTER_KILL.toSeconds() + "; docker rm -f "
                    + containerId + " >/dev/null 2>&1"))
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
            // the shell first (else it would go on to the kill the moment its sleep ends), then its sleep
            List<ProcessHandle> sleeping = process.descendants().toList();
            process.destroyForcibly();
            sleeping.forEach(ProcessHandle::destroy);
        }
    }
}

package oomlab.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a host command to its end or to its timeout, whichever comes first. The output is drained on its own
 * thread while the process runs: reading it to the end first would block on a process that never closes
 * its output, and the timeout could never fire.
 */
public final class ProcessRunner {
    private ProcessRunner() {
    }

    /** What a finished (or stopped) command left: its exit code, its output (stdout and stderr merged). */
    public record ProcessResult(List<String> command, int exitCode, String output, boolean timedOut) {
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /**
         * For a one-line error message about a Maven run: its first ERROR line (colour codes taken out), or where it
         * printed none, all it said.
         */
        public String firstError() {
            String text = describe();
            List<String> errors = text.lines().map(String::strip).filter(line -> line.contains("ERROR")).toList();
            return errors.isEmpty() ? text.strip() : errors.get(0).replaceAll("\\u001B\\[[;\\d]*m", "");
        }

        /** For error messages: the command, how it ended, and the last lines it printed. */
        public String describe() {
            List<String> lines = output.lines().toList();
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            return String.join(" ", command) + (timedOut ? " did not finish in time" : " exited " + exitCode)
                    + (tail.isEmpty() ? "" : ":\n" + tail);
        }
    }

    /**
     * @throws UncheckedIOException when the command cannot be started at all (not installed, no permission)
     */
    public static ProcessResult run(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        closeQuietly(process);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(process.getInputStream(), output), "drain-" + command.get(0));
        drain.setDaemon(true);
        drain.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            drain.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
        String text;
        synchronized (output) {
            text = output.toString(StandardCharsets.UTF_8);
        }
        return new ProcessResult(List.copyOf(command), finished ? process.exitValue() : -1, text, !finished);
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing was going to be written anyway
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process was destroyed: what was read so far is the output
        }
    }
}

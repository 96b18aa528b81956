package oomlab.container;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.containers.output.OutputFrame;

/**
 * A container's output, stdout and stderr each to a file of its own (as Testcontainers' {@link OutputFrame} keeps
 * them apart) or both to one, written as it comes (a SIGKILL leaves everything up to that moment), and the
 * end of that output awaited: the stream ends a moment after the container does, and the file must be whole
 * before anyone reads it.
 */
final class LogFile implements Consumer<OutputFrame>, AutoCloseable {
    private static final Duration END_WAIT = Duration.ofSeconds(10);

    private final OutputStream out;
    private final OutputStream err;
    private final AtomicBoolean ended = new AtomicBoolean();

    /** Both streams to one file (the lab's own load generator, whose every line is the lab's). */
    LogFile(Path file) {
        this.out = open(file);
        this.err = out;
    }

    /** Each stream to its own file: a program's output, which the lab keeps but never reads for a verdict. */
    LogFile(Path stdout, Path stderr) {
        this.out = open(stdout);
        this.err = open(stderr);
    }

    private static OutputStream open(Path file) {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(OutputFrame frame) {
        if (frame.getType() == OutputFrame.OutputType.END) {
            ended.set(true);
            return;
        }
        byte[] bytes = frame.getBytes();
        if (bytes == null) {
            return;
        }
        OutputStream to = frame.getType() == OutputFrame.OutputType.STDERR ? err : out;
        try {
            synchronized (to) {
                to.write(bytes);
                to.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the end of the output; says so when it did not come, as the file may then be short. */
    void awaitEnd(String label) {
        try {
            await().atMost(END_WAIT).pollInterval(Duration.ofMillis(50)).untilTrue(ended);
        } catch (ConditionTimeoutException e) {
            System.out.printf("[oomlab] %s: output did not end within %d s; its log may be short%n", label,
                    END_WAIT.toSeconds());
        }
    }

    @Override
    public void close() {
        try {
            synchronized (out) {
                out.close();
            }
            if (err != out) {
                synchronized (err) {
                    err.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package oomlab.container;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT or SIGTERM to the harness (Ctrl-C, or CI cancelling `mvn test`) in the middle of a run: one shutdown hook
 * for the JVM asks the runs under way to stop, and waits a little while each stops its container, writes what it
 * recorded as an INTERRUPTED result and the summary of the runs made. Without it the JVM would exit mid-run: the
 * container removed by Testcontainers' own hook, the curve kept, but no result.json and a summary that never says
 * why the run is missing.
 */
public final class Interruption {
    /** How long the JVM's exit waits for a run under way to write its result. */
    static final Duration GRACE = Duration.ofSeconds(20);

    private static final AtomicBoolean REQUESTED = new AtomicBoolean();
    private static final AtomicInteger UNDER_WAY = new AtomicInteger();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private Interruption() {
    }

    /** A run begins: from now on an interruption waits for it (up to {@link #GRACE}). */
    public static void begin() {
        if (INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(Interruption::onShutdown, "oomlab-interruption"));
        }
        UNDER_WAY.incrementAndGet();
    }

    /** The run has written its result (or given up): the JVM may go. */
    public static void end() {
        synchronized (UNDER_WAY) {
            UNDER_WAY.decrementAndGet();
            UNDER_WAY.notifyAll();
        }
    }

    /** True once the harness has been told to stop: a run under way stops its container and reports INTERRUPTED. */
    public static boolean requested() {
        return REQUESTED.get();
    }

    private static void onShutdown() {
        REQUESTED.set(true);
        long deadline = System.nanoTime() + GRACE.toNanos();
        synchronized (UNDER_WAY) {
            while (UNDER_WAY.get() > 0 && System.nanoTime() < deadline) {
                if (UNDER_WAY.get() > 0) {
                    System.out.println("[oomlab] interrupted: stopping the run under way and writing what it recorded");
                }
                try {
                    UNDER_WAY.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}

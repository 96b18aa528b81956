package oomlab.workloads;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Units of work done so far, reported once a second as a {@code progress} event ({@link Events}): a run the kernel kills
 * halfway still tells how much it did and at what CPU cost. The closing {@code work} event has the
 * same fields.
 */
public final class Progress {
    private static final AtomicLong DONE = new AtomicLong();
    private static final long START = System.nanoTime();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Progress() {
    }

    public static void add(long units) {
        DONE.addAndGet(units);
    }

    static long done() {
        return DONE.get();
    }

    static void set(long units) {
        DONE.set(units);
    }

    /** The fields of a progress or work event (a JSON object's text). */
    static String fields(String workload, String unit) {
        return String.format(java.util.Locale.ROOT,
                "{\"workload\":\"%s\",\"ops\":%d,\"unit\":\"%s\",\"elapsedMs\":%d,\"cpuMs\":%d}",
                workload, DONE.get(), unit, (System.nanoTime() - START) / 1_000_000,
                OS.getProcessCpuTime() / 1_000_000);
    }

    static void reportEverySecond(String workload, String unit) {
        Thread reporter = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                Events.emit("progress", fields(workload, unit));
            }
        }, "oomlab-progress");
        reporter.setDaemon(true);
        reporter.start();
    }
}

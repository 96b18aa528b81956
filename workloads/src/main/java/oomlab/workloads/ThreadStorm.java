package oomlab.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts {@code threads} platform threads, each recursing {@code depth} frames that each touch a
 * {@code frame-bytes} local array, so stack pages are really resident, then parks them all until the end.
 * Stack size comes from -Xss (a JVM flag, so the scenario owns it). NMT books the stacks under "Thread".
 */
public final class ThreadStorm implements Workload {
    @Override
    public long run(Args args) throws InterruptedException {
        int threads = args.getInt("threads", 2000);
        int depth = args.getInt("depth", 64);
        int holdMs = args.getInt("hold-ms", 3000);
        int rampPerSecond = args.getInt("threads-per-s", 1000);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        long pauseNanos = 1_000_000_000L / Math.max(1, rampPerSecond);
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                descend(depth);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "storm-" + i);
            thread.start();
            started.add(thread);
            Progress.add(1); // a run killed halfway still tells how many threads it had started
            java.util.concurrent.locks.LockSupport.parkNanos(pauseNanos);
        }
        Thread.sleep(holdMs);
        release.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        return threads;
    }

    /** Touches about 1 KB of stack per frame on the way down. */
    private static long descend(int depth) {
        long[] frame = new long[16]; // scalar-replaced or not, the frame itself is what costs stack
        frame[depth & 15] = depth;
        if (depth == 0) {
            return frame[0];
        }
        return descend(depth - 1) + frame[depth & 15] + touch(depth);
    }

    private static long touch(int depth) {
        byte[] padding = new byte[768];
        padding[depth % padding.length] = 1;
        return padding[0];
    }

    @Override
    public String unit() {
        return "threads";
    }
}

package oomlab.workloads;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Allocates direct buffers at a steady rate and keeps them all: memory the Java heap never sees.
 * Run with a {@code -XX:MaxDirectMemorySize} above the container cap so the kernel, not Java, stops it.
 */
public final class DirectBuffers implements Workload {
    @Override
    public long run(Args args) throws InterruptedException {
        int chunkMb = args.getInt("chunk-mb", 4);
        long rateMbPerSecond = args.getLong("rate-mb-per-s", 64);
        long totalMb = args.getLong("total-mb", Long.MAX_VALUE);
        List<ByteBuffer> kept = new ArrayList<>();
        long pauseNanos = 1_000_000_000L * chunkMb / rateMbPerSecond;
        long allocatedMb = 0;
        long next = System.nanoTime();
        while (allocatedMb < totalMb) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(chunkMb << 20);
            // allocateDirect zeroes the memory, so every page is already resident; writing one byte
            // per page anyway keeps that true should the JDK ever stop zeroing.
            for (int i = 0; i < buffer.capacity(); i += 4096) {
                buffer.put(i, (byte) 1);
            }
            kept.add(buffer);
            allocatedMb += chunkMb;
            Progress.add(chunkMb);
            next += pauseNanos;
            long sleepNanos = next - System.nanoTime();
            if (sleepNanos > 0) {
                Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            }
        }
        return allocatedMb;
    }

    @Override
    public String unit() {
        return "MB";
    }
}

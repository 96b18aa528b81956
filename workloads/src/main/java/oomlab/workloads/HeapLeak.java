package oomlab.workloads;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every chunk it allocates on the Java heap until the JVM throws java.lang.OutOfMemoryError: the
 * Java-level failure. With the heap well below the cap the kernel never has to step in.
 */
public final class HeapLeak implements Workload {
    @Override
    public long run(Args args) throws InterruptedException {
        int chunkKb = args.getInt("chunk-kb", 1024);
        int rateMbPerSecond = args.getInt("rate-mb-per-s", 256);
        List<byte[]> kept = new ArrayList<>();
        long pauseNanos = 1_000_000_000L * chunkKb / 1024 / rateMbPerSecond;
        while (true) {
            byte[] chunk = new byte[chunkKb * 1024];
            chunk[chunk.length - 1] = 1;
            kept.add(chunk);
            Progress.add(chunkKb / 1024);
            java.util.concurrent.locks.LockSupport.parkNanos(pauseNanos);
        }
    }

    @Override
    public String unit() {
        return "MB";
    }
}

package oomlab.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Native memory the JVM does not account as its own: zlib's state, malloc'ed by the native library behind
 * java.util.zip.Deflater, kept reachable and never {@code end()}ed (the classic leak of a forgotten
 * GZIPOutputStream). NMT sees almost none of it, so it shows up as RSS beyond NMT's total: the incident's
 * "native library" suspect.
 */
public final class NativeLeak implements Workload {
    @Override
    public long run(Args args) throws InterruptedException {
        int perSecond = args.getInt("deflaters-per-s", 2000);
        long total = args.getLong("total", Long.MAX_VALUE);
        List<Deflater> kept = new ArrayList<>();
        byte[] input = new byte[4096];
        byte[] output = new byte[8192];
        long pauseNanos = 1_000_000_000L / Math.max(1, perSecond);
        for (long i = 0; i < total; i++) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            input[(int) (i % input.length)] = (byte) i;
            deflater.setInput(input);
            deflater.deflate(output, 0, output.length, Deflater.SYNC_FLUSH); // zlib allocates its windows here
            kept.add(deflater);
            Progress.add(1);
            java.util.concurrent.locks.LockSupport.parkNanos(pauseNanos);
        }
        return kept.size();
    }

    @Override
    public String unit() {
        return "deflaters";
    }
}

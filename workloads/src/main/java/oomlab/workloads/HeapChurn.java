package oomlab.workloads;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A heap-heavy service in steady state, for the garbage collectors' own native memory (seed 003): a live set
 * of {@code live-mb} MB in small nodes that point at random older nodes (references across the heap, which
 * the collectors track in card tables, remembered sets and mark bitmaps), of which {@code churn-mb-per-s} MB
 * a second is replaced by new nodes, for {@code duration-s} seconds. The live set stays the same size, so
 * the heap never runs out: what differs between collectors is the memory they need beside it.
 */
public final class HeapChurn implements Workload {
    private static final int PAYLOAD = 1000;

    /** One node of the live set: a payload and a reference to another node. */
    private record Node(byte[] payload, Node other) {
    }

    @Override
    public long run(Args args) {
        int liveMb = args.getInt("live-mb", 512);
        int churnMbPerSecond = args.getInt("churn-mb-per-s", 200);
        int durationS = args.getInt("duration-s", 15);
        int nodes = liveMb * 1024 * 1024 / (PAYLOAD + 48);
        Node[] live = new Node[nodes];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < nodes; i++) {
            live[i] = new Node(new byte[PAYLOAD], i == 0 ? null : live[random.nextInt(i)]);
        }
        System.out.println("heap-churn: " + nodes + " nodes live (" + liveMb + " MB)");
        int perMillisecond = Math.max(1, churnMbPerSecond * 1024 * 1024 / (PAYLOAD + 48) / 1000);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(durationS);
        long replaced = 0;
        for (long tick = 0; System.nanoTime() < end; tick++) {
            for (int k = 0; k < perMillisecond; k++) {
                int at = random.nextInt(nodes);
                live[at] = new Node(new byte[PAYLOAD], live[random.nextInt(nodes)]);
            }
            replaced += perMillisecond;
            Progress.add(perMillisecond);
            long wait = start + TimeUnit.MILLISECONDS.toNanos(tick + 1) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        return replaced;
    }

    @Override
    public String unit() {
        return "nodes replaced";
    }
}

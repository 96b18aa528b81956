package oomlab.workloads;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The control: a fixed amount of ordinary work (fill and sort arrays) with a small, bounded footprint.
 * It must finish with exit 0 far below any cap the lab uses; if it does not, the lab itself is broken.
 */
public final class Steady implements Workload {
    @Override
    public long run(Args args) {
        int iterations = args.getInt("iterations", 200);
        int arrayLength = args.getInt("array-length", 1 << 20);
        SplittableRandom random = new SplittableRandom(42);
        long checksum = 0;
        for (int i = 0; i < iterations; i++) {
            int[] values = random.ints(arrayLength).toArray();
            Arrays.sort(values);
            checksum += values[values.length / 2];
            Progress.add(1);
        }
        System.out.println("steady checksum " + checksum);
        return iterations;
    }

    @Override
    public String unit() {
        return "iterations";
    }
}

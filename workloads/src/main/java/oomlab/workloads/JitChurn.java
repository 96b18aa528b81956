package oomlab.workloads;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the JIT compilers busy the way a large service does, for a fixed amount of work: each wave
 * defines {@code classes} freshly generated classes (see {@link GeneratedCode}) in a new class loader, and
 * {@code threads} workers call every class's {@code run} {@code calls} times, enough for tier 4 and OSR.
 * The previous wave's loader is dropped, so its classes and code can be unloaded: class churn.
 *
 * <p>The unit of work is one call of a generated {@code run} method; SURVIVED means all of them were done.
 */
public final class JitChurn implements Workload {
    private final boolean countsAsWork;

    public JitChurn() {
        this(true);
    }

    /** @param countsAsWork false where it runs beside another workload (a service's deploy), whose work counts */
    JitChurn(boolean countsAsWork) {
        this.countsAsWork = countsAsWork;
    }

    @Override
    public long run(Args args) throws Exception {
        int classes = args.getInt("classes", 150);
        int blocks = args.getInt("blocks", 100);
        int calls = args.getInt("calls", 1000);
        int threads = args.getInt("threads", 4);
        int waves = args.getInt("waves", 1);
        int dataLength = args.getInt("data-length", 64);

        List<byte[]> bytecode = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            bytecode.add(GeneratedCode.classBytes(i, blocks));
        }
        AtomicLong done = new AtomicLong();
        AtomicLong checksum = new AtomicLong();
        for (int wave = 0; wave < waves; wave++) {
            List<Method> runs = defineWave(bytecode);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                Thread worker = new Thread(() -> work(runs, first, threads, calls, dataLength, done, checksum,
                        countsAsWork),
                        "churn-" + wave + "-" + t);
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            System.out.printf("jit-churn wave %d done: %d calls so far%n", wave, done.get());
        }
        System.out.println("jit-churn checksum " + checksum.get());
        return done.get();
    }

    private static List<Method> defineWave(List<byte[]> bytecode) throws Exception {
        GeneratedClassLoader loader = new GeneratedClassLoader();
        List<Method> runs = new ArrayList<>();
        for (int i = 0; i < bytecode.size(); i++) {
            Class<?> type = loader.define(GeneratedCode.className(i).replace('/', '.'), bytecode.get(i));
            runs.add(type.getMethod("run", Shape[].class, Shape[].class, int[].class, int.class));
        }
        return runs;
    }

    /** Worker {@code first} takes classes first, first + stride, ...; they get hot one after another. */
    private static void work(List<Method> runs, int first, int stride, int calls, int dataLength,
                             AtomicLong done, AtomicLong checksum, boolean countsAsWork) {
        Shape[] all = Shape.all();
        Shape[] two = {all[0], all[1]};
        int[] data = new int[dataLength];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 17 + first;
        }
        long sum = 0;
        try {
            for (int c = first; c < runs.size(); c += stride) {
                Method run = runs.get(c);
                for (int call = 0; call < calls; call++) {
                    sum += (long) run.invoke(null, two, all, data, call);
                }
                done.addAndGet(calls);
                if (countsAsWork) {
                    Progress.add(calls);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        checksum.addAndGet(sum);
    }

    @Override
    public String unit() {
        return "calls";
    }
}

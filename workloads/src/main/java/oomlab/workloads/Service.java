package oomlab.workloads;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A service under a steady load, for the cost half of the incident: requests arrive at a fixed rate (open
 * loop: one pacer hands each request to the workers at its own time, whether or not the last is done), each
 * doing ordinary service work (parse, map, sort, format, hash). Every {@code window-s} seconds it prints one
 * {@code window} event ({@link Events}): the process's CPU use in cores over the window, the achieved rate, and
 * latency percentiles measured from each request's intended start (so a stalled JVM shows as latency).
 * With {@code deploy-at-s}, new code is loaded at that second and run beside the load, as a deploy would: the
 * JIT compiles it while the service keeps serving. {@code deploy=concat} (the default) is the stacked
 * string-concatenation shape ({@link StackedConcat}), whose C2 compilation never ends and grows without bound;
 * {@code deploy=churn} is the jit-churn generator (big generated methods, many at once).
 * With {@code cache-mb}, a live cache of that many MB (64 KB arrays) is held on the heap for the whole run,
 * as a service's caches would hold it.
 *
 * <p>The pacer parks ({@link LockSupport#parkNanos}), never spins: a spinning pacer would burn a core and
 * hide the difference between compilers.
 */
public final class Service implements Workload {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int PAYLOADS = 64;
    private static final int FIELDS = 40;
    /** Enough work per request that the JIT's code, not the hand-off between threads, is what costs CPU. */
    private static final int PASSES_PER_REQUEST = 4;

    /** Each request's latency from its intended start, taken once per window. */
    private final Latencies latencies = new Latencies();

    @Override
    public long run(Args args) throws Exception {
        int rate = args.getInt("rate", 1000);
        int durationS = args.getInt("duration-s", 30);
        int warmupS = args.getInt("warmup-s", 10);
        int windowS = args.getInt("window-s", 5);
        int workers = args.getInt("workers", 2);
        int deployAtS = args.getInt("deploy-at-s", -1);
        String[] payloads = payloads();
        byte[][] cache = cache(args.getInt("cache-mb", 0));
        AtomicLong completed = new AtomicLong();
        AtomicLong checksum = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "service-worker");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        long period = 1_000_000_000L / Math.max(1, rate);
        long end = start + TimeUnit.SECONDS.toNanos(durationS);
        Thread deploy = deployAtS < 0 ? null : deploy(args, start + TimeUnit.SECONDS.toNanos(deployAtS));
        long nextWindow = start + TimeUnit.SECONDS.toNanos(windowS);
        long windowStart = start;
        long windowCpu = OS.getProcessCpuTime();
        long windowCompleted = 0;
        int window = 0;
        for (long i = 0; ; i++) {
            long intended = start + i * period;
            if (intended >= end) {
                break;
            }
            while (intended >= nextWindow) { // close the window before the first request of the next one
                long cpu = OS.getProcessCpuTime();
                printWindow(window++, windowStart - start, nextWindow - start, phase(windowStart - start,
                        nextWindow - start, warmupS, deployAtS), cpu - windowCpu, completed.get() - windowCompleted);
                windowCpu = cpu;
                windowCompleted = completed.get();
                windowStart = nextWindow;
                nextWindow += TimeUnit.SECONDS.toNanos(windowS);
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String payload = payloads[(int) (i % PAYLOADS)];
            pool.execute(() -> {
                checksum.addAndGet(handle(payload));
                latencies.record((System.nanoTime() - intended) / 1000);
                completed.incrementAndGet();
                Progress.add(1);
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        long now = System.nanoTime();
        printWindow(window, windowStart - start, now - start, phase(windowStart - start, now - start, warmupS,
                deployAtS), OS.getProcessCpuTime() - windowCpu, completed.get() - windowCompleted);
        if (deploy != null) {
            deploy.interrupt();
        }
        System.out.println("service checksum " + checksum.get() + " cache " + cache.length + " x 64 KB");
        return completed.get();
    }

    /** One request: a handler's worth of work, {@link #handleForm} on its form a few times over. */
    static long handle(String payload) {
        long hash = 0;
        for (int pass = 0; pass < PASSES_PER_REQUEST; pass++) {
            hash = hash * 31 + handleForm(payload);
        }
        return hash;
    }

    /** Parse a form of 40 fields, merge them into a map, sort, format, hash. */
    static long handleForm(String payload) {
        Map<String, Integer> fields = new HashMap<>();
        for (String field : payload.split(",")) {
            int eq = field.indexOf('=');
            fields.merge(field.substring(0, eq), Integer.parseInt(field.substring(eq + 1)), Integer::sum);
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(fields.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        StringBuilder out = new StringBuilder(512);
        for (Map.Entry<String, Integer> e : sorted) {
            out.append(e.getKey()).append(':').append(e.getValue()).append(';');
        }
        String formatted = out.toString();
        // the response's checksum, byte by byte, as a handler's serialisation and validation would touch it
        byte[] bytes = formatted.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long hash = 0;
        for (int round = 0; round < 16; round++) {
            for (int i = 0; i < bytes.length; i++) {
                hash = hash * 31 + (bytes[i] ^ round) + (hash >>> 17);
            }
        }
        return hash;
    }

    private static String[] payloads() {
        String[] payloads = new String[PAYLOADS];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int p = 0; p < PAYLOADS; p++) {
            StringBuilder form = new StringBuilder();
            for (int f = 0; f < FIELDS; f++) {
                form.append(f == 0 ? "" : ",").append("field").append(random.nextInt(FIELDS)).append('=')
                        .append(random.nextInt(100_000));
            }
            payloads[p] = form.toString();
        }
        return payloads;
    }

    static String phase(long fromNanos, long toNanos, int warmupS, int deployAtS) {
        if (deployAtS >= 0 && fromNanos >= TimeUnit.SECONDS.toNanos(deployAtS)) {
            return "after-deploy";
        }
        return toNanos <= TimeUnit.SECONDS.toNanos(warmupS) ? "warmup" : "steady";
    }

    private void printWindow(int window, long fromNanos, long toNanos, String phase, long cpuNanos, long requests) {
        Histogram sample = latencies.sinceLastTaken();
        double seconds = (toNanos - fromNanos) / 1e9;
        Events.emit("window", String.format(Locale.ROOT, "{\"window\":%d,\"fromS\":%.1f,\"toS\":%.1f,"
                        + "\"phase\":\"%s\",\"cpuCores\":%.4f,\"rate\":%.1f,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"p999Ms\":%.3f}",
                window, fromNanos / 1e9, toNanos / 1e9, phase, cpuNanos / 1e9 / seconds, requests / seconds,
                Latencies.percentileMs(sample, 50), Latencies.percentileMs(sample, 99),
                Latencies.percentileMs(sample, 99.9)));
    }

    private static byte[][] cache(int megabytes) {
        byte[][] cache = new byte[megabytes * 16][];
        for (int i = 0; i < cache.length; i++) {
            cache[i] = new byte[64 * 1024];
            cache[i][i % cache[i].length] = (byte) i; // touched, so it is really there
        }
        return cache;
    }

    /** The deploy: at its second, new code is loaded and driven beside the load. */
    private static Thread deploy(Args args, long atNanos) {
        String kind = args.getString("deploy", "concat");
        if (!kind.equals("concat") && !kind.equals("churn")) {
            throw new IllegalArgumentException("--deploy=concat or --deploy=churn, got '" + kind + "'");
        }
        Thread deploy = new Thread(() -> {
            LockSupport.parkNanos(atNanos - System.nanoTime());
            System.out.println("service: deploy of new code (" + kind + ")");
            try {
                if (kind.equals("concat")) {
                    System.out.println("service: deploy ran, checksum " + StackedConcat.drive(
                            args.getLong("deploy-calls", 200_000)));
                    return;
                }
                new JitChurn(false).run(new Args(List.of(
                        "--classes=" + args.getInt("deploy-classes", 150),
                        "--blocks=" + args.getInt("deploy-blocks", 100),
                        "--calls=" + args.getInt("deploy-calls", 1000),
                        "--threads=" + args.getInt("deploy-threads", 4),
                        "--waves=1")));
            } catch (Exception e) {
                System.out.println("service: deploy stopped: " + e);
            }
        }, "service-deploy");
        deploy.setDaemon(true);
        deploy.start();
        return deploy;
    }

    @Override
    public String unit() {
        return "requests";
    }
}

package oomlab.workloads;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Entry point: {@code java -cp oomlab-workloads.jar oomlab.workloads.Main <workload> [--name=value ...]}.
 *
 * <p>While it works it reports a {@code progress} event once a second, and when the work is done one
 * {@code work} event {@code {"workload":...,"ops":...,"elapsedMs":...,"cpuMs":...}} (see {@link Events}) that the harness reads for
 * throughput and CPU cost; a run killed before the end has only progress lines, which is itself a result.
 */
public final class Main {
    private static final Map<String, Supplier<Workload>> WORKLOADS = new TreeMap<>(Map.of(
            "deopt-storm", DeoptStorm::new,
            "direct-buffers", DirectBuffers::new,
            "heap-churn", HeapChurn::new,
            "heap-leak", HeapLeak::new,
            "jit-churn", JitChurn::new,
            "native-leak", NativeLeak::new,
            "service", Service::new,
            "steady", Steady::new,
            "thread-storm", ThreadStorm::new));

    private Main() {
    }

    /** The workloads this jar runs, by the name a scenario gives them. */
    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(WORKLOADS.keySet());
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || !WORKLOADS.containsKey(argv[0])) {
            System.err.println("usage: Main <workload> [--name=value ...]; workloads: " + WORKLOADS.keySet());
            System.exit(2);
        }
        Workload workload = WORKLOADS.get(argv[0]).get();
        Args args = new Args(Arrays.asList(argv).subList(1, argv.length));
        Progress.reportEverySecond(argv[0], workload.unit());
        long ops = workload.run(args);
        Progress.set(ops);
        Events.emit("work", Progress.fields(argv[0], workload.unit()));
    }
}

package oomlab.scenario;

import java.util.List;

/**
 * A request stream the lab puts on a service ({@code load:} in scenarios.yaml): run from a load-generator
 * container beside the service, on a private Docker network that has no way out. Only {@code port} is required.
 *
 * @param protocol        {@code http} (the default) or {@code tcp} (a line out, a line back)
 * @param port            the port the service listens on
 * @param path            http: the path requested (default {@code /}); {@code {n}} becomes the request's number
 * @param paths           http: several paths, taken in turn (instead of {@code path})
 * @param payload         tcp: the line sent with each request
 * @param rate            requests per second, fixed whatever the answers (default 100)
 * @param warmupSeconds   requests sent but not counted, after the port answers (default 5)
 * @param durationSeconds requests counted, after the warm-up (default 30)
 * @param readySeconds    how long the lab waits for the port to answer (default 60)
 * @param untilSteady     instead of a fixed duration: the load goes on until the service is steady and its answer
 *                        is known, within a bound (see {@link UntilSteady}); null for a fixed {@code durationSeconds}
 */
public record Load(String protocol, Integer port, String path, List<String> paths, String payload, Integer rate,
                   Integer warmupSeconds, Integer durationSeconds, Integer readySeconds, UntilSteady untilSteady) {
    /**
     * A load that ends when its answer is known rather than at a fixed second: the lab watches the run's windows as
     * they come (the steady-state rule of docs/results.md: the JIT quiet and the CPU per request flat) and stops the
     * load once {@code measureSeconds} of steady windows are counted and the container's memory has settled — a
     * service still growing goes on, to the bound or to its cap. At {@code limitSeconds} after the warm-up the load
     * ends whatever it showed: the run then says "not steady" or "still growing" with the JVM's evidence.
     *
     * @param measureSeconds steady seconds to count before the answer is known (default 30)
     * @param limitSeconds   the longest the load goes on after its warm-up (default 300)
     */
    public record UntilSteady(Integer measureSeconds, Integer limitSeconds) {
        public int measureOrDefault() {
            return measureSeconds == null ? 30 : measureSeconds;
        }

        public int limitOrDefault() {
            return limitSeconds == null ? 300 : limitSeconds;
        }
    }

    public static final String HTTP = "http";
    public static final String TCP = "tcp";

    public String protocolOrDefault() {
        return protocol == null ? HTTP : protocol;
    }

    public List<String> pathsOrDefault() {
        if (paths != null && !paths.isEmpty()) {
            return List.copyOf(paths);
        }
        return List.of(path == null ? "/" : path);
    }

    public int rateOrDefault() {
        return rate == null ? 100 : rate;
    }

    public int warmupOrDefault() {
        return warmupSeconds == null ? 5 : warmupSeconds;
    }

    /** How long the generator sends after its warm-up: the fixed duration, or an until-steady load's bound. */
    public int durationOrDefault() {
        if (untilSteady != null) {
            return untilSteady.limitOrDefault();
        }
        return durationSeconds == null ? 30 : durationSeconds;
    }

    public int readyOrDefault() {
        return readySeconds == null ? 60 : readySeconds;
    }

    /** The longest a run with this load can take before the lab would stop it anyway. */
    public int secondsNeeded() {
        return readyOrDefault() + warmupOrDefault() + durationOrDefault();
    }

    /** The load generator's arguments (oomlab.workloads.LoadGenerator), for a service reachable as {@code host}. */
    public List<String> generatorArgs(String host) {
        List<String> args = new java.util.ArrayList<>(List.of("--protocol=" + protocolOrDefault(), "--host=" + host,
                "--port=" + port, "--rate=" + rateOrDefault(), "--warmup-s=" + warmupOrDefault(),
                "--duration-s=" + durationOrDefault()));
        if (protocolOrDefault().equals(TCP)) {
            args.add("--payload=" + (payload == null ? "PING" : payload));
        } else {
            pathsOrDefault().forEach(p -> args.add("--path=" + p));
        }
        return args;
    }
}

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
 */
public record Load(String protocol, Integer port, String path, List<String> paths, String payload, Integer rate,
                   Integer warmupSeconds, Integer durationSeconds, Integer readySeconds) {
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

    public int durationOrDefault() {
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

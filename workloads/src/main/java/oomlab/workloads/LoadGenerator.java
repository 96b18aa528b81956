package oomlab.workloads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A fixed-rate request stream against a service, run by the lab in a container of its own beside the service:
 * {@code java -cp oomlab-workloads.jar oomlab.workloads.LoadGenerator --host=service --port=8080 --rate=200
 * --warmup-s=5 --duration-s=30 --path=/hello --path=/report?id={n}} (HTTP), or {@code --protocol=tcp
 * --payload=PING} (one line sent, one line back per request).
 *
 * <p>Open loop: request i is due at start + i / rate whatever became of the earlier ones, and its latency is
 * counted from when it was due, so a service that stalls shows it in the percentiles instead of slowing the
 * stream down (no coordinated omission). At most {@code --in-flight} requests wait at once; one due beyond that
 * is counted as an error ("overloaded"), not queued. {@code {n}} in a path becomes the request's number.
 *
 * <p>Prints {@code oomlab-load {...}} once a second and {@code oomlab-load-summary {...}} at the end, also when it
 * is stopped (SIGTERM) because the service died: what was measured up to then.
 */
public final class LoadGenerator {
    private final String protocol;
    private final String host;
    private final int port;
    private final List<String> paths;
    private final String payload;
    private final double rate;
    private final long warmupNanos;
    private final long durationNanos;
    private final Duration requestTimeout;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final ExecutorService workers;
    private final HttpClient http;
    private final ThreadLocal<Connection> tcp = new ThreadLocal<>();

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    /** Every answer, the warm-up's too: the per-second lines' "answered", which the lab's windows count. */
    private final AtomicLong answered = new AtomicLong();
    /** Every answer's latency (warm-up included), taken each second for the per-second line's p99. */
    private final Latencies everySecond = new Latencies();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, AtomicLong> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();
    private final Latencies countedLatencies = new Latencies(); // counted requests only (after the warm-up)
    private volatile String firstError;
    private volatile long measuredFrom;
    private volatile long measuredUntil;
    private final long startNanos = System.nanoTime();

    private LoadGenerator(Args args, List<String> paths) {
        this.protocol = args.getString("protocol", "http");
        this.host = args.getString("host", "service");
        this.port = args.getInt("port", 8080);
        this.paths = paths.isEmpty() ? List.of("/") : paths;
        this.payload = args.getString("payload", "PING");
        this.rate = args.getInt("rate", 100);
        this.warmupNanos = TimeUnit.SECONDS.toNanos(args.getInt("warmup-s", 5));
        this.durationNanos = TimeUnit.SECONDS.toNanos(args.getInt("duration-s", 30));
        this.requestTimeout = Duration.ofMillis(args.getInt("timeout-ms", 5000));
        this.maxInFlight = args.getInt("in-flight", 256);
        this.inFlight = new Semaphore(maxInFlight);
        this.workers = Executors.newFixedThreadPool(Math.min(maxInFlight, 64), runnable -> {
            Thread thread = new Thread(runnable, "load-worker");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout).executor(workers).build();
    }

    public static void main(String[] argv) throws InterruptedException {
        // --path may be given more than once; every other option once (Args keeps the last).
        List<String> paths = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String arg : argv) {
            if (arg.startsWith("--path=")) {
                paths.add(arg.substring("--path=".length()));
            } else {
                rest.add(arg);
            }
        }
        LoadGenerator generator = new LoadGenerator(new Args(rest), paths);
        Thread summary = new Thread(generator::printSummary, "load-summary");
        Runtime.getRuntime().addShutdownHook(summary); // stopped by the lab when the service died: say what we saw
        generator.run();
    }

    private void run() throws InterruptedException {
        Thread reporter = new Thread(this::reportEverySecond, "load-progress");
        reporter.setDaemon(true);
        reporter.start();
        long periodNanos = (long) (1e9 / rate);
        long end = startNanos + warmupNanos + durationNanos;
        measuredFrom = startNanos + warmupNanos;
        for (long i = 0; ; i++) {
            long due = startNanos + i * periodNanos;
            if (due >= end) {
                break;
            }
            LockSupport.parkNanos(due - System.nanoTime());
            boolean counted = due >= measuredFrom;
            sent.incrementAndGet();
            if (!inFlight.tryAcquire()) {
                failed(counted, "overloaded", maxInFlight + " requests were already waiting");
                continue;
            }
            String path = paths.get((int) (i % paths.size())).replace("{n}", Long.toString(i));
            if (protocol.equals("tcp")) {
                workers.execute(() -> tcpRequest(due, counted));
            } else {
                httpRequest(path, due, counted);
            }
        }
        workers.shutdown();
        workers.awaitTermination(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        measuredUntil = System.nanoTime();
    }

    private void httpRequest(String path, long due, boolean counted) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                .timeout(requestTimeout).GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            inFlight.release();
            if (error != null) {
                failed(counted, kind(error), String.valueOf(error));
            } else if (response.statusCode() >= 400) {
                failed(counted, "http " + response.statusCode(), path + " answered " + response.statusCode());
            } else {
                succeeded(due, counted);
            }
        });
    }

    private void tcpRequest(long due, boolean counted) {
        try {
            Connection connection = tcp.get();
            if (connection == null) {
                connection = new Connection(host, port, (int) requestTimeout.toMillis());
                tcp.set(connection);
            }
            String answer = connection.exchange(payload);
            if (answer == null) {
                tcp.remove();
                connection.close();
                failed(counted, "closed", "the service closed the connection");
            } else {
                succeeded(due, counted);
            }
        } catch (IOException e) {
            Connection broken = tcp.get();
            tcp.remove();
            if (broken != null) {
                broken.close();
            }
            failed(counted, kind(e), String.valueOf(e));
        } finally {
            inFlight.release();
        }
    }

    private void succeeded(long due, boolean isCounted) {
        long micros = (System.nanoTime() - due) / 1000;
        answered.incrementAndGet();
        everySecond.record(micros);
        if (isCounted) {
            countedLatencies.record(micros);
            ok.incrementAndGet();
        }
    }

    private void failed(boolean counted, String kind, String message) {
        if (firstError == null) {
            firstError = message;
        }
        if (counted) {
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }
    }

    private static String kind(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause.getClass().getSimpleName();
    }

    /**
     * One line a second, flushed: the seconds since the generator started, the requests sent so far, and in that
     * second the counted answers and errors ("ok", "errors": the measured window's) and every answer with its p99
     * ("answered", "p99Ms": the warm-up's too), which the lab joins with the container's CPU into windows.
     */
    private void reportEverySecond() {
        long lastOk = 0;
        long lastErrors = 0;
        long lastAnswered = 0;
        for (int second = 1; ; second++) {
            LockSupport.parkNanos(startNanos + TimeUnit.SECONDS.toNanos(second) - System.nanoTime());
            long nowOk = ok.get();
            long nowErrors = errors.get();
            long nowAnswered = answered.get();
            Histogram latencies = everySecond.sinceLastTaken();
            System.out.printf(Locale.ROOT, "oomlab-load {\"second\":%d,\"warmup\":%s,\"sent\":%d,\"ok\":%d,\"errors\":%d,"
                            + "\"answered\":%d,\"p99Ms\":%.2f}%n", second, System.nanoTime() < measuredFrom, sent.get(),
                    nowOk - lastOk, nowErrors - lastErrors, nowAnswered - lastAnswered,
                    Latencies.percentileMs(latencies, 99));
            System.out.flush();
            lastOk = nowOk;
            lastErrors = nowErrors;
            lastAnswered = nowAnswered;
        }
    }

    private synchronized void printSummary() {
        System.out.println(summaryLine());
        System.out.flush();
    }

    /** A generator made but not started (for the tests of its output). */
    static LoadGenerator forTest(String... args) {
        return new LoadGenerator(new Args(List.of(args)), List.of());
    }

    /** The closing line: what was sent and answered, at which latencies. */
    synchronized String summaryLine() {
        long until = measuredUntil != 0 ? measuredUntil : System.nanoTime();
        double seconds = Math.max(0, (until - measuredFrom) / 1e9);
        Histogram latencies = countedLatencies.all();
        Map<String, Long> kinds = new TreeMap<>();
        errorKinds.forEach((kind, count) -> kinds.put(kind, count.get()));
        StringBuilder kindsJson = new StringBuilder("{");
        kinds.forEach((kind, count) -> kindsJson.append(kindsJson.length() > 1 ? "," : "")
                .append('"').append(escape(kind)).append("\":").append(count));
        kindsJson.append('}');
        // Locale.ROOT: a machine whose default locale writes 1,5 must still write JSON
        return String.format(Locale.ROOT, "oomlab-load-summary {\"protocol\":\"%s\",\"targetRate\":%.1f,\"measuredSeconds\":%.2f,"
                        + "\"plannedSeconds\":%d,\"completed\":%s,\"sent\":%d,\"ok\":%d,\"errors\":%d,\"achievedRate\":%.1f,"
                        + "\"p50Ms\":%.2f,\"p90Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f,\"errorKinds\":%s,"
                        + "\"firstError\":%s}",
                protocol, rate, seconds, TimeUnit.NANOSECONDS.toSeconds(durationNanos), measuredUntil != 0, sent.get(), ok.get(), errors.get(),
                seconds > 0 ? ok.get() / seconds : 0.0, Latencies.percentileMs(latencies, 50),
                Latencies.percentileMs(latencies, 90), Latencies.percentileMs(latencies, 99), Latencies.maxMs(latencies),
                kindsJson,
                firstError == null ? "null" : "\"" + escape(firstError) + "\"");
    }

    private static String escape(String text) {
        String oneLine = text.length() > 300 ? text.substring(0, 300) : text;
        return oneLine.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ");
    }

    /** One kept-alive TCP connection of a worker thread: a line out, a line back. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final BufferedReader in;

        Connection(String host, int port, int timeoutMs) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            out = socket.getOutputStream();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        String exchange(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return in.readLine();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }
}

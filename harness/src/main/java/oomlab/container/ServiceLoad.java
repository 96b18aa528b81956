package oomlab.container;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import oomlab.scenario.Load;
import oomlab.scenario.MemorySize;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A request stream on a service. The service keeps the lab's {@code --network none}: its network namespace has
 * only a loopback interface and no route anywhere. The load generator runs in a container of its own that joins
 * that namespace ({@code --network container:<service>}), so the two share a private network nothing else is
 * on, and the service has no way out — the lab reads the service's interfaces and routes to show it. Once the
 * service listens on its port (the lab polls its socket table with Awaitility), the generator sends the scenario's
 * {@link Load}; its output goes to {@value oomlab.layout.RunFiles#LOAD_LOG}. The run ends when the stream has been sent, or earlier when the
 * service dies — then the generator is stopped and prints what it measured up to then. An until-steady load also
 * ends when the lab's {@link LoadEnd} says its answer is known (asked every {@value #ASK_EVERY_SECONDS} s).
 */
public final class ServiceLoad implements RunCompanion {
    
    private static final String GENERATOR_MAIN = "oomlab.workloads.LoadGenerator";
    /** The generator's own cap: not the experiment's, only enough for a JVM sending requests. */
    private static final MemorySize GENERATOR_CAP = MemorySize.parse("384m");
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** /proc/net/tcp's state column: 0A is LISTEN. */
    private static final String LISTEN = "0A";
    /** How often an until-steady load asks whether its answer is known (a window of the steady rule). */
    static final int ASK_EVERY_SECONDS = 5;

    private final Load load;
    private final String generatorImage;
    private final Invocation owner;
    private final Duration timeout;
    private final Path runDir;
    private final String label;
    private LabContainer generator;
    private LogFile generatorLog;
    private Watchdog generatorWatchdog;
    private volatile boolean gaveUp;
    private volatile LoadOutcome outcome;
    private final LoadEnd loadEnd;
    private final oomlab.console.Console console;
    private long startedAtEpochMs;
    private long nextAskNanos;

    public ServiceLoad(Load load, String generatorImage, Invocation owner, Duration timeout, Path runDir, String label,
                       LoadEnd loadEnd, oomlab.console.Console console) {
        this.console = console;
        this.load = load;
        this.loadEnd = loadEnd;
        this.generatorImage = generatorImage;
        this.owner = owner;
        this.timeout = timeout;
        this.runDir = runDir;
        this.label = label;
    }

    @Override
    public void containerRunning(LabContainer service, InspectContainerResponse info) {
        Instant started = Instant.parse(info.getState().getStartedAt());
        startedAtEpochMs = started.toEpochMilli();
        long pid = info.getState().getPidLong() == null ? 0 : info.getState().getPidLong();
        boolean ready = waitForPort(service, pid);
        long readyAfterMs = ready ? Duration.between(started, Instant.now()).toMillis() : -1;
        List<String> interfaces = read(service, pid, "net/dev").map(ServiceLoad::interfaces).orElse(List.of());
        RouteTable routes = read(service, pid, "net/route").map(text -> RouteTable.parse(text, "/proc/<pid>/net/route"))
                .orElse(null);
        String network = "container:" + service.getContainerId().substring(0, 12);
        outcome = new LoadOutcome(network, interfaces, routes, ready, readyAfterMs, null);
        if (!ready) {
            gaveUp = service.isRunning(); // never listened, yet alive: end the run, the judgement says why
            if (gaveUp) {
                console.printf("[oomlab] %s: port %d did not listen within %d s; no load sent%n", label,
                        load.port(), load.readyOrDefault());
            }
            return;
        }
        console.printf("[oomlab] %s: port %d listening after %.1f s; %s load at %d/s for %s (+%d s warm-up)"
                        + " through %s; the service's %s%n", label, load.port(), readyAfterMs / 1000.0,
                load.protocolOrDefault(), load.rateOrDefault(), load.untilSteady() == null
                        ? load.durationOrDefault() + " s"
                        : "as long as it takes to be steady and count " + load.untilSteady().measureOrDefault()
                        + " s, at most " + load.untilSteady().limitOrDefault() + " s",
                load.warmupOrDefault(), network, outcome.reach());
        startGenerator(service.getContainerId());
        nextAskNanos = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(
                load.warmupOrDefault() + ASK_EVERY_SECONDS);
    }

    @Override
    public boolean finished() {
        if (gaveUp) {
            return true;
        }
        LabContainer running = generator;
        if (running == null) {
            return false;
        }
        if (!running.isRunning()) {
            return true;
        }
        if (loadEnd != LoadEnd.NEVER && System.nanoTime() >= nextAskNanos) {
            nextAskNanos = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(ASK_EVERY_SECONDS);
            Optional<String> known = loadEnd.reached(runDir, startedAtEpochMs, outcome.readyAfterMs());
            if (known.isPresent()) {
                outcome = outcome.endedEarly(known.get());
                console.printf("[oomlab] %s: load ended, its answer known: %s%n", label, known.get());
                // SIGTERM: the generator prints what it measured, as when the service dies first
                running.getDockerClient().stopContainerCmd(running.getContainerId())
                        .withTimeout((int) STOP_GRACE.toSeconds()).exec();
                return !running.isRunning();
            }
        }
        return false;
    }

    /** What the container stage saw of the load; null when the service was gone before it could be tried. */
    public LoadOutcome outcome() {
        return outcome;
    }

    @Override
    public void close() {
        if (generator == null) {
            return;
        }
        stopGenerator(generator, generatorWatchdog, generatorLog, label);
    }

    /**
     * Stops and removes the generator and closes its log. The generator may have failed to start: then there is no
     * container to stop and no watchdog, and what made it fail (already thrown) must not be hidden behind a
     * NullPointerException here.
     */
    static void stopGenerator(LabContainer generator, Watchdog watchdog, LogFile log, String label) {
        boolean started = generator.getContainerId() != null;
        try {
            if (started && generator.isRunning()) { // the service died first: SIGTERM, and the generator prints
                generator.getDockerClient().stopContainerCmd(generator.getContainerId())
                        .withTimeout((int) STOP_GRACE.toSeconds()).exec();
            }
            if (started) {
                log.awaitEnd(label + " load");
            }
        } finally {
            try {
                generator.stop();
            } finally {
                if (watchdog != null) {
                    watchdog.close();
                }
                log.close();
            }
        }
    }

    private void startGenerator(String serviceId) {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", JavaCommand.WORKLOADS_JAR, GENERATOR_MAIN));
        command.addAll(load.generatorArgs("localhost"));
        generatorLog = new LogFile(runDir.resolve(oomlab.layout.RunFiles.LOAD_LOG));
        generator = new LabContainer(generatorImage).withOwner(owner).withHardening()
                .withCommand(command.toArray(String[]::new))
                .withMemoryCap(GENERATOR_CAP)
                .withNetworkMode("container:" + serviceId)
                .withLogConsumer(generatorLog);
        generator.start();
        generatorWatchdog = Watchdog.arm(generator.getContainerId(), timeout, label + " load");
    }

    private boolean waitForPort(LabContainer service, long pid) {
        try {
            await("port " + load.port() + " of " + label).atMost(Duration.ofSeconds(load.readyOrDefault()))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> !service.isRunning() || listening(service, pid));
            return service.isRunning();
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** A socket in LISTEN state on the port, in the service's namespace (IPv4 or IPv6). */
    private boolean listening(LabContainer service, long pid) {
        String port = String.format(":%04X", load.port());
        for (String table : List.of("net/tcp", "net/tcp6")) {
            Optional<String> text = read(service, pid, table);
            if (text.isPresent() && text.get().lines().skip(1).map(line -> line.trim().split("\\s+"))
                    .anyMatch(f -> f.length > 3 && f[1].endsWith(port) && f[3].equals(LISTEN))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A file of the service's /proc: from this host through its main process (the namespace's own view), else from
     * inside the container (where Docker runs elsewhere, e.g. in a VM).
     */
    private static Optional<String> read(LabContainer service, long pid, String procFile) {
        Path onHost = Path.of("/proc", Long.toString(pid), procFile);
        try {
            if (pid > 0 && Files.isReadable(onHost)) {
                return Optional.of(Files.readString(onHost));
            }
            var result = service.execInContainer("cat", "/proc/self/" + procFile);
            return result.getExitCode() == 0 ? Optional.of(result.getStdout()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The interface names of /proc/net/dev (two header lines, then "  lo: ..."). */
    static List<String> interfaces(String procNetDev) {
        return procNetDev.lines().skip(2).map(line -> line.split(":", 2)[0].trim()).filter(name -> !name.isEmpty())
                .toList();
    }
}

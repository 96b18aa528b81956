package oomlab.container;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One lab invocation (one harness JVM), as its containers carry it in their labels: an id, and the host
 * process that owns them (pid and start time, so a pid reused by another process does not pass for the
 * owner). The start-up sweep removes a labelled container only when its owner is gone, so two invocations
 * on one host never touch each other's runs.
 */
public record Invocation(String id, String host, long pid, long startedAtMs) {
    static final String ID_LABEL = "oomlab.invocation";
    static final String HOST_LABEL = "oomlab.owner-host";
    static final String PID_LABEL = "oomlab.owner-pid";
    static final String START_LABEL = "oomlab.owner-start-ms";
    /** Process start times read twice can differ by the clock's resolution. */
    private static final long START_TOLERANCE_MS = 1_000;
    /** Looked up once: the sweep asks for every labelled container, and the lookup may go to DNS. */
    private static final String HOST = hostName();

    /** This JVM. */
    public static Invocation current() {
        ProcessHandle self = ProcessHandle.current();
        return new Invocation(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()), HOST,
                self.pid(), startOf(self).orElse(0L));
    }

    public Map<String, String> labels() {
        return Map.of(ID_LABEL, id, HOST_LABEL, host, PID_LABEL, Long.toString(pid), START_LABEL,
                Long.toString(startedAtMs));
    }

    /**
     * Whether the invocation that labelled a container still runs. A container of another host's invocation
     * (a shared engine) cannot be told apart from a live one, so it counts as alive; one without owner labels
     * (an older lab) as gone.
     */
    public static boolean ownerAlive(Map<String, String> labels) {
        String pid = labels.get(PID_LABEL);
        if (pid == null) {
            return false;
        }
        if (!HOST.equals(labels.get(HOST_LABEL))) {
            return true;
        }
        long start = Long.parseLong(labels.getOrDefault(START_LABEL, "0"));
        return ProcessHandle.of(Long.parseLong(pid))
                .map(process -> startOf(process).map(at -> Math.abs(at - start) <= START_TOLERANCE_MS).orElse(true))
                .orElse(false);
    }

    private static Optional<Long> startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }
}

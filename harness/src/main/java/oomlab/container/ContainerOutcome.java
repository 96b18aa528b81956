package oomlab.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The facts Docker gave about one finished container, before any judgement.
 *
 * @param hostPid   the container's main process as the host sees it (0 if Docker never said)
 * @param timedOut  the harness killed it at the scenario's timeout
 * @param hardening how Docker confined it (null where it never started)
 * @param stoppedAfterLoad the service was still running when its load had been sent, and the lab stopped it
 * @param interrupted the harness was told to stop (SIGINT, SIGTERM) while the container ran, and killed it
 * @param engineLost  why the Docker engine stopped answering while the container ran (the lab then stopped the
 *                    container's process from the host); null while it answered
 */
public record ContainerOutcome(
        String containerId,
        long hostPid,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        long exitCode,
        boolean dockerOomKilled,
        boolean timedOut,
        Hardening hardening,
        boolean stoppedAfterLoad,
        boolean interrupted,
        String engineLost) {

    public ContainerOutcome(String containerId, long hostPid, Instant createdAt, Instant startedAt, Instant finishedAt,
                            long exitCode, boolean dockerOomKilled, boolean timedOut, Hardening hardening,
                            boolean stoppedAfterLoad) {
        this(containerId, hostPid, createdAt, startedAt, finishedAt, exitCode, dockerOomKilled, timedOut, hardening,
                stoppedAfterLoad, false, null);
    }

    public ContainerOutcome(String containerId, long hostPid, Instant createdAt, Instant startedAt, Instant finishedAt,
                            long exitCode, boolean dockerOomKilled, boolean timedOut, Hardening hardening) {
        this(containerId, hostPid, createdAt, startedAt, finishedAt, exitCode, dockerOomKilled, timedOut, hardening,
                false);
    }

    public ContainerOutcome(String containerId, long hostPid, Instant createdAt, Instant startedAt, Instant finishedAt,
                            long exitCode, boolean dockerOomKilled, boolean timedOut) {
        this(containerId, hostPid, createdAt, startedAt, finishedAt, exitCode, dockerOomKilled, timedOut, null);
    }

    /** From start to exit, -1 where Docker did not say (written to result.json, derived on reading). */
    @JsonProperty
    public long timeToExitMs() {
        return finishedAt == null || startedAt == null ? -1 : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}

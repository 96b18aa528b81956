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

    /** An outcome set part by part, by name: what the container stage and the tests build. */
    public static Builder builder(String containerId) {
        return new Builder(containerId);
    }

    /** This outcome's parts, to change some by name. */
    public Builder toBuilder() {
        Builder builder = new Builder(containerId);
        builder.hostPid = hostPid;
        builder.createdAt = createdAt;
        builder.startedAt = startedAt;
        builder.finishedAt = finishedAt;
        builder.exitCode = exitCode;
        builder.dockerOomKilled = dockerOomKilled;
        builder.timedOut = timedOut;
        builder.hardening = hardening;
        builder.stoppedAfterLoad = stoppedAfterLoad;
        builder.interrupted = interrupted;
        builder.engineLost = engineLost;
        return builder;
    }

    /** The parts of an outcome; unset, a run that exited by itself with code -1 (Docker did not say). */
    public static final class Builder {
        private final String containerId;
        private long hostPid;
        private Instant createdAt;
        private Instant startedAt;
        private Instant finishedAt;
        private long exitCode = -1;
        private boolean dockerOomKilled;
        private boolean timedOut;
        private Hardening hardening;
        private boolean stoppedAfterLoad;
        private boolean interrupted;
        private String engineLost;

        private Builder(String containerId) {
            this.containerId = containerId;
        }

        public Builder hostPid(long value) {
            hostPid = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder startedAt(Instant value) {
            startedAt = value;
            return this;
        }

        public Builder finishedAt(Instant value) {
            finishedAt = value;
            return this;
        }

        public Builder exitCode(long value) {
            exitCode = value;
            return this;
        }

        public Builder dockerOomKilled(boolean value) {
            dockerOomKilled = value;
            return this;
        }

        public Builder timedOut(boolean value) {
            timedOut = value;
            return this;
        }

        public Builder hardening(Hardening value) {
            hardening = value;
            return this;
        }

        public Builder stoppedAfterLoad(boolean value) {
            stoppedAfterLoad = value;
            return this;
        }

        public Builder interrupted(boolean value) {
            interrupted = value;
            return this;
        }

        /** Why the engine stopped answering mid-run; null while it answered. */
        public Builder engineLost(String value) {
            engineLost = value;
            return this;
        }

        public ContainerOutcome build() {
            return new ContainerOutcome(containerId, hostPid, createdAt, startedAt, finishedAt, exitCode,
                    dockerOomKilled, timedOut, hardening, stoppedAfterLoad, interrupted, engineLost);
        }
    }

    /** From start to exit, -1 where Docker did not say (written to result.json, derived on reading). */
    @JsonProperty
    public long timeToExitMs() {
        return finishedAt == null || startedAt == null ? -1 : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}

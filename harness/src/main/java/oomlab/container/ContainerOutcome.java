package oomlab.container;

import java.time.Instant;

/** The facts Docker and the host sampler gave about one finished container, before any judgement. */
public record ContainerOutcome(
        String containerId,
        long hostPid,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        long exitCode,
        boolean dockerOomKilled,
        boolean timedOut,
        String sampler,
        long samplerRecordedPeakBytes) {

    public long timeToExitMs() {
        return finishedAt == null || startedAt == null ? -1 : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}

package oomlab.output;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * What a workload says it did, through its own channel ({@link WorkloadEvents}): its closing {@code work}
 * event, or for a run killed before the end its last {@code progress} event ({@code complete} false).
 *
 * @param cpuMs the JVM's own process CPU time when the line was printed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
// The derived values after the components, always: the JVM lists methods in no fixed order, and the golden
// file holds result.json's bytes still.
@JsonPropertyOrder({"workload", "ops", "unit", "elapsedMs", "cpuMs", "complete", "opsPerSecond", "cpuSecondsPerUnit"})
public record WorkReport(String workload, long ops, String unit, long elapsedMs, long cpuMs, boolean complete) {

    /** Units of work per second of the workload's own clock (written to result.json, derived on reading). */
    @JsonProperty
    public double opsPerSecond() {
        return elapsedMs == 0 ? 0 : ops * 1000.0 / elapsedMs;
    }

    /** CPU seconds per unit of work, or null when no work was done. */
    @JsonProperty
    public Double cpuSecondsPerUnit() {
        return ops == 0 ? null : cpuMs / 1000.0 / ops;
    }

    /**
     * The closing work event; for a run killed before the end its last progress event ({@code complete} false).
     */
    static Optional<WorkReport> fromEvents(WorkloadEvents events) {
        List<com.fasterxml.jackson.databind.JsonNode> done = events.ofKind("work");
        if (!done.isEmpty()) {
            return Optional.of(read(done.get(0), true));
        }
        List<com.fasterxml.jackson.databind.JsonNode> progress = events.ofKind("progress");
        return progress.isEmpty() ? Optional.empty() : Optional.of(read(progress.get(progress.size() - 1), false));
    }

    private static WorkReport read(com.fasterxml.jackson.databind.JsonNode event, boolean complete) {
        WorkReport read = WorkloadEvents.as(event, WorkReport.class);
        return new WorkReport(read.workload, read.ops, read.unit, read.elapsedMs, read.cpuMs, complete);
    }
}

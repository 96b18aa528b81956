package oomlab.output;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What a workload says it did: its closing {@code oomlab-work {...}} line, or for a run killed before the
 * end its last {@code oomlab-progress {...}} line ({@code complete} false).
 *
 * @param cpuMs the JVM's own process CPU time when the line was printed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
// The derived values after the components, always: the JVM lists methods in no fixed order, and the golden
// file holds result.json's bytes still.
@JsonPropertyOrder({"workload", "ops", "unit", "elapsedMs", "cpuMs", "complete", "opsPerSecond", "cpuSecondsPerUnit"})
public record WorkReport(String workload, long ops, String unit, long elapsedMs, long cpuMs, boolean complete) {
    private static final String DONE = "oomlab-work ";
    private static final String PROGRESS = "oomlab-progress ";
    private static final ObjectMapper JSON = new ObjectMapper();

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
     * The last report in the output. A marker may stand anywhere in its line: the JVM's own output (the
     * compilation log) is written to the same stream by other threads and can put a few characters before it.
     */
    public static Optional<WorkReport> fromOutput(String containerLog) {
        WorkReport last = null;
        for (String line : containerLog.lines().toList()) {
            if (last != null && last.complete) {
                break; // the progress thread may print once more while the JVM exits: the closing line stands
            }
            int done = line.indexOf(DONE);
            int progress = line.indexOf(PROGRESS);
            int at = done >= 0 ? done + DONE.length() : progress >= 0 ? progress + PROGRESS.length() : -1;
            int end = at < 0 ? -1 : line.indexOf('}', at);
            if (end < 0) {
                continue;
            }
            try {
                WorkReport read = JSON.readValue(line.substring(at, end + 1), WorkReport.class);
                last = new WorkReport(read.workload, read.ops, read.unit, read.elapsedMs, read.cpuMs, done >= 0);
            } catch (Exception e) {
                // a line cut short by the kill, or broken by another thread's output: the previous one stands
            }
        }
        return Optional.ofNullable(last);
    }
}

package oomlab.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lab's own workloads reported through their channel ({@code workload.jsonl}: one JSON object per line,
 * {@code {"event":"work"|"progress"|"window"|"phase", ...}}), read once. A line the kill cut short is skipped; the
 * earlier ones stand. A program of the user's writes nothing here, and what it prints is never read.
 */
public final class WorkloadEvents {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final List<JsonNode> events;

    private WorkloadEvents(List<JsonNode> events) {
        this.events = List.copyOf(events);
    }

    public static WorkloadEvents of(List<String> lines) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode event = JSON.readTree(line);
                if (event != null && event.hasNonNull("event")) {
                    events.add(event);
                }
            } catch (Exception e) {
                // the last line, cut short by the kill
            }
        }
        return new WorkloadEvents(events);
    }

    /** The events of one kind, in the order they were written. */
    List<JsonNode> ofKind(String kind) {
        return events.stream().filter(event -> kind.equals(event.get("event").asText())).toList();
    }

    public java.util.Optional<WorkReport> work() {
        return WorkReport.fromEvents(this);
    }

    /** The service workload's windows; null for every other program. */
    public ServiceReport service() {
        return ServiceReport.fromEvents(this);
    }

    static <T> T as(JsonNode event, Class<T> type) {
        return JSON.convertValue(event, type);
    }
}

package oomlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What a workload says it did, from its closing {@code oomlab-work {...}} line. A run killed before the end
 * has none: the absence is part of the result.
 */
public record WorkReport(String workload, long ops, String unit, long elapsedMs) {
    private static final String MARKER = "oomlab-work ";
    private static final ObjectMapper JSON = new ObjectMapper();

    public double opsPerSecond() {
        return elapsedMs == 0 ? 0 : ops * 1000.0 / elapsedMs;
    }

    public static Optional<WorkReport> fromOutput(String containerLog) {
        return containerLog.lines().filter(line -> line.startsWith(MARKER)).reduce((a, b) -> b).map(line -> {
            try {
                return JSON.readValue(line.substring(MARKER.length()), WorkReport.class);
            } catch (Exception e) {
                return null;
            }
        });
    }
}

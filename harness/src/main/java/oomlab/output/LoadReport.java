package oomlab.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the load generator measured, from the {@code oomlab-load-summary {...}} line it prints at its end (also
 * when it was stopped because the service died). Latencies count from when each request was due.
 *
 * @param completed     it sent its whole stream (false: stopped early, the numbers are up to then)
 * @param achievedRate  answered requests per second over the counted window
 * @param errorKinds    failed requests by kind (e.g. ConnectException, HttpTimeoutException, http 503)
 * @param firstError    the first failure's message, warm-up included; null when none failed
 * @param plannedSeconds how long the counted window was to last (the load's durationSeconds): a run that ended with
 *                      its load will have ended a moment later anyway; absent from generators that did not say
 */
public record LoadReport(String protocol, double targetRate, double measuredSeconds, boolean completed, long sent,
                         long ok, long errors, double achievedRate, double p50Ms, double p90Ms, double p99Ms,
                         double maxMs, Map<String, Long> errorKinds, String firstError,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Long plannedSeconds) {
    static final String SUMMARY_PREFIX = "oomlab-load-summary ";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public LoadReport {
        errorKinds = errorKinds == null ? Map.of() : Map.copyOf(errorKinds);
    }

    /**
     * How many seconds of the planned load were left when it stopped early (the service gone); empty where the load
     * completed or its plan is unknown.
     */
    public java.util.OptionalDouble secondsLeft() {
        return completed || plannedSeconds == null ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(Math.max(0, plannedSeconds - measuredSeconds));
    }

    /** The last summary line of the generator's log; empty when it printed none (it never started, or was killed). */
    public static Optional<LoadReport> fromLines(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            int at = line.indexOf(SUMMARY_PREFIX);
            if (at >= 0) {
                try {
                    return Optional.of(JSON.readValue(line.substring(at + SUMMARY_PREFIX.length()), LoadReport.class));
                } catch (java.io.IOException e) {
                    return Optional.empty(); // cut short mid-line
                }
            }
        }
        return Optional.empty();
    }
}

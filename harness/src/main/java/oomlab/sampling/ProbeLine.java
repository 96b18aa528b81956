package oomlab.sampling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One line of probe.jsonl, as the in-process probe wrote it (see oomlab.probe.Probe in the workloads).
 * {@code heapAfterGcBytes}: the heap in use after the last collection; null before the first (and from probes
 * older than the field).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProbeLine(
        long seq,
        @JsonProperty("t_ms") long tMs,
        @JsonProperty("epoch_ms") long epochMs,
        @JsonProperty("rss_bytes") long rssBytes,
        long threads,
        @JsonProperty("direct_bytes") long directBytes,
        @JsonProperty("code_cache_bytes") long codeCacheBytes,
        @JsonProperty("cpu_ns") long cpuNanos,
        String jdk,
        String malloc,
        Map<String, Long> nmt,
        @JsonProperty("heap_after_gc_bytes") Long heapAfterGcBytes) {

    public ProbeLine {
        nmt = nmt == null ? Map.of() : nmt;
    }
}

package oomlab.sampling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** One line of probe.jsonl, as the in-process probe wrote it (see oomlab.probe.Probe in the workloads). */
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
        Map<String, Long> nmt) {

    public ProbeLine {
        nmt = nmt == null ? Map.of() : nmt;
    }
}

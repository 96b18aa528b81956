package oomlab.sampling;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One host-side reading of the container's memory cgroup. Columns of rss.csv, in this order.
 *
 * @param tMs          milliseconds since the container started
 * @param cgroupBytes  what the kernel charges against the cap (v1 usage_in_bytes, v2 memory.current)
 * @param rssBytes     anonymous memory (v1 rss, v2 anon)
 * @param cacheBytes   page cache (v1 cache, v2 file): counted in cgroupBytes, reclaimable
 * @param cpuNanos     CPU time used by the container so far
 * @param oomKills     the cgroup's kernel oom_kill counter; -1 where the source has none
 * @param refaultFile  file pages the kernel read again after reclaiming them (memory.stat workingset_refault_file,
 *                     v1 total_workingset_refault_file): a cgroup pinned at its cap re-reading its own files is
 *                     thrashing; -1 where the source has none
 * @param majorFaults  page faults that needed a read from disk (memory.stat pgmajfault, v1 total_pgmajfault); -1
 *                     where the source has none
 */
@JsonPropertyOrder({"t_ms", "epoch_ms", "cgroup_bytes", "rss_bytes", "cache_bytes", "cpu_ns", "oom_kills",
        "refault_file", "major_faults"})
public record Sample(
        @JsonProperty("t_ms") long tMs,
        @JsonProperty("epoch_ms") long epochMs,
        @JsonProperty("cgroup_bytes") long cgroupBytes,
        @JsonProperty("rss_bytes") long rssBytes,
        @JsonProperty("cache_bytes") long cacheBytes,
        @JsonProperty("cpu_ns") long cpuNanos,
        @JsonProperty("oom_kills") long oomKills,
        @JsonProperty("refault_file") long refaultFile,
        @JsonProperty("major_faults") long majorFaults) {

    /** A sample from a source that counts no refaults (Docker's stats API, a test). */
    public Sample(long tMs, long epochMs, long cgroupBytes, long rssBytes, long cacheBytes, long cpuNanos,
                  long oomKills) {
        this(tMs, epochMs, cgroupBytes, rssBytes, cacheBytes, cpuNanos, oomKills, -1, -1);
    }
}

package oomlab.sampling;

/**
 * What the host-side sampler saw of one container's memory cgroup (the curve itself is rss.csv).
 *
 * @param sampler                 where the samples came from: "cgroup-v1", "cgroup-v2" or "docker-stats"
 * @param createdToFirstSampleMs  from the container's creation to the first sample: how much of the start
 *                                the curve misses
 * @param peakBytes               the highest usage charged against the cap, sampled or recorded by the kernel
 * @param peakOfCap               peakBytes as a fraction of the cap
 * @param cpuSeconds              CPU the container used, from its cgroup (or the probe where the cgroup has
 *                                none); -1 when neither said
 * @param samplerCpuMs            CPU the harness's own sampler thread used for this run (its cost); -1 where
 *                                unknown
 * @param atCap                   the time pinned at the cap and the thrash meanwhile; null where the sampler
 *                                counts no refaults (Docker's stats API)
 * @param startedToFirstSampleMs  from the moment Docker says the container started to the first sample: negative
 *                                when the sampler was reading the cgroup already (it starts when the cgroup
 *                                appears, before Docker records the start); null in results before it was measured
 * @param cpuCounterLost          where the cgroup sampler read the container's CPU counter in none of its samples:
 *                                what the CPU figure is then (the JVM's own count, or none); absent (not written)
 *                                when the counter was read, as it should be
 */
public record MemoryCurve(String sampler, long samples, double samplerHz, long createdToFirstSampleMs,
                          long peakBytes, double peakOfCap, double cpuSeconds, long samplerCpuMs, AtCap atCap,
                          Long startedToFirstSampleMs,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String cpuCounterLost) {
    /** A curve by name, from its sampler: {@code MemoryCurve.builder("cgroup-v1").peak(bytes, 0.5).build()}. */
    public static Builder builder(String sampler) {
        return new Builder(sampler);
    }

    public Builder toBuilder() {
        return new Builder(sampler).samples(samples, samplerHz).createdToFirstSampleMs(createdToFirstSampleMs)
                .peak(peakBytes, peakOfCap).cpuSeconds(cpuSeconds).samplerCpuMs(samplerCpuMs).atCap(atCap)
                .startedToFirstSampleMs(startedToFirstSampleMs).cpuCounterLost(cpuCounterLost);
    }

    public static final class Builder {
        private final String sampler;
        private long samples;
        private double samplerHz;
        private long createdToFirstSampleMs;
        private long peakBytes;
        private double peakOfCap;
        private double cpuSeconds = -1;
        private long samplerCpuMs = -1;
        private AtCap atCap;
        private Long startedToFirstSampleMs;
        private String cpuCounterLost;

        private Builder(String sampler) {
            this.sampler = sampler;
        }

        public Builder samples(long count, double hz) {
            this.samples = count;
            this.samplerHz = hz;
            return this;
        }

        public Builder createdToFirstSampleMs(long ms) {
            this.createdToFirstSampleMs = ms;
            return this;
        }

        public Builder peak(long bytes, double ofCap) {
            this.peakBytes = bytes;
            this.peakOfCap = ofCap;
            return this;
        }

        public Builder cpuSeconds(double seconds) {
            this.cpuSeconds = seconds;
            return this;
        }

        public Builder samplerCpuMs(long ms) {
            this.samplerCpuMs = ms;
            return this;
        }

        public Builder atCap(AtCap thrash) {
            this.atCap = thrash;
            return this;
        }

        public Builder startedToFirstSampleMs(Long ms) {
            this.startedToFirstSampleMs = ms;
            return this;
        }

        public Builder cpuCounterLost(String why) {
            this.cpuCounterLost = why;
            return this;
        }

        public MemoryCurve build() {
            return new MemoryCurve(sampler, samples, samplerHz, createdToFirstSampleMs, peakBytes, peakOfCap,
                    cpuSeconds, samplerCpuMs, atCap, startedToFirstSampleMs, cpuCounterLost);
        }
    }

    /**
     * The thrash at the cap: how long the container was pinned there (99% or more of the cap, every stretch
     * together) and how much of its own files the kernel read again meanwhile — the symptom of a pod that hangs at
     * its limit before it dies (cgroup v1 reclaims file pages it can re-read instead of killing).
     *
     * @param pinnedSeconds          time at the cap
     * @param refaultedFileBytes     file pages re-read while at the cap (workingset_refault_file × 4 KB)
     * @param majorFaults            major page faults while at the cap
     * @param refaultedFileBytesInRun file pages re-read over the whole run
     * @param majorFaultsInRun       major page faults over the whole run
     */
    public record AtCap(double pinnedSeconds, long refaultedFileBytes, long majorFaults, long refaultedFileBytesInRun,
                        long majorFaultsInRun) {
    }
}

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
 */
public record MemoryCurve(String sampler, long samples, double samplerHz, long createdToFirstSampleMs,
                          long peakBytes, double peakOfCap, double cpuSeconds, long samplerCpuMs) {
    public MemoryCurve(String sampler, long samples, double samplerHz, long createdToFirstSampleMs, long peakBytes,
                       double peakOfCap, double cpuSeconds) {
        this(sampler, samples, samplerHz, createdToFirstSampleMs, peakBytes, peakOfCap, cpuSeconds, -1);
    }
}

package oomlab.container;

import java.util.List;

/**
 * What the container stage knows of one run besides the files in its folder, written there as raw-run.json when
 * the container is gone: with launch.json and those files, everything the analysis needs, without Docker.
 *
 * @param outcome           what Docker said about the container's life
 * @param sampler           where the memory samples came from (cgroup-v1, cgroup-v2, docker-stats, none)
 * @param samplerCpuMs      CPU the host sampler's own thread used (-1 where unknown)
 * @param recordedPeakBytes the kernel's own high-water mark of the cgroup, where it keeps one (else 0)
 * @param enclosingOomKills OOM kills the enclosing cgroup counted during the run (cgroup v2: the container's own
 *                          cgroup may vanish before a sample sees its count)
 * @param kernelLog         the kernel's lines of OOM kills in the container's memory cgroup
 * @param load              how the load companion reached the service; null without a load
 */
public record RawRun(ContainerOutcome outcome, String sampler, long samplerCpuMs, long recordedPeakBytes,
                     long enclosingOomKills, List<String> kernelLog, LoadOutcome load, RunPhases phases) {
    public RawRun {
        kernelLog = kernelLog == null ? List.of() : List.copyOf(kernelLog);
    }
}

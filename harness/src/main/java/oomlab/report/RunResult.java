package oomlab.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import oomlab.verdict.Verdict;

/**
 * Everything one run produced, as written to result.json. Other tools and CI parse these names: rename
 * nothing, add freely.
 *
 * @param expectedVerdict null where the scenario only reports this run (REPORT)
 * @param unexplainedBytes the probe's VmRSS minus NMT's committed total, at the probe's RSS peak: memory
 *                         the JVM does not account for (native libraries, malloc retention). Negative when
 *                         NMT counts memory committed but not yet touched (e.g. a heap without AlwaysPreTouch)
 * @param jvmErrors  what the JVM (or the dynamic loader) printed when it rejected something
 * @param malloc     the malloc the JVM really ran on ("glibc" or "jemalloc"), as the probe saw its mappings
 * @param cpuSecondsPerUnit CPU seconds per unit of the workload's own work (see {@code work.unit}), from
 *                          its closing line, or for a killed run from its last progress line (work.complete
 *                          false: the cost up to the kill); null when the workload reported nothing
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunResult(
        String scenario,
        String config,
        String jdk,
        int jdkMajor,
        Verdict verdict,
        Verdict expectedVerdict,
        boolean asExpected,
        long exitCode,
        boolean oomKilled,
        int kernelOomKills,
        List<String> kernelLog,
        boolean javaOutOfMemoryError,
        long capBytes,
        long heapBytes,
        long peakBytes,
        double peakOfCap,
        long timeToExitMs,
        long createdToFirstSampleMs,
        long samples,
        double samplerHz,
        String sampler,
        double cpuSeconds,
        WorkReport work,
        Double cpuSecondsPerUnit,
        Map<String, Long> compiledMethods,
        List<String> jitEvidence,
        List<String> jvmErrors,
        String malloc,
        String image,
        List<String> jvmFlags,
        Map<String, String> env,
        List<String> workloadArgs,
        List<String> command,
        String containerId,
        Instant startedAt,
        Instant finishedAt,
        int probeSamples,
        Map<String, Long> nmtFirst,
        Map<String, Long> nmtLast,
        Map<String, Long> nmtPeak,
        Map<String, Long> nmtGrowthBytes,
        String dominantNmtGrowth,
        long unexplainedBytes,
        long unexplainedGrowthBytes) {
}

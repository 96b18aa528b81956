package oomlab.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import oomlab.verdict.Verdict;

/**
 * Everything one run produced, as written to result.json. Other tools and CI parse these names: rename
 * nothing, add freely.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunResult(
        String scenario,
        String config,
        String jdk,
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
        Map<String, Long> nmtGrowthBytes,
        String dominantNmtGrowth) {
}

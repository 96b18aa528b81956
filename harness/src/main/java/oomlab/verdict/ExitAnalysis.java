package oomlab.verdict;

import java.util.List;

/**
 * How the run ended, and why the lab says so.
 *
 * @param evidence   the witnesses the verdict was decided from
 * @param kernelLog  the kernel's "Killed process" lines for the container's process
 * @param jvmErrors  what the JVM (or the dynamic loader) printed when it rejected part of the configuration
 */
public record ExitAnalysis(Verdict verdict, ExitEvidence evidence, List<String> kernelLog, List<String> jvmErrors) {
    public ExitAnalysis {
        kernelLog = List.copyOf(kernelLog);
        jvmErrors = List.copyOf(jvmErrors);
    }

    public static ExitAnalysis of(ExitEvidence evidence, List<String> kernelLog, List<String> jvmErrors) {
        return new ExitAnalysis(VerdictRules.decide(evidence), evidence, kernelLog, jvmErrors);
    }
}

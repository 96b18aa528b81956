package oomlab.verdict;

import java.util.List;

/**
 * How the run ended, and why the lab says so.
 *
 * @param evidence   the witnesses the verdict was decided from
 * @param kernelLog  the kernel's "Killed process" lines for the container's process
 * @param jvmErrors  what the JVM's launcher (or the dynamic loader) said when it rejected part of the
 *                   configuration: shown, never deciding
 * @param outOfMemoryErrors the OutOfMemoryErrors the lab's witnesses saw (the JVM's own report, or one that ended
 *                   a thread): the evidence behind JAVA_OOM, or, in a run that SURVIVED, one the program caught
 * @param crashReport the JVM's crash report (hs_err, kept in the run's folder), or null where it wrote none
 */
public record ExitAnalysis(Verdict verdict, ExitEvidence evidence, List<String> kernelLog, List<String> jvmErrors,
                           List<oomlab.output.JvmLogs.OutOfMemory> outOfMemoryErrors, String crashReport) {
    public ExitAnalysis {
        kernelLog = List.copyOf(kernelLog);
        jvmErrors = List.copyOf(jvmErrors);
        outOfMemoryErrors = outOfMemoryErrors == null ? List.of() : List.copyOf(outOfMemoryErrors);
    }

    public static ExitAnalysis of(ExitEvidence evidence, List<String> kernelLog, List<String> jvmErrors) {
        return of(evidence, kernelLog, jvmErrors, List.of(), null);
    }

    public static ExitAnalysis of(ExitEvidence evidence, List<String> kernelLog, List<String> jvmErrors,
                                  List<oomlab.output.JvmLogs.OutOfMemory> outOfMemoryErrors, String crashReport) {
        return new ExitAnalysis(VerdictRules.decide(evidence), evidence, kernelLog, jvmErrors, outOfMemoryErrors,
                crashReport);
    }

    /** The run ended well although an OutOfMemoryError was thrown in it: the program caught it, or a thread died. */
    public boolean survivedAnOutOfMemoryError() {
        return verdict == Verdict.SURVIVED && !outOfMemoryErrors.isEmpty();
    }
}

package oomlab.output;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the JVM (and the dynamic loader before it) printed in one run, read once: whether it threw
 * OutOfMemoryError, which parts of the configuration it rejected, the workload's work report, and the
 * JIT compilers' own account. Like OpenJDK's OutputAnalyzer, everything the lab reads from a container's
 * output is read here.
 */
public final class JvmOutput {
    private static final Pattern REJECTION = Pattern.compile(
            "Unrecognized VM option|Improperly specified VM option|Could not create the Java Virtual Machine"
                    + "|^Error: |Error occurred during initialization of VM|cannot be preloaded"
                    + "|JVMCI compiler .*not found|Unrecognized option|must be enabled via");
    private static final String PRELOAD_FAILED = "cannot be preloaded";
    private static final String JAVA_OOM = "java.lang.OutOfMemoryError";
    private static final int MAX_ERROR_LINES = 20;

    private final String text;

    public JvmOutput(String text) {
        this.text = text == null ? "" : text;
    }

    public boolean javaOutOfMemoryError() {
        return text.contains(JAVA_OOM);
    }

    /** The lines in which the JVM or the loader says it rejected part of the configuration. */
    public List<String> jvmErrors() {
        return text.lines().filter(line -> REJECTION.matcher(line).find()).map(String::strip)
                .limit(MAX_ERROR_LINES).toList();
    }

    /**
     * A library named in LD_PRELOAD could not be loaded: the JVM still runs, but not as the configuration
     * said, so whatever it does next must not pass as that configuration's result.
     */
    public boolean configurationNotApplied() {
        return text.contains(PRELOAD_FAILED);
    }

    public Optional<WorkReport> work() {
        return WorkReport.fromOutput(text);
    }

    /** The service workload's windows; null for every other program. */
    public ServiceReport service() {
        return ServiceReport.fromOutput(text);
    }

    public JitEvidence jit() {
        return JitEvidence.fromOutput(text);
    }
}

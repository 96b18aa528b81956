package oomlab.verdict;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines in which the JVM, or the dynamic loader before it, says it rejected part of a configuration.
 * A rejected JVM flag ends the run (exit 1, CRASHED) with the JVM's own words in result.json; a library
 * that LD_PRELOAD could not load does not stop the JVM, so it must not pass as a result.
 */
public final class JvmErrors {
    private static final Pattern REJECTION = Pattern.compile(
            "Unrecognized VM option|Improperly specified VM option|Could not create the Java Virtual Machine"
                    + "|^Error: |Error occurred during initialization of VM|cannot be preloaded"
                    + "|JVMCI compiler .*not found|Unrecognized option|must be enabled via");
    private static final String PRELOAD_FAILED = "cannot be preloaded";

    private JvmErrors() {
    }

    public static List<String> in(String containerLog) {
        return containerLog.lines().filter(line -> REJECTION.matcher(line).find()).map(String::strip).limit(20).toList();
    }

    public static boolean configurationNotApplied(List<String> errors) {
        return errors.stream().anyMatch(line -> line.contains(PRELOAD_FAILED));
    }
}

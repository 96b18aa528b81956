package oomlab.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Something the JIT said that changes how the run must be read, turned from a line in the output into a
 * finding: a JVM whose compiler was disabled goes on running slower, and nothing else would tell.
 *
 * @param kind      what happened (one of the constants below)
 * @param count     how many lines said it
 * @param firstLine the first such line, as printed
 */
public record JitFinding(String kind, long count, String firstLine) {
    /** "CodeCache is full. Compiler has been disabled.": from here on everything new runs interpreted. */
    public static final String COMPILER_DISABLED = "compiler disabled (code cache full)";
    /** A compilation was not made because the code cache had no room ("COMPILE SKIPPED: code cache is full"). */
    public static final String SKIPPED_CODE_CACHE_FULL = "compilation skipped (code cache full)";
    /** JDK 22+'s per-compilation memory limit was reached ("Hit MemLimit"). */
    public static final String MEMLIMIT_HIT = "compilation over MemLimit";

    private record Pattern(String kind, String text) {
    }

    private static final List<Pattern> PATTERNS = List.of(
            new Pattern(COMPILER_DISABLED, "CodeCache is full. Compiler has been disabled"),
            new Pattern(SKIPPED_CODE_CACHE_FULL, "COMPILE SKIPPED: code cache is full"),
            new Pattern(MEMLIMIT_HIT, "Hit MemLimit"));

    /** The findings in the output, in the order above; a kind the output does not mention is left out. */
    static List<JitFinding> fromOutput(List<String> lines) {
        List<JitFinding> findings = new ArrayList<>();
        for (Pattern pattern : PATTERNS) {
            long count = 0;
            String first = null;
            for (String line : lines) {
                // lines, not events: the JVM prints the code cache warning twice (unified logging, VM warning)
                if (line.contains(pattern.text())) {
                    count++;
                    if (first == null) {
                        first = line.strip();
                    }
                }
            }
            if (count > 0) {
                findings.add(new JitFinding(pattern.kind(), count, first));
            }
        }
        return findings;
    }
}

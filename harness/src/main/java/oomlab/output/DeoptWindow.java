package oomlab.output;

import java.util.Optional;

/**
 * Compiled code made not entrant just before and just after the moment a workload changed what its hot code
 * sees (its {@code oomlab-phase {"name":...,"uptimeMs":...}} line, on the JVM's own clock): the trace of a
 * deoptimisation storm, e.g. call sites turning megamorphic.
 *
 * @param phase                 the workload's name for the moment
 * @param atMs                  when, in milliseconds since the JVM started
 * @param windowSeconds         how long each side of the moment is counted
 * @param madeNotEntrantBefore  compiled methods made not entrant in the window before
 * @param madeNotEntrantAfter   and in the window after
 */
public record DeoptWindow(String phase, long atMs, int windowSeconds, long madeNotEntrantBefore,
                          long madeNotEntrantAfter) {
    static final int WINDOW_SECONDS = 3;
    private static final String MARKER = "oomlab-phase ";
    private static final java.util.regex.Pattern MARK =
            java.util.regex.Pattern.compile("\"name\":\"([^\"]+)\",\"uptimeMs\":(\\d+)");

    /** The first phase line of the output, counted against the compilation log; empty without one. */
    static Optional<DeoptWindow> of(java.util.List<String> lines, Compilations compilations) {
        for (String line : lines) {
            int at = line.indexOf(MARKER);
            if (at < 0) {
                continue;
            }
            java.util.regex.Matcher m = MARK.matcher(line.substring(at));
            if (m.find()) {
                long atMs = Long.parseLong(m.group(2));
                int second = (int) (atMs / 1000);
                return Optional.of(new DeoptWindow(m.group(1), atMs, WINDOW_SECONDS,
                        compilations.madeNotEntrantBetween(second - WINDOW_SECONDS, second),
                        compilations.madeNotEntrantBetween(second, second + WINDOW_SECONDS)));
            }
        }
        return Optional.empty();
    }
}

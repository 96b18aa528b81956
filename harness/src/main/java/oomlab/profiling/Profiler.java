package oomlab.profiling;

import java.util.Arrays;
import java.util.Locale;

/**
 * Who allocated native memory in a run, by which tool. Profiling costs time and memory of its own, so it is
 * chosen per scenario ({@code profiler:} in scenarios.yaml) or for a whole invocation
 * ({@code -Doomlab.profiler=}), never on by default.
 */
public enum Profiler {
    /** No allocation profile. */
    NONE,
    /**
     * async-profiler's native-memory mode as an {@code -agentpath}: every malloc's stack (sampled every
     * {@link #NATIVEMEM_INTERVAL}), dumped each second so a killed run keeps what it had.
     */
    NATIVEMEM,
    /**
     * The incident's own tool: jemalloc preloaded with heap profiling on, its dumps read by jeprof against the
     * image's own JVM.
     */
    JEMALLOC;

    /** async-profiler samples one allocation per this many bytes: enough resolution, little overhead. */
    public static final String NATIVEMEM_INTERVAL = "256k";

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Profiler parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a profiler; one of "
                    + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

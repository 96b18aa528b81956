package oomlab.output;

import java.util.Optional;

/**
 * Compiled code made not entrant just before and just after the moment a workload changed what its hot code
 * sees (its {@code phase} event {@code {"name":...,"uptimeMs":...}}, on the JVM's own clock): the trace of a
 * deoptimisation storm, e.g. call sites turning megamorphic.
 *
 * @param phase                 the workload's name for the moment
 * @param atMs                  when, in milliseconds since the JVM started
 * @param windowSeconds         how long each side of the moment is counted
 * @param madeNotEntrantBefore  compiled methods made not entrant in the window before
 * @param madeNotEntrantAfter   and in the window after
 * @param optimizedMadeNotEntrantBefore tier-4 code made not entrant in the window before: optimised code thrown
 *                              away, the deoptimisation itself (tier 1-3 code is made not entrant at every tier-up,
 *                              which during a warm-up is hundreds a second, storm or not)
 * @param optimizedMadeNotEntrantAfter  and in the window after
 * @param atSwitch              what the JIT had compiled when the workload switched, by the JVM's compiled-code
 *                              list read inside the workload; null for a workload that does not say
 */
public record DeoptWindow(String phase, long atMs, int windowSeconds, long madeNotEntrantBefore,
                          long madeNotEntrantAfter, long optimizedMadeNotEntrantBefore,
                          long optimizedMadeNotEntrantAfter, AtSwitch atSwitch) {
    static final int WINDOW_SECONDS = 3;

    /**
     * The workload's warm-up, which lasts until the JIT has compiled what the switch will throw away (not a fixed
     * time, which would measure the machine's speed).
     *
     * @param optimised how many of its methods had optimised (tier-4) code in use at the switch
     * @param of        how many it drives
     * @param warmupMs  how long it warmed up
     * @param because   why the warm-up ended: every method optimised, the JIT quiet, or its time bound
     */
    public record AtSwitch(int optimised, int of, long warmupMs, String because) {
        static AtSwitch of(com.fasterxml.jackson.databind.JsonNode phase) {
            return phase.has("optimised") ? new AtSwitch(phase.path("optimised").asInt(), phase.path("of").asInt(),
                    phase.path("warmupMs").asLong(), phase.path("because").asText()) : null;
        }
    }

    /** The workload's first phase event, counted against the compilation log; empty without one. */
    static Optional<DeoptWindow> of(WorkloadEvents events, Compilations compilations) {
        return events.ofKind("phase").stream().findFirst().map(phase -> {
            long atMs = phase.path("uptimeMs").asLong();
            int second = (int) (atMs / 1000);
            return new DeoptWindow(phase.path("name").asText(), atMs, WINDOW_SECONDS,
                    compilations.madeNotEntrantBetween(second - WINDOW_SECONDS, second),
                    compilations.madeNotEntrantBetween(second, second + WINDOW_SECONDS),
                    compilations.optimizedMadeNotEntrantBetween(second - WINDOW_SECONDS, second),
                    compilations.optimizedMadeNotEntrantBetween(second, second + WINDOW_SECONDS),
                    AtSwitch.of(phase));
        });
    }
}

package oomlab.launch;

import java.util.List;
import oomlab.profiling.Profiler;
import oomlab.result.RunIdentity;
import oomlab.scenario.Checks;
import oomlab.scenario.Expectation;

/**
 * What one run started and what it was to do, decided before any container: the launch stage's record, written
 * to the run's folder as launch.json before the container starts, so that a recorded run can be analysed again
 * (replayed) from its folder alone.
 *
 * @param identity    which run, and exactly what was started (its {@code jdkVersion} is the major here: the JVM
 *                    says the full version only once it runs)
 * @param expectation the verdict(s) the scenario expects of this configuration
 * @param checks      the scenario's checks for this configuration
 * @param reportsWork the program is one of the lab's workloads, which report their work
 * @param ownImage    the program runs in its own image (flags through JAVA_TOOL_OPTIONS, no hardening of ours)
 * @param profiler    the native-allocation profiler the run carries
 * @param ldPreload   the malloc the configuration preloads (LD_PRELOAD), or null: the probe must see it mapped
 */
public record Launch(RunIdentity identity, Expectation expectation, List<Checks> checks, boolean reportsWork,
                     boolean ownImage, Profiler profiler, String ldPreload) {
    public Launch {
        checks = List.copyOf(checks);
    }

    public String displayName() {
        return identity.displayName();
    }
}

package oomlab.cure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import oomlab.scenario.RunConfig;

/**
 * One candidate cure for a killed run, derived from that run's own diagnosis: JVM flags and environment added to
 * the original configuration's (after them, so they win), or another pod size. Measured as a real run of the same
 * scenario, workload, load and cap; only what is written here differs.
 *
 * @param name        the configuration name its runs get ({@code cure-c1}, {@code cure-exclude-inflight})
 * @param title       what it is, in a few words
 * @param jvmFlags    flags added after the original configuration's
 * @param env         environment added to the original configuration's
 * @param memoryBytes the pod's memory for this cure, or 0 for the original's cap
 * @param evidence    what in the original run this cure was derived from
 */
public record Cure(String name, String title, Kind kind, List<String> jvmFlags, Map<String, String> env,
                   long memoryBytes, String evidence) {
    /** Every cure run's configuration name starts so: runs the scenario file does not list, on purpose. */
    public static final String PREFIX = "cure-";

    /** What the cure acts on, as the diagnosis named it. */
    public enum Kind { COMPILER, THREAD_STACKS, DIRECT_BUFFERS, MALLOC, HEAP, POD }

    public Cure {
        jvmFlags = List.copyOf(jvmFlags);
        env = Map.copyOf(env);
        if (!name.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a cure's name starts with " + PREFIX + ": " + name);
        }
    }

    public static boolean isCureRun(String configName) {
        return configName != null && configName.startsWith(PREFIX);
    }

    /** The configuration its runs are made under: the original's flags and environment, then the cure's. */
    public RunConfig configAfter(RunConfig original, int jdk) {
        List<String> flags = new ArrayList<>(original.jvmFlags());
        flags.addAll(jvmFlags);
        Map<String, String> environment = new LinkedHashMap<>(original.env());
        environment.putAll(env);
        return new RunConfig(name, title + " (" + evidence + ")", flags, environment, List.of(jdk));
    }
}

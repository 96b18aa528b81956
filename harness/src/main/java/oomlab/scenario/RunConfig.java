package oomlab.scenario;

import java.util.List;
import java.util.Map;

/**
 * A named JVM configuration (e.g. {@code c2}, {@code c1}): the only thing that differs between the runs of
 * one scenario. Its flags and environment are defined once, in the {@code configurations:} block.
 *
 * @param jdks the JDKs this configuration runs on, in place of the scenario's {@code jdks}: for flags the other
 *             JDKs do not know (JDK 22's {@code CompileCommand=MemLimit}) or for a step of a timeline such as
 *             "the JDK upgrade"; empty to run on the scenario's JDKs.
 */
public record RunConfig(String name, String description, List<String> jvmFlags, Map<String, String> env,
                        List<Integer> jdks) {
    public RunConfig {
        jvmFlags = List.copyOf(jvmFlags);
        env = Map.copyOf(env);
        jdks = List.copyOf(jdks);
    }

    public RunConfig(String name, String description, List<String> jvmFlags, Map<String, String> env) {
        this(name, description, jvmFlags, env, List.of());
    }

    /** The JDKs to run this configuration on in a scenario that lists {@code scenarioJdks}. */
    public List<Integer> jdksIn(List<Integer> scenarioJdks) {
        return jdks.isEmpty() ? scenarioJdks : jdks;
    }
}

package oomlab.scenario;

import java.util.List;
import java.util.Map;

/**
 * A named JVM configuration (e.g. {@code c2}, {@code c1}): the only thing that differs between the runs of
 * one scenario. Its flags and environment are defined once, in the {@code configurations:} block.
 */
public record RunConfig(String name, String description, List<String> jvmFlags, Map<String, String> env) {
    public RunConfig {
        jvmFlags = List.copyOf(jvmFlags);
        env = Map.copyOf(env);
    }
}

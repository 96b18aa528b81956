package oomlab.scenario;

import java.util.List;
import java.util.Map;
import oomlab.profiling.Profiler;

/**
 * The scenario file's shapes as Jackson reads them: anything may be missing here; {@link ScenarioRules} says what
 * must not be, and makes the {@link Scenario} and {@link RunConfig} records the lab runs.
 */
final class FileShapes {
    private FileShapes() {
    }

    record FileSpec(Map<String, ConfigSpec> configurations, Map<String, ScenarioSpec> scenarios) {
    }

    record ConfigSpec(String description, List<String> jvmFlags, Map<String, String> env, List<Integer> jdks) {
    }

    record ScenarioSpec(String description, String workload, Program program, List<String> args, MemorySize memory,
                        MemorySize heap, List<String> jvmFlags, List<Integer> jdks, Integer timeoutSeconds,
                        Map<String, Expectation> expect, Map<Integer, Map<String, Expectation>> expectByJdk,
                        Checks checks, Map<String, Checks> checksByConfig, Profiler profiler,
                        Tolerances tolerances, Boolean allowLargeCap, RightSizing rightSizing, Load load,
                        String margin) {
    }
}

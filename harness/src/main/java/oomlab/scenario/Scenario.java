package oomlab.scenario;

import java.util.List;
import java.util.Map;
import oomlab.verdict.Verdict;

/**
 * One experiment: a workload with fixed arguments, in a container with a fixed memory cap and heap, run
 * once per configuration named in {@code expect}. Everything here is the same for every configuration.
 */
public record Scenario(
        String name,
        String description,
        String workload,
        List<String> args,
        MemorySize memory,
        MemorySize heap,
        List<String> jvmFlags,
        int jdk,
        int timeoutSeconds,
        Map<String, Verdict> expect,
        Checks checks) {

    public Scenario {
        args = List.copyOf(args);
        jvmFlags = List.copyOf(jvmFlags);
        expect = Map.copyOf(expect);
    }

    public Verdict expectedVerdict(String config) {
        return expect.get(config);
    }
}

package oomlab.scenario;

import java.util.List;
import java.util.Map;
import oomlab.profiling.Profiler;

/**
 * One experiment: a workload with fixed arguments, in a container with a fixed memory cap and heap, run
 * once per configuration named in {@code expect} and per JDK in {@code jdks}. Everything here is the same
 * for every configuration.
 *
 * @param workload    a built-in workload of the workloads jar, or null when {@code program} is given
 * @param program     a program not written in this project, or null
 * @param expect      the configurations to run, each with what is expected of it on every JDK
 * @param expectByJdk per JDK, expectations that replace those of {@code expect}
 * @param checksByConfig checks that apply to one configuration's runs only, on top of {@code checks}
 * @param profiler    who-allocated-it profiling for every run of the scenario (NONE by default)
 * @param tolerances  how far a run may drift from its baseline (the comparison with last night's results)
 * @param rightSizing how the right-sizing search looks for the smallest cap (-Doomlab.search=cap)
 * @param load        a request stream put on the program (a service) while it runs; null for none
 * @param margin      why the expected verdicts are robust, in measured numbers (growth that does not stop, an
 *                    uncapped peak well above the cap, a peak well under it); shown under the summary table
 */
public record Scenario(
        String name,
        String description,
        String workload,
        Program program,
        List<String> args,
        MemorySize memory,
        MemorySize heap,
        List<String> jvmFlags,
        List<Integer> jdks,
        int timeoutSeconds,
        Map<String, Expectation> expect,
        Map<Integer, Map<String, Expectation>> expectByJdk,
        Checks checks,
        Map<String, Checks> checksByConfig,
        Profiler profiler,
        Tolerances tolerances,
        RightSizing rightSizing,
        Load load,
        String margin) {

    public Scenario {
        args = List.copyOf(args);
        jvmFlags = List.copyOf(jvmFlags);
        jdks = List.copyOf(jdks);
        expect = Map.copyOf(expect);
        expectByJdk = Map.copyOf(expectByJdk);
        checksByConfig = Map.copyOf(checksByConfig);
    }

    /** The same experiment in a pod of another size: the right-sizing search's runs. */
    public Scenario withMemory(MemorySize cap) {
        return new Scenario(name, description, workload, program, args, cap, heap, jvmFlags, jdks, timeoutSeconds,
                expect, expectByJdk, checks, checksByConfig, profiler, tolerances, rightSizing, load, margin);
    }

    /** The checks for one configuration: the scenario's, plus that configuration's own. */
    public List<Checks> checksFor(String config) {
        Checks own = checksByConfig.get(config);
        return own == null ? List.of(checks) : List.of(checks, own);
    }

    public Expectation expectation(String config, int jdk) {
        Map<String, Expectation> override = expectByJdk.getOrDefault(jdk, Map.of());
        Expectation expected = override.getOrDefault(config, expect.get(config));
        // a configuration the file does not give this scenario (a cure search's candidate) is reported, not judged
        return expected != null ? expected : Expectation.parse(Expectation.REPORT);
    }

    /** True when the scenario runs a user's own image rather than the lab's workload image. */
    public boolean runsOwnImage() {
        return program != null && program.isImage();
    }

    /** A built-in workload reports its work (oomlab-work lines); a user's program does not. */
    public boolean reportsWork() {
        return program == null;
    }

    /** The first JDK listed; its runs keep the plain names (results/<scenario>/<config>/). */
    public int mainJdk() {
        return jdks.get(0);
    }
}

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
        return toBuilder().memory(cap).build();
    }

    /** A scenario named {@code name}, every other part at its default until set. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** This scenario's parts, to change some by name. */
    public Builder toBuilder() {
        Builder builder = new Builder(name);
        builder.description = description;
        builder.workload = workload;
        builder.program = program;
        builder.args = args;
        builder.memory = memory;
        builder.heap = heap;
        builder.jvmFlags = jvmFlags;
        builder.jdks = jdks;
        builder.timeoutSeconds = timeoutSeconds;
        builder.expect = expect;
        builder.expectByJdk = expectByJdk;
        builder.checks = checks;
        builder.checksByConfig = checksByConfig;
        builder.profiler = profiler;
        builder.tolerances = tolerances;
        builder.rightSizing = rightSizing;
        builder.load = load;
        builder.margin = margin;
        return builder;
    }

    /**
     * A scenario set part by part. Each default lives here: what a scenario file leaves out. A setter given null
     * keeps the default, so a file's missing field and a caller's unset one are the same thing.
     */
    public static final class Builder {
        public static final int DEFAULT_JDK = 17;
        public static final int DEFAULT_TIMEOUT_SECONDS = 300;

        private final String name;
        private String description = "";
        private String workload;
        private Program program;
        private List<String> args = List.of();
        private MemorySize memory;
        private MemorySize heap;
        private List<String> jvmFlags = List.of();
        private List<Integer> jdks = List.of(DEFAULT_JDK);
        private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        private Map<String, Expectation> expect = Map.of();
        private Map<Integer, Map<String, Expectation>> expectByJdk = Map.of();
        private Checks checks = Checks.NONE;
        private Map<String, Checks> checksByConfig = Map.of();
        private Profiler profiler = Profiler.NONE;
        private Tolerances tolerances = Tolerances.DEFAULT;
        private RightSizing rightSizing = RightSizing.DEFAULTS;
        private Load load;
        private String margin = "";

        private Builder(String name) {
            this.name = name;
        }

        private static <T> T or(T given, T kept) {
            return given == null ? kept : given;
        }

        public Builder description(String value) {
            description = or(value, description);
            return this;
        }

        public Builder workload(String value) {
            workload = value;
            return this;
        }

        public Builder program(Program value) {
            program = value;
            return this;
        }

        public Builder args(List<String> value) {
            args = or(value, args);
            return this;
        }

        public Builder memory(MemorySize value) {
            memory = value;
            return this;
        }

        public Builder heap(MemorySize value) {
            heap = value;
            return this;
        }

        public Builder jvmFlags(List<String> value) {
            jvmFlags = or(value, jvmFlags);
            return this;
        }

        public Builder jdks(List<Integer> value) {
            jdks = value == null || value.isEmpty() ? jdks : value;
            return this;
        }

        public Builder timeoutSeconds(Integer value) {
            timeoutSeconds = or(value, timeoutSeconds);
            return this;
        }

        public Builder expect(Map<String, Expectation> value) {
            expect = or(value, expect);
            return this;
        }

        public Builder expectByJdk(Map<Integer, Map<String, Expectation>> value) {
            expectByJdk = or(value, expectByJdk);
            return this;
        }

        public Builder checks(Checks value) {
            checks = or(value, checks);
            return this;
        }

        public Builder checksByConfig(Map<String, Checks> value) {
            checksByConfig = or(value, checksByConfig);
            return this;
        }

        public Builder profiler(Profiler value) {
            profiler = or(value, profiler);
            return this;
        }

        /** Tolerances as given, each missing one at its default. */
        public Builder tolerances(Tolerances value) {
            tolerances = value == null ? tolerances : value.orDefaults();
            return this;
        }

        public Builder rightSizing(RightSizing value) {
            rightSizing = or(value, rightSizing);
            return this;
        }

        public Builder load(Load value) {
            load = value;
            return this;
        }

        public Builder margin(String value) {
            margin = or(value, margin);
            return this;
        }

        /** The jdks as set (the default's when none were): the rules check expectByJdk against them. */
        public List<Integer> jdks() {
            return jdks;
        }

        /** The timeout as set (the default's when none was). */
        public int timeoutSeconds() {
            return timeoutSeconds;
        }

        public Scenario build() {
            return new Scenario(name, description, workload, program, args, memory, heap, jvmFlags, jdks,
                    timeoutSeconds, expect, expectByJdk, checks, checksByConfig, profiler, tolerances, rightSizing, load,
                    margin);
        }
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

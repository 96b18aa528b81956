package oomlab.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import oomlab.scenario.FileShapes.FileSpec;
import oomlab.scenario.FileShapes.ScenarioSpec;
import oomlab.verdict.Verdict;

/**
 * The scenario file's rules: what a scenario must have, what its values may be, and — against the host it is
 * checked on ({@link ScenarioFile.Host}) — whether its cap fits the machine and its program's files are there.
 * Each broken rule is a {@link ScenarioFileException} at the field's line ({@link FileErrors}).
 */
final class ScenarioRules {
    /** Below this a JVM with NMT and the probe cannot even start, so such a cap is a mistake, not an experiment. */
    static final MemorySize SMALLEST_CAP = MemorySize.parse("64m");
    /** The built-in workloads: the workloads jar is on the harness's classpath, so its own list is the truth. */
    static final Set<String> WORKLOADS = oomlab.workloads.Main.names();

    private final Path file;
    private final ScenarioFile.Host host;
    private final FileErrors errors;

    ScenarioRules(Path file, ScenarioFile.Host host, FileErrors errors) {
        this.file = file;
        this.host = host;
        this.errors = errors;
    }

    /** The file's shapes to the lab's definition, every rule checked on the way. */
    LabDefinition validate(FileSpec spec) {
        if (spec.scenarios() == null || spec.scenarios().isEmpty()) {
            throw errors.problem(List.of("scenarios"), "at least one scenario is required");
        }
        // the catalogue first, then the file's own: a name given again in the file is the file's
        Map<String, RunConfig> configurations = Catalogue.catalogue();
        configurations.putAll(Catalogue.configurations(spec.configurations()));
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        spec.scenarios().forEach((name, s) -> scenarios.put(name, scenario(name, s, configurations)));
        return new LabDefinition(file, configurations, scenarios);
    }

    private Scenario scenario(String name, ScenarioSpec s, Map<String, RunConfig> configurations) {
        List<String> at = List.of("scenarios", name);
        if (s == null) {
            throw errors.problem(at, "the scenario is empty; it needs at least workload, memory, heap and expect");
        }
        if ((s.workload() == null) == (s.program() == null)) {
            throw errors.problem(at, "name either a built-in 'workload' or a 'program' of your own (exactly one)");
        }
        if (s.program() != null) {
            checkProgram(s.program(), child(at, "program"));
        }
        if (s.workload() != null && !WORKLOADS.contains(s.workload())) {
            throw errors.problem(child(at, "workload"), "unknown workload '" + s.workload() + "'; the workloads are: "
                    + String.join(", ", WORKLOADS) + " (or give a 'program' of your own)");
        }
        require(s.memory(), at, "memory");
        require(s.heap(), at, "heap");
        require(s.expect(), at, "expect");
        checkCap(s, at);
        if (s.expect().isEmpty()) {
            throw errors.problem(child(at, "expect"), "name at least one configuration and its expected verdict");
        }
        checkExpectations(s.expect(), child(at, "expect"), configurations);
        // the file's values over the defaults (the builder keeps each default); the rules read the result
        Scenario.Builder scenario = Scenario.builder(name).description(s.description()).workload(s.workload())
                .program(s.program()).args(s.args()).memory(s.memory()).heap(s.heap()).jvmFlags(s.jvmFlags())
                .jdks(s.jdks()).timeoutSeconds(s.timeoutSeconds()).expect(s.expect()).expectByJdk(s.expectByJdk())
                .checks(s.checks()).checksByConfig(s.checksByConfig()).profiler(s.profiler())
                .tolerances(s.tolerances()).rightSizing(s.rightSizing()).load(s.load()).margin(s.margin());
        List<Integer> jdks = scenario.jdks();
        Map<Integer, Map<String, Expectation>> byJdk = s.expectByJdk() == null ? Map.of() : s.expectByJdk();
        byJdk.forEach((jdk, expectations) -> {
            List<String> where = child(at, "expectByJdk", Integer.toString(jdk));
            if (!jdks.contains(jdk)) {
                throw errors.problem(where, "JDK " + jdk + " is not in this scenario's jdks " + jdks);
            }
            checkExpectations(expectations, where, configurations);
            expectations.keySet().stream().filter(config -> !s.expect().containsKey(config)).findFirst()
                    .ifPresent(config -> {
                        throw errors.problem(child(where, config), "configuration '" + config
                                + "' is not run by this scenario: list it under 'expect' first");
                    });
        });
        int timeout = scenario.timeoutSeconds();
        if (timeout <= 0) {
            throw errors.problem(child(at, "timeoutSeconds"), "must be a positive number of seconds");
        }
        if (s.load() != null) {
            checkLoad(s.load(), child(at, "load"), timeout);
        }
        Checks checks = s.checks() == null ? Checks.NONE : s.checks();
        checkFractions(checks, child(at, "checks"));
        if (s.tolerances() != null) {
            for (String field : List.of("peak", "timeToExit", "cpu")) {
                Double value = switch (field) {
                    case "peak" -> s.tolerances().peak();
                    case "timeToExit" -> s.tolerances().timeToExit();
                    default -> s.tolerances().cpu();
                };
                if (value != null && value < 0) {
                    throw errors.problem(child(at, "tolerances", field), "a tolerance is a fraction of the baseline's value,"
                            + " 0 or more (0.1 = 10%), got " + value);
                }
            }
        }
        Map<String, Checks> checksByConfig = s.checksByConfig() == null ? Map.of() : s.checksByConfig();
        checksByConfig.forEach((config, own) -> {
            if (!s.expect().containsKey(config)) {
                throw errors.problem(child(at, "checksByConfig", config), "configuration '" + config
                        + "' is not run by this scenario: list it under 'expect' first");
            }
            checkFractions(own, child(at, "checksByConfig", config));
        });
        return scenario.build();
    }

    private void checkLoad(Load load, List<String> at, int timeoutSeconds) {
        if (load.port() == null) {
            throw errors.problem(at, "'load' needs the service's 'port' (the port it listens on inside its container),"
                    + " e.g. load: {port: 8080, path: /hello, rate: 100}");
        }
        if (load.port() < 1 || load.port() > 65535) {
            throw errors.problem(child(at, "port"), "a port is 1 to 65535, got " + load.port());
        }
        if (!load.protocolOrDefault().equals(Load.HTTP) && !load.protocolOrDefault().equals(Load.TCP)) {
            throw errors.problem(child(at, "protocol"), "'" + load.protocol() + "' is not known: http or tcp");
        }
        if (load.path() != null && load.paths() != null) {
            throw errors.problem(child(at, "paths"), "give 'path' or 'paths', not both");
        }
        if (load.protocolOrDefault().equals(Load.HTTP)) {
            for (String path : load.pathsOrDefault()) {
                if (!path.startsWith("/")) {
                    throw errors.problem(child(at, load.paths() != null ? "paths" : "path"),
                            "a path starts with '/', got '" + path + "'");
                }
            }
        }
        for (String field : List.of("rate", "warmupSeconds", "durationSeconds", "readySeconds")) {
            Integer value = switch (field) {
                case "rate" -> load.rate();
                case "warmupSeconds" -> load.warmupSeconds();
                case "durationSeconds" -> load.durationSeconds();
                default -> load.readySeconds();
            };
            if (value != null && (value < 0 || value == 0 && !field.equals("warmupSeconds"))) {
                throw errors.problem(child(at, field), "must be a positive whole number, got " + value);
            }
        }
        if (load.untilSteady() != null) {
            if (load.durationSeconds() != null) {
                throw errors.problem(child(at, "untilSteady"), "give 'durationSeconds' (a fixed load) or 'untilSteady' (a"
                        + " load that ends when the service is steady, within its limitSeconds), not both");
            }
            Load.UntilSteady until = load.untilSteady();
            for (String field : List.of("measureSeconds", "limitSeconds")) {
                Integer value = field.equals("measureSeconds") ? until.measureSeconds() : until.limitSeconds();
                if (value != null && value <= 0) {
                    throw errors.problem(child(child(at, "untilSteady"), field), "must be a positive whole number, got " + value);
                }
            }
            if (until.measureOrDefault() >= until.limitOrDefault()) {
                throw errors.problem(child(child(at, "untilSteady"), "limitSeconds"), "the bound (" + until.limitOrDefault()
                        + " s) leaves no time to get steady before measureSeconds (" + until.measureOrDefault()
                        + " s) are counted");
            }
        }
        if (load.secondsNeeded() > timeoutSeconds) {
            throw errors.problem(at, "the load needs up to " + load.secondsNeeded() + " s (readySeconds + warmupSeconds"
                    + " + " + (load.untilSteady() != null ? "untilSteady's limitSeconds" : "durationSeconds")
                    + ") but the scenario's timeoutSeconds is " + timeoutSeconds
                    + ": raise timeoutSeconds");
        }
    }

    private void checkProgram(Program program, List<String> at) {
        int forms = (program.jar() == null ? 0 : 1) + (program.image() == null ? 0 : 1) + (program.isClasspath() ? 1 : 0);
        if (forms != 1) {
            throw errors.problem(at, "give one of 'jar' (a jar file, a fat jar, or Maven coordinates group:artifact:version),"
                    + " 'classpath' (jars or folders of jars, with 'mainClass') or 'image' (with 'command')");
        }
        for (String extra : program.files()) {
            if (host.filesPresent() && !Files.isRegularFile(relative(extra))) {
                throw errors.problem(child(at, "files"), "no file at " + relative(extra) + " (paths are relative to this file)");
            }
        }
        if (program.isImage() && !program.files().isEmpty()) {
            throw errors.problem(child(at, "files"), "an image brings its own files; 'files' is for jar and classpath programs");
        }
        if (program.isClasspath()) {
            if (program.mainClass() == null) {
                throw errors.problem(child(at, "classpath"), "a classpath needs 'mainClass', the class to run");
            }
            for (String entry : program.classpath()) {
                if (host.filesPresent() && !Files.exists(relative(entry))) {
                    throw errors.problem(child(at, "classpath"), "no jar or folder at " + relative(entry)
                            + " (paths are relative to this file)" + madeByABuild(relative(entry)));
                }
            }
        }
        if (program.isImage() && program.command().isEmpty()) {
            throw errors.problem(child(at, "command"), "an image needs the command that starts its JVM");
        }
        if (host.filesPresent() && program.jar() != null && !program.isMavenCoordinates()
                && !Files.isRegularFile(jarPath(program))) {
            throw errors.problem(child(at, "jar"), "no jar at " + jarPath(program)
                    + " (a path relative to this file, or Maven coordinates group:artifact:version)"
                    + madeByABuild(jarPath(program)));
        }
    }

    /**
     * A missing path under a target/ folder is a build's output not made yet (e.g. {@code mvn test -pl harness} on a
     * clean tree, which builds no example): say how to make it.
     */
    private static String madeByABuild(Path missing) {
        for (Path part = missing; part != null; part = part.getParent()) {
            if (part.getFileName() != null && part.getFileName().toString().equals("target") && part.getParent() != null) {
                return "; it is made by the build of " + part.getParent() + ": run mvn from the project's root (its"
                        + " reactor builds it first), or mvn -q install -DskipTests there";
            }
        }
        return "";
    }

    private Path jarPath(Program program) {
        return relative(program.jar());
    }

    private Path relative(String path) {
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? Path.of(path) : dir.resolve(path);
    }

    private void checkExpectations(Map<String, Expectation> expectations, List<String> at,
                                   Map<String, RunConfig> configurations) {
        expectations.forEach((config, expectation) -> {
            if (!configurations.containsKey(config)) {
                throw errors.problem(child(at, config), "unknown configuration '" + config
                        + "'; the configurations there are (the lab's catalogue, then this file's): "
                        + String.join(", ", configurations.keySet()));
            }
            if (expectation == null) {
                throw errors.problem(child(at, config), "an expected verdict is required, one of "
                        + Arrays.toString(Verdict.values()) + " or " + Expectation.REPORT);
            }
        });
    }

    private void checkCap(ScenarioSpec s, List<String> at) {
        if (s.memory().bytes() < SMALLEST_CAP.bytes()) {
            throw errors.problem(child(at, "memory"), "a cap of " + s.memory() + " is too small for any JVM; use at least "
                    + SMALLEST_CAP);
        }
        if (s.heap().bytes() >= s.memory().bytes()) {
            throw errors.problem(child(at, "heap"), "a heap of " + s.heap() + " does not fit in the memory cap of "
                    + s.memory() + ": the JVM needs native memory beyond the heap");
        }
        long machine = host.memoryBytes();
        if (machine <= 0) {
            return; // judged again elsewhere: the cap was this file's business on the machine that ran it
        }
        if (s.memory().bytes() > machine) {
            throw errors.problem(child(at, "memory"), "a cap of " + s.memory() + " is more than this machine's "
                    + new MemorySize(machine).megabytes() + " MB: the kernel could never enforce it");
        }
        // a container allowed most of a shared host's memory can starve everything else on it before its cap
        if (s.memory().bytes() > machine / 2 && !Boolean.TRUE.equals(s.allowLargeCap())) {
            throw errors.problem(child(at, "memory"), "a cap of " + s.memory() + " is more than half of this machine's "
                    + new MemorySize(machine).megabytes() + " MB; add 'allowLargeCap: true' to the scenario if the"
                    + " host can spare it");
        }
    }

    private void checkFractions(Checks checks, List<String> at) {
        checkFraction(checks.peakAtLeast(), child(at, "peakAtLeast"));
        checkFraction(checks.peakAtMost(), child(at, "peakAtMost"));
    }

    private void checkFraction(Double value, List<String> at) {
        if (value != null && (value <= 0 || value > 1)) {
            throw errors.problem(at, "a fraction of the cap between 0 and 1 is expected, got " + value);
        }
    }

    private void require(Object value, List<String> at, String field) {
        if (value == null) {
            throw errors.problem(at, "field '" + field + "' is required");
        }
    }

    private static List<String> child(List<String> path, String... more) {
        List<String> result = new java.util.ArrayList<>(path);
        result.addAll(List.of(more));
        return result;
    }
}

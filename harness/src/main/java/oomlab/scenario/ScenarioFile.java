package oomlab.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import oomlab.profiling.Profiler;
import oomlab.verdict.Verdict;

/**
 * Reads scenarios.yaml into a {@link LabDefinition}. Every problem, from a YAML syntax error to a cap too
 * small for the heap, comes out as a {@link ScenarioFileException} naming file, line and field.
 */
public final class ScenarioFile {
    /** Below this a JVM with NMT and the probe cannot even start, so such a cap is a mistake, not an experiment. */
    static final MemorySize SMALLEST_CAP = MemorySize.parse("64m");
    static final int DEFAULT_JDK = 17;
    static final int DEFAULT_TIMEOUT_SECONDS = 300;
    /** The built-in workloads: the workloads jar is on the harness's classpath, so its own list is the truth. */
    static final Set<String> WORKLOADS = oomlab.workloads.Main.names();

    // A key given twice would otherwise keep its last value silently.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** For finding where a field sits, duplicates and all. */
    private static final YAMLFactory LOCATING = YAMLFactory.builder().build();

    // As written in the file: anything may be missing; validate() says what must not be.
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

    /**
     * The machine the file is checked against, beyond its own rules: where runs will start, a cap must fit the
     * machine and the program's files must be there; where results are only judged again (a CI artifact on a
     * laptop), none of that matters, and {@link #NONE} checks the file's own rules alone.
     *
     * @param memoryBytes the machine's memory (caps above half of it need allowLargeCap); 0 = not checked
     * @param filesPresent the program's files (jars, classpath entries, extra files) must exist
     */
    public record Host(long memoryBytes, boolean filesPresent) {
        /** No host: the file's own rules only, the same everywhere. */
        public static final Host NONE = new Host(0, false);

        public static Host thisMachine() {
            return new Host(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize(), true);
        }
    }

    private final Path file;
    private final String text;
    private final Host host;

    private ScenarioFile(Path file, String text, Host host) {
        this.file = file;
        this.text = text;
        this.host = host;
    }

    /** For runs on this machine: the file's own rules, and this host's (memory, the program's files). */
    public static LabDefinition load(Path file) {
        return load(file, Host.thisMachine());
    }

    /** The file's own rules, checked against {@code host} ({@link Host#NONE}: the rules alone, for a re-judge). */
    public static LabDefinition load(Path file, Host host) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioFileException(file, 0, 0, "", "cannot read the scenario file: " + e);
        }
        return new ScenarioFile(file, text, host).parse();
    }

    static LabDefinition parse(Path file, String text) {
        return new ScenarioFile(file, text, Host.thisMachine()).parse();
    }

    static LabDefinition parse(Path file, String text, Host host) {
        return new ScenarioFile(file, text, host).parse();
    }

    private LabDefinition parse() {
        FileSpec spec;
        try {
            spec = YAML.readValue(text, FileSpec.class);
        } catch (JsonMappingException e) {
            throw fromMappingError(e);
        } catch (StreamReadException e) {
            Optional<ScenarioFileException> duplicate = duplicateKey(e);
            if (duplicate.isPresent()) {
                throw duplicate.get();
            }
            JsonLocation at = e.getLocation();
            throw new ScenarioFileException(file, line(at), column(at), "", "not valid YAML: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScenarioFileException(file, line(at), column(at), "", "not valid YAML: " + e.getOriginalMessage());
        }
        if (spec == null) {
            throw problem(List.of(), "the file is empty; it needs 'scenarios:' (configurations come from the lab's"
                    + " catalogue, " + CATALOGUE + ", and the file's own 'configurations:')");
        }
        return validate(spec);
    }

    /** The lab's catalogue of configurations, in the jar beside this class: every file's, before its own. */
    public static final String CATALOGUE = "oomlab/configurations.yaml";

    /** The catalogue as read once from the jar (it cannot change while the JVM runs): every file's load copies it. */
    private static volatile Map<String, RunConfig> catalogue;

    /** The catalogue's configurations, in its order (c2, c1, ...): a copy the caller may add to. */
    public static Map<String, RunConfig> catalogue() {
        if (catalogue == null) {
            catalogue = java.util.Collections.unmodifiableMap(readCatalogue());
        }
        return new LinkedHashMap<>(catalogue);
    }

    private static Map<String, RunConfig> readCatalogue() {
        try (java.io.InputStream in = ScenarioFile.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException(CATALOGUE + " is missing from the lab's jar");
            }
            FileSpec spec = YAML.readValue(in, FileSpec.class);
            return configurations(spec.configurations());
        } catch (IOException e) {
            throw new IllegalStateException("the lab's own " + CATALOGUE + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, RunConfig> configurations(Map<String, ConfigSpec> specs) {
        Map<String, RunConfig> configurations = new LinkedHashMap<>();
        if (specs == null) {
            return configurations;
        }
        specs.forEach((name, config) -> {
            ConfigSpec c = config == null ? new ConfigSpec(null, null, null, null) : config;
            configurations.put(name, new RunConfig(name, orEmpty(c.description()),
                    c.jvmFlags() == null ? List.of() : c.jvmFlags(), c.env() == null ? Map.of() : c.env(),
                    c.jdks() == null ? List.of() : c.jdks()));
        });
        return configurations;
    }

    private LabDefinition validate(FileSpec spec) {
        if (spec.scenarios() == null || spec.scenarios().isEmpty()) {
            throw problem(List.of("scenarios"), "at least one scenario is required");
        }
        // the catalogue first, then the file's own: a name given again in the file is the file's
        Map<String, RunConfig> configurations = catalogue();
        configurations.putAll(configurations(spec.configurations()));
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        spec.scenarios().forEach((name, s) -> scenarios.put(name, scenario(name, s, configurations)));
        return new LabDefinition(file, configurations, scenarios);
    }

    private Scenario scenario(String name, ScenarioSpec s, Map<String, RunConfig> configurations) {
        List<String> at = List.of("scenarios", name);
        if (s == null) {
            throw problem(at, "the scenario is empty; it needs at least workload, memory, heap and expect");
        }
        if ((s.workload() == null) == (s.program() == null)) {
            throw problem(at, "name either a built-in 'workload' or a 'program' of your own (exactly one)");
        }
        if (s.program() != null) {
            checkProgram(s.program(), child(at, "program"));
        }
        if (s.workload() != null && !WORKLOADS.contains(s.workload())) {
            throw problem(child(at, "workload"), "unknown workload '" + s.workload() + "'; the workloads are: "
                    + String.join(", ", WORKLOADS) + " (or give a 'program' of your own)");
        }
        require(s.memory(), at, "memory");
        require(s.heap(), at, "heap");
        require(s.expect(), at, "expect");
        checkCap(s, at);
        if (s.expect().isEmpty()) {
            throw problem(child(at, "expect"), "name at least one configuration and its expected verdict");
        }
        checkExpectations(s.expect(), child(at, "expect"), configurations);
        List<Integer> jdks = s.jdks() == null || s.jdks().isEmpty() ? List.of(DEFAULT_JDK) : s.jdks();
        Map<Integer, Map<String, Expectation>> byJdk = s.expectByJdk() == null ? Map.of() : s.expectByJdk();
        byJdk.forEach((jdk, expectations) -> {
            List<String> where = child(at, "expectByJdk", Integer.toString(jdk));
            if (!jdks.contains(jdk)) {
                throw problem(where, "JDK " + jdk + " is not in this scenario's jdks " + jdks);
            }
            checkExpectations(expectations, where, configurations);
            expectations.keySet().stream().filter(config -> !s.expect().containsKey(config)).findFirst()
                    .ifPresent(config -> {
                        throw problem(child(where, config), "configuration '" + config
                                + "' is not run by this scenario: list it under 'expect' first");
                    });
        });
        int timeout = s.timeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : s.timeoutSeconds();
        if (timeout <= 0) {
            throw problem(child(at, "timeoutSeconds"), "must be a positive number of seconds");
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
                    throw problem(child(at, "tolerances", field), "a tolerance is a fraction of the baseline's value,"
                            + " 0 or more (0.1 = 10%), got " + value);
                }
            }
        }
        Map<String, Checks> checksByConfig = s.checksByConfig() == null ? Map.of() : s.checksByConfig();
        checksByConfig.forEach((config, own) -> {
            if (!s.expect().containsKey(config)) {
                throw problem(child(at, "checksByConfig", config), "configuration '" + config
                        + "' is not run by this scenario: list it under 'expect' first");
            }
            checkFractions(own, child(at, "checksByConfig", config));
        });
        return new Scenario(name, orEmpty(s.description()), s.workload(), s.program(),
                s.args() == null ? List.of() : s.args(), s.memory(), s.heap(),
                s.jvmFlags() == null ? List.of() : s.jvmFlags(), jdks, timeout, s.expect(), byJdk, checks,
                checksByConfig, s.profiler() == null ? Profiler.NONE : s.profiler(),
                s.tolerances() == null ? Tolerances.DEFAULT : s.tolerances().orDefaults(),
                s.rightSizing() == null ? RightSizing.DEFAULTS : s.rightSizing(), s.load(), orEmpty(s.margin()));
    }

    private void checkLoad(Load load, List<String> at, int timeoutSeconds) {
        if (load.port() == null) {
            throw problem(at, "'load' needs the service's 'port' (the port it listens on inside its container),"
                    + " e.g. load: {port: 8080, path: /hello, rate: 100}");
        }
        if (load.port() < 1 || load.port() > 65535) {
            throw problem(child(at, "port"), "a port is 1 to 65535, got " + load.port());
        }
        if (!load.protocolOrDefault().equals(Load.HTTP) && !load.protocolOrDefault().equals(Load.TCP)) {
            throw problem(child(at, "protocol"), "'" + load.protocol() + "' is not known: http or tcp");
        }
        if (load.path() != null && load.paths() != null) {
            throw problem(child(at, "paths"), "give 'path' or 'paths', not both");
        }
        if (load.protocolOrDefault().equals(Load.HTTP)) {
            for (String path : load.pathsOrDefault()) {
                if (!path.startsWith("/")) {
                    throw problem(child(at, load.paths() != null ? "paths" : "path"),
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
                throw problem(child(at, field), "must be a positive whole number, got " + value);
            }
        }
        if (load.untilSteady() != null) {
            if (load.durationSeconds() != null) {
                throw problem(child(at, "untilSteady"), "give 'durationSeconds' (a fixed load) or 'untilSteady' (a"
                        + " load that ends when the service is steady, within its limitSeconds), not both");
            }
            Load.UntilSteady until = load.untilSteady();
            for (String field : List.of("measureSeconds", "limitSeconds")) {
                Integer value = field.equals("measureSeconds") ? until.measureSeconds() : until.limitSeconds();
                if (value != null && value <= 0) {
                    throw problem(child(child(at, "untilSteady"), field), "must be a positive whole number, got " + value);
                }
            }
            if (until.measureOrDefault() >= until.limitOrDefault()) {
                throw problem(child(child(at, "untilSteady"), "limitSeconds"), "the bound (" + until.limitOrDefault()
                        + " s) leaves no time to get steady before measureSeconds (" + until.measureOrDefault()
                        + " s) are counted");
            }
        }
        if (load.secondsNeeded() > timeoutSeconds) {
            throw problem(at, "the load needs up to " + load.secondsNeeded() + " s (readySeconds + warmupSeconds"
                    + " + " + (load.untilSteady() != null ? "untilSteady's limitSeconds" : "durationSeconds")
                    + ") but the scenario's timeoutSeconds is " + timeoutSeconds
                    + ": raise timeoutSeconds");
        }
    }

    private void checkProgram(Program program, List<String> at) {
        int forms = (program.jar() == null ? 0 : 1) + (program.image() == null ? 0 : 1) + (program.isClasspath() ? 1 : 0);
        if (forms != 1) {
            throw problem(at, "give one of 'jar' (a jar file, a fat jar, or Maven coordinates group:artifact:version),"
                    + " 'classpath' (jars or folders of jars, with 'mainClass') or 'image' (with 'command')");
        }
        for (String extra : program.files()) {
            if (host.filesPresent() && !Files.isRegularFile(relative(extra))) {
                throw problem(child(at, "files"), "no file at " + relative(extra) + " (paths are relative to this file)");
            }
        }
        if (program.isImage() && !program.files().isEmpty()) {
            throw problem(child(at, "files"), "an image brings its own files; 'files' is for jar and classpath programs");
        }
        if (program.isClasspath()) {
            if (program.mainClass() == null) {
                throw problem(child(at, "classpath"), "a classpath needs 'mainClass', the class to run");
            }
            for (String entry : program.classpath()) {
                if (host.filesPresent() && !Files.exists(relative(entry))) {
                    throw problem(child(at, "classpath"), "no jar or folder at " + relative(entry)
                            + " (paths are relative to this file)");
                }
            }
        }
        if (program.isImage() && program.command().isEmpty()) {
            throw problem(child(at, "command"), "an image needs the command that starts its JVM");
        }
        if (host.filesPresent() && program.jar() != null && !program.isMavenCoordinates()
                && !Files.isRegularFile(jarPath(program))) {
            throw problem(child(at, "jar"), "no jar at " + jarPath(program)
                    + " (a path relative to this file, or Maven coordinates group:artifact:version)");
        }
    }

    private Path jarPath(Program program) {
        return relative(program.jar());
    }

    private Path relative(String path) {
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? Path.of(path) : dir.resolve(path);
    }

    /**
     * A problem found later than reading, with a field of the file (e.g. Maven could not resolve a program's
     * coordinates): said as the file's own mistakes are, naming file, line and field.
     */
    public static ScenarioFileException problemAt(Path file, List<String> path, String message) {
        try {
            return new ScenarioFile(file, Files.readString(file), Host.NONE).problem(path, message);
        } catch (IOException e) {
            return new ScenarioFileException(file, 0, 0, String.join(".", path), message);
        }
    }

    private void checkExpectations(Map<String, Expectation> expectations, List<String> at,
                                   Map<String, RunConfig> configurations) {
        expectations.forEach((config, expectation) -> {
            if (!configurations.containsKey(config)) {
                throw problem(child(at, config), "unknown configuration '" + config
                        + "'; the configurations there are (the lab's catalogue, then this file's): "
                        + String.join(", ", configurations.keySet()));
            }
            if (expectation == null) {
                throw problem(child(at, config), "an expected verdict is required, one of "
                        + Arrays.toString(Verdict.values()) + " or " + Expectation.REPORT);
            }
        });
    }

    private void checkCap(ScenarioSpec s, List<String> at) {
        if (s.memory().bytes() < SMALLEST_CAP.bytes()) {
            throw problem(child(at, "memory"), "a cap of " + s.memory() + " is too small for any JVM; use at least "
                    + SMALLEST_CAP);
        }
        if (s.heap().bytes() >= s.memory().bytes()) {
            throw problem(child(at, "heap"), "a heap of " + s.heap() + " does not fit in the memory cap of "
                    + s.memory() + ": the JVM needs native memory beyond the heap");
        }
        long machine = host.memoryBytes();
        if (machine <= 0) {
            return; // judged again elsewhere: the cap was this file's business on the machine that ran it
        }
        if (s.memory().bytes() > machine) {
            throw problem(child(at, "memory"), "a cap of " + s.memory() + " is more than this machine's "
                    + new MemorySize(machine).megabytes() + " MB: the kernel could never enforce it");
        }
        // a container allowed most of a shared host's memory can starve everything else on it before its cap
        if (s.memory().bytes() > machine / 2 && !Boolean.TRUE.equals(s.allowLargeCap())) {
            throw problem(child(at, "memory"), "a cap of " + s.memory() + " is more than half of this machine's "
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
            throw problem(at, "a fraction of the cap between 0 and 1 is expected, got " + value);
        }
    }

    private void require(Object value, List<String> at, String field) {
        if (value == null) {
            throw problem(at, "field '" + field + "' is required");
        }
    }

    private ScenarioFileException problem(List<String> path, String message) {
        JsonLocation at = locate(path);
        return new ScenarioFileException(file, line(at), column(at), String.join(".", path), message);
    }

    private ScenarioFileException fromMappingError(JsonMappingException e) {
        if (e.getCause() instanceof StreamReadException syntax && duplicateKey(syntax).isPresent()) {
            return duplicateKey(syntax).get();
        }
        if (e.getCause() instanceof StreamReadException syntax) {
            // YAML syntax errors reach databind wrapped; SnakeYAML's own text spans several lines
            List<String> lines = syntax.getOriginalMessage().lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("in ") && !line.startsWith("^")).toList();
            JsonLocation at = syntax.getLocation();
            return new ScenarioFileException(file, line(at), column(at), "",
                    "not valid YAML: " + String.join(": ", lines.isEmpty() ? List.of("?") : List.of(lines.get(0),
                            lines.get(lines.size() - 1))));
        }
        List<String> path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .takeWhile(name -> name != null).toList();
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'; known fields: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            message = "'" + invalid.getValue() + "' is not one of "
                    + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
            message = e.getCause().getMessage();
        } else if (e instanceof MismatchedInputException mismatch) {
            message = wrongKind(mismatch, path);
        } else {
            message = e.getOriginalMessage();
        }
        // Jackson's own location is where it stopped reading, often past the field; name the field's line.
        JsonLocation at = path.isEmpty() ? e.getLocation() : locate(path);
        return new ScenarioFileException(file, line(at), column(at), String.join(".", path), message);
    }

    /**
     * A key given twice in one mapping, named with both of its lines. The parser stops at the second one and
     * its context holds the path; both places are then found by walking the file without the check.
     */
    private Optional<ScenarioFileException> duplicateKey(StreamReadException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field") || !(e.getProcessor() instanceof JsonParser)) {
            return Optional.empty();
        }
        List<String> path = fieldPath((JsonParser) e.getProcessor());
        List<JsonLocation> places = occurrences(path);
        JsonLocation first = places.isEmpty() ? null : places.get(0);
        JsonLocation second = places.size() < 2 ? e.getLocation() : places.get(1);
        String key = path.isEmpty() ? "?" : path.get(path.size() - 1);
        return Optional.of(new ScenarioFileException(file, line(second), column(second), String.join(".", path),
                "'" + key + "' is given twice, on line " + line(first) + " and line " + line(second)
                        + "; keep one (YAML would silently use the last)"));
    }

    /** Every place a field with exactly this path is named, in file order. */
    private List<JsonLocation> occurrences(List<String> path) {
        List<JsonLocation> places = new java.util.ArrayList<>();
        try (JsonParser parser = LOCATING.createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && fieldPath(parser).equals(path)) {
                    places.add(parser.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            // the places found so far are what can be told
        }
        return places;
    }

    /**
     * A value of the wrong kind, said in plain words with the right form, e.g. {@code args: --x} for a list.
     * Jackson's own text names Java types, which a scenario file's author should not need to know.
     */
    private String wrongKind(MismatchedInputException e, List<String> path) {
        Class<?> target = e.getTargetType();
        String field = path.isEmpty() ? "" : path.get(path.size() - 1);
        JsonNode given = givenValue(path);
        String got = given == null ? "" : ", got " + (given.isValueNode() ? "'" + given.asText() + "'" : given);
        if (target == null) {
            return "a value of another kind is expected here" + got;
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            String item = given != null && given.isValueNode() ? given.asText() : "a, b";
            return "a list is expected" + got + "; write it as [" + item + "], or one item per line starting"
                    + " with '- '";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "a mapping of names to values is expected" + got + "; write it as " + mappingExample(field)
                    + ", or one 'name: value' per line indented below '" + field + ":'";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number is expected" + got + (field.equals("jdks") ? ", e.g. 17" : ", e.g. 120");
        }
        if (target == Double.class || target == double.class) {
            return "a number is expected" + got + ", e.g. 0.85";
        }
        if (target == String.class) {
            return "a single value (text) is expected" + got + ", e.g. " + field + ": some-value";
        }
        return "a value of another kind is expected" + got;
    }

    private static String mappingExample(String field) {
        return switch (field) {
            case "expect" -> "{c2: OOM_KILLED, c1: SURVIVED}";
            case "env" -> "{MALLOC_ARENA_MAX: \"2\"}";
            case "checks" -> "{peakAtMost: 0.85}";
            case "program" -> "{jar: group:artifact:version}";
            case "load" -> "{port: 8080, path: /hello, rate: 100}";
            default -> "{name: value}";
        };
    }

    /** The value at a path as the file gives it, or null. */
    private JsonNode givenValue(List<String> path) {
        try {
            JsonNode node = YAML.readTree(text);
            for (String name : path) {
                node = node == null ? null : node.get(name);
            }
            return node == null || node.isMissingNode() || node.isNull() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** Where a field sits in the file: the deepest part of {@code path} that exists (its first occurrence). */
    private JsonLocation locate(List<String> path) {
        JsonLocation best = null;
        int bestDepth = -1;
        try (JsonParser parser = LOCATING.createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() != JsonToken.FIELD_NAME) {
                    continue;
                }
                List<String> here = fieldPath(parser);
                int depth = here.size();
                if (depth <= path.size() && here.equals(path.subList(0, depth)) && depth > bestDepth) {
                    best = parser.currentTokenLocation();
                    bestDepth = depth;
                }
            }
        } catch (IOException e) {
            // the file parsed once already; if it cannot be walked now, report without a position
        }
        return best;
    }

    private static List<String> fieldPath(JsonParser parser) {
        java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
        for (var context = parser.getParsingContext(); context != null; context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                names.addFirst(context.getCurrentName());
            }
        }
        return List.copyOf(names);
    }

    private static List<String> child(List<String> path, String... more) {
        List<String> result = new java.util.ArrayList<>(path);
        result.addAll(List.of(more));
        return result;
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : at.getLineNr();
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : at.getColumnNr();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

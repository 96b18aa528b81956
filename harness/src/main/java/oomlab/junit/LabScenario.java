package oomlab.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario written in code: says what a scenarios.yaml entry says (the program, memory, heap, flags,
 * environment, arguments, load, timeout, checks) and which configurations run it, by name from the lab's
 * catalogue (c2, c1, graal, ...) or defined here. It becomes the same YAML and is read by the same reader, so a
 * mistake gets the same plain message (field and all) before any container starts, and a run of it gives the
 * same result.json as the same scenario written in a file.
 *
 * <pre>{@code
 * LabScenario.named("my-service")
 *         .program(LabScenario.jar(Path.of("target/my-service.jar")))
 *         .memory("512m").heap("256m")
 *         .load(LabScenario.http(8080, "/hello").rate(300).warmupSeconds(5).durationSeconds(30))
 *         .configurations("c2", "c1");
 * }</pre>
 */
public final class LabScenario {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

    private final String name;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> expect = new LinkedHashMap<>();
    private final Map<String, Object> checks = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> ownConfigurations = new LinkedHashMap<>();

    private LabScenario(String name) {
        this.name = name;
    }

    public static LabScenario named(String name) {
        return new LabScenario(name);
    }

    public String name() {
        return name;
    }

    /** A program of the user's: its jar, a classpath and main class, Maven coordinates, or an image. */
    public record ProgramSpec(Map<String, Object> fields) {
    }

    /** A runnable jar (its manifest names the main class and its Class-Path), e.g. the project's own build. */
    public static ProgramSpec jar(Path jar) {
        return new ProgramSpec(Map.of("jar", jar.toAbsolutePath().toString()));
    }

    /** Maven coordinates ({@code group:artifact:version}), resolved with their dependencies before any run. */
    public static ProgramSpec coordinates(String coordinates, String mainClass) {
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("jar", coordinates);
        program.put("mainClass", mainClass);
        return new ProgramSpec(program);
    }

    /**
     * The project whose tests are running, as {@code mvn test} has it: its compiled classes (target/classes) and its
     * runtime dependencies as Maven resolves them for the project (resolved once per test JVM into
     * target/oomlab-runtime-lib; see docs/your-service.md, "Use oomlab in your own project"). For the packaged jar instead
     * (a Spring Boot fat jar, say), use {@link #jar} from a test that runs after {@code package}: failsafe's
     * integration-test phase.
     */
    public static ProgramSpec thisProject(String mainClass) {
        return classpath(mainClass, MavenProject.runtimeClasspath(Path.of("")).toArray(Path[]::new));
    }

    /** A classpath (jars, class folders, folders of jars) and the main class. */
    public static ProgramSpec classpath(String mainClass, Path... entries) {
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("classpath", java.util.Arrays.stream(entries).map(e -> e.toAbsolutePath().toString()).toList());
        program.put("mainClass", mainClass);
        return new ProgramSpec(program);
    }

    /** An image of the user's, which brings its own JDK; {@code command} is how it starts its JVM. */
    public static ProgramSpec image(String image, String... command) {
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("image", image);
        program.put("command", List.of(command));
        return new ProgramSpec(program);
    }

    public LabScenario description(String text) {
        fields.put("description", text);
        return this;
    }

    /** One of the lab's built-in workloads (steady, jit-churn, service, ...) instead of a program. */
    public LabScenario workload(String workload) {
        fields.put("workload", workload);
        return this;
    }

    public LabScenario program(ProgramSpec program) {
        fields.put("program", program.fields());
        return this;
    }

    /** The pod's memory, written like a JVM flag: 512m, 4g. */
    public LabScenario memory(String size) {
        fields.put("memory", size);
        return this;
    }

    public LabScenario heap(String size) {
        fields.put("heap", size);
        return this;
    }

    public LabScenario jvmFlags(String... flags) {
        fields.put("jvmFlags", List.of(flags));
        return this;
    }

    public LabScenario args(String... args) {
        fields.put("args", List.of(args));
        return this;
    }

    public LabScenario jdks(Integer... jdks) {
        fields.put("jdks", List.of(jdks));
        return this;
    }

    public LabScenario timeoutSeconds(int seconds) {
        fields.put("timeoutSeconds", seconds);
        return this;
    }

    public LabScenario load(LoadSpec load) {
        fields.put("load", load.fields);
        return this;
    }

    /** The configurations to run, by name from the lab's catalogue or defined with {@link #configuration}. */
    public LabScenario configurations(String... names) {
        for (String config : names) {
            expect.putIfAbsent(config, "REPORT"); // the test's own assertions judge it
        }
        return this;
    }

    /** A configuration and the verdict the lab is to judge it by, as under the YAML's {@code expect:}. */
    public LabScenario expect(String config, String verdict) {
        expect.put(config, verdict);
        return this;
    }

    /** A configuration of this test's own: its JVM flags (after the scenario's, so they win). */
    public LabScenario configuration(String config, String... jvmFlags) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("jvmFlags", List.of(jvmFlags));
        ownConfigurations.put(config, definition);
        return this;
    }

    /** A check of the YAML's {@code checks:}, e.g. {@code check("peakAtMost", 0.8)}. */
    public LabScenario check(String check, Object value) {
        checks.put(check, value);
        return this;
    }

    /** The smallest cap search's bounds, as the YAML's {@code rightSizing:} (sizes like 256m). */
    public LabScenario rightSizing(String floor, String ceiling, String precision) {
        Map<String, Object> sizing = new LinkedHashMap<>();
        sizing.put("floor", floor);
        sizing.put("ceiling", ceiling);
        sizing.put("precision", precision);
        fields.put("rightSizing", sizing);
        return this;
    }

    /** A load for the program to serve while it runs. */
    public static LoadSpec http(int port, String... paths) {
        return new LoadSpec(port, paths);
    }

    /** The YAML's {@code load:}: port, paths, rate, warm-up and duration. */
    public static final class LoadSpec {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private LoadSpec(int port, String... paths) {
            fields.put("port", port);
            fields.put("paths", List.of(paths));
        }

        /** Requests per second, sent open-loop. */
        public LoadSpec rate(int perSecond) {
            fields.put("rate", perSecond);
            return this;
        }

        public LoadSpec warmupSeconds(int seconds) {
            fields.put("warmupSeconds", seconds);
            return this;
        }

        /** A fixed load: counted for this long after the warm-up. */
        public LoadSpec durationSeconds(int seconds) {
            fields.put("durationSeconds", seconds);
            return this;
        }

        /**
         * A load that ends when the answer is known: once the service is steady (the JIT quiet, the CPU per request
         * flat), {@code measureSeconds} of it are counted and its memory has settled — at most {@code limitSeconds}
         * after the warm-up. Instead of {@link #durationSeconds}.
         */
        public LoadSpec untilSteady(int measureSeconds, int limitSeconds) {
            fields.put("untilSteady", Map.of("measureSeconds", measureSeconds, "limitSeconds", limitSeconds));
            return this;
        }
    }

    /** The scenario as a scenario file says it, read by the lab's one reader. */
    public String toYaml() {
        Map<String, Object> scenario = new LinkedHashMap<>(fields);
        scenario.put("expect", new LinkedHashMap<>(expect));
        if (!checks.isEmpty()) {
            scenario.put("checks", new LinkedHashMap<>(checks));
        }
        Map<String, Object> file = new LinkedHashMap<>();
        if (!ownConfigurations.isEmpty()) {
            file.put("configurations", ownConfigurations);
        }
        file.put("scenarios", Map.of(name, scenario));
        try {
            return "# written by oomlab's LabScenario builder: the scenario " + name + " as a test said it\n"
                    + YAML.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configurations it runs, in order. */
    public List<String> configurationNames() {
        return new ArrayList<>(expect.keySet());
    }
}

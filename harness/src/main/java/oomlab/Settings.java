package oomlab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import oomlab.profiling.Profiler;
import oomlab.scenario.Selection;
import oomlab.scenario.Shard;

/**
 * Every setting the lab reads from outside, read once: system properties ({@code -Dname=value}, which the
 * Maven build passes on) and the environment. Defaults live here and nowhere else; everything below
 * {@link Lab} is handed the values it needs.
 *
 * @param scenarioFile      {@code oomlab.scenarios}: the scenario file
 * @param dockerfiles       {@code oomlab.dockerfiles}: the workload Dockerfile and the offline base-image script
 * @param imageParts        {@code oomlab.imageParts}: what the build staged for the images (Graal jars)
 * @param resultsRoot       {@code oomlab.results}: where results are written
 * @param selection         {@code scenario}, {@code config}, {@code jdk}: comma-separated names, blank for all;
 *                          {@code oomlab.shard=i/n}: one part of them; {@code oomlab.repeat=N}: each run N times
 * @param registryReachable {@code oomlab.registryReachable}: false where no image can be pulled
 * @param dockerStatsSampler {@code oomlab.sampler=docker-stats}: sample through Docker's stats API even where
 *                          the container's cgroup is visible
 * @param baseImages        {@code oomlab.baseImage.<jdk>}: a JDK base image of the user's, per JDK
 * @param jdkHomes          {@code oomlab.jdkHome.<jdk>}: a local JDK to build an offline base image from
 * @param ryukDisabled      environment {@code TESTCONTAINERS_RYUK_DISABLED}: the lab then sweeps its own leftovers
 * @param hostOverride      environment {@code TESTCONTAINERS_HOST_OVERRIDE}, shown only
 * @param baseline          {@code oomlab.baseline}: a results folder to compare these results with (the re-judge
 *                          command then also reports regressions against it); null for none
 * @param profiler          {@code oomlab.profiler}: a native-allocation profiler for every run, over the
 *                          scenarios' own {@code profiler:}; null to leave them be
 * @param search            {@code oomlab.search=cap}: instead of one run per configuration, search the smallest cap
 *                          at which it survives (see the scenario's {@code rightSizing:}); {@code cure}: after
 *                          each run that was killed, derive its cures from its diagnosis and measure them
 * @param probe             {@code oomlab.probe}: false runs the JVMs without the probe, NMT and the JIT logs
 *                          (only the benchmark does, to measure what they cost; a run so made cannot be judged)
 * @param timeoutFactor     {@code oomlab.timeoutFactor}: every scenario's timeout times this (default 1), for a
 *                          machine that is slower as a whole, e.g. the cgroup v2 guest under CPU emulation
 */
public record Settings(
        Path scenarioFile,
        Path dockerfiles,
        Path imageParts,
        Path resultsRoot,
        Selection selection,
        boolean registryReachable,
        boolean dockerStatsSampler,
        Map<Integer, String> baseImages,
        Map<Integer, Path> jdkHomes,
        boolean ryukDisabled,
        String hostOverride,
        Profiler profiler,
        Path baseline,
        boolean probe,
        Search search,
        double timeoutFactor) {

    /**
     * What {@code -Doomlab.search} asks for instead of one run per selected configuration.
     *
     * @param kind    {@code cap}: the smallest surviving cap; {@code cure}: the cures of every run that was killed
     * @param repeats the cure search's interleaved repeats of each surviving candidate and of the original
     *                ({@code oomlab.cure.repeats}, default 3)
     */
    public record Search(Kind kind, int repeats) {
        public enum Kind { NONE, CAP, CURE }

        public static final int DEFAULT_REPEATS = 3;
    }

    /** {@code -Doomlab.search=cap}. */
    public boolean searchCap() {
        return search.kind() == Search.Kind.CAP;
    }

    /** {@code -Doomlab.search=cure}. */
    public boolean searchCure() {
        return search.kind() == Search.Kind.CURE;
    }

    /** How long the lab waits for the host commands it runs before it gives up on them. */
    public static final Duration MAVEN_RESOLVE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration BASE_IMAGE_BUILD_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration KERNEL_LOG_TIMEOUT = Duration.ofSeconds(10);

    private static final String SAMPLER_DOCKER_STATS = "docker-stats";
    private static final String SAMPLER_CGROUP = "cgroup";

    public Settings {
        baseImages = Map.copyOf(baseImages);
        jdkHomes = Map.copyOf(jdkHomes);
    }

    /**
     * Whether images can be pulled, where the build has asked Docker already (ensure-docker.sh sets
     * {@code oomlab.registryReachable} for the tests); empty where it has not (the scenario check runs before it).
     */
    public static Optional<Boolean> registryAnswer() {
        return Optional.ofNullable(System.getProperty("oomlab.registryReachable")).filter(v -> !v.isBlank())
                .map(Boolean::parseBoolean);
    }

    /** The settings of this JVM: its system properties and its environment. */
    public static Settings fromSystem() {
        return from(System.getProperties(), System.getenv());
    }

    public static Settings from(Properties properties, Map<String, String> env) {
        String sampler = properties.getProperty("oomlab.sampler", SAMPLER_CGROUP).trim();
        if (!sampler.equals(SAMPLER_CGROUP) && !sampler.equals(SAMPLER_DOCKER_STATS)) {
            throw new IllegalArgumentException("-Doomlab.sampler=" + sampler + " is not known: use " + SAMPLER_CGROUP
                    + " (the default: the container's cgroup, 40 samples/s, Docker stats where it is not visible) or "
                    + SAMPLER_DOCKER_STATS);
        }
        Map<Integer, String> baseImages = new TreeMap<>();
        Map<Integer, Path> jdkHomes = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name).trim();
            if (value.isEmpty()) {
                continue;
            }
            if (name.startsWith("oomlab.baseImage.")) {
                baseImages.put(jdkOf(name), value);
            } else if (name.startsWith("oomlab.jdkHome.")) {
                jdkHomes.put(jdkOf(name), Path.of(value));
            }
        }
        return new Settings(
                Path.of(properties.getProperty("oomlab.scenarios", "scenarios.yaml")),
                Path.of(properties.getProperty("oomlab.dockerfiles", "dockerfiles")),
                Path.of(properties.getProperty("oomlab.imageParts", "target/image-parts")),
                Path.of(properties.getProperty("oomlab.results", "target/oomlab")),
                Selection.ALL.scenarios(properties.getProperty("scenario")).configs(properties.getProperty("config"))
                        .jdks(properties.getProperty("jdk")).shard(Shard.parse(properties.getProperty("oomlab.shard")))
                        .repeat(repeat(properties.getProperty("oomlab.repeat")))
                        .reportRuns("true".equals(properties.getProperty("oomlab.reports", "false").trim())),
                !"false".equals(properties.getProperty("oomlab.registryReachable")),
                sampler.equals(SAMPLER_DOCKER_STATS),
                baseImages,
                jdkHomes,
                Boolean.parseBoolean(env.get("TESTCONTAINERS_RYUK_DISABLED")),
                env.getOrDefault("TESTCONTAINERS_HOST_OVERRIDE", ""),
                blank(properties.getProperty("oomlab.profiler")) ? null
                        : Profiler.parse(properties.getProperty("oomlab.profiler")),
                blank(properties.getProperty("oomlab.baseline")) ? null : Path.of(properties.getProperty("oomlab.baseline")),
                !"false".equals(properties.getProperty("oomlab.probe", "true").trim()),
                search(properties.getProperty("oomlab.search"), properties.getProperty("oomlab.cure.repeats")),
                timeoutFactor(properties.getProperty("oomlab.timeoutFactor")));
    }

    private static double timeoutFactor(String value) {
        if (blank(value)) {
            return 1;
        }
        try {
            double factor = Double.parseDouble(value.trim());
            if (factor > 0) {
                return factor;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("-Doomlab.timeoutFactor=" + value + ": a number above 0 that every"
                + " scenario's timeout is multiplied by, e.g. 10 under CPU emulation");
    }

    /** A scenario's timeout on this machine. */
    public Duration timeout(int scenarioSeconds) {
        return Duration.ofMillis(Math.round(scenarioSeconds * 1000 * timeoutFactor));
    }

    private static Search search(String value, String repeats) {
        int count = Search.DEFAULT_REPEATS;
        if (!blank(repeats)) {
            try {
                count = Integer.parseInt(repeats.trim());
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1 || count > 20) {
                throw new IllegalArgumentException("-Doomlab.cure.repeats=" + repeats + ": a whole number from 1 to 20,"
                        + " how often each surviving cure and the original run, interleaved (default 3)");
            }
        }
        if (blank(value)) {
            return new Search(Search.Kind.NONE, count);
        }
        return switch (value.trim()) {
            case "cap" -> new Search(Search.Kind.CAP, count);
            case "cure" -> new Search(Search.Kind.CURE, count);
            default -> throw new IllegalArgumentException("-Doomlab.search=" + value + " is not known: the searches"
                    + " there are, are -Doomlab.search=cap (the smallest cap at which each configuration survives)"
                    + " and -Doomlab.search=cure (the cures of each run that was killed, measured and priced)");
        };
    }

    private static int repeat(String value) {
        if (blank(value)) {
            return 1;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Doomlab.repeat=" + value + ": a whole number of repeats, e.g. 5");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static int jdkOf(String propertyName) {
        String suffix = propertyName.substring(propertyName.lastIndexOf('.') + 1);
        try {
            return Integer.parseInt(suffix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + propertyName + ": the last part must be a JDK major version,"
                    + " e.g. -Doomlab.baseImage.17=my-registry/jdk:17");
        }
    }

    /**
     * With the command line of the lab's own commands: {@code --results DIR} and {@code --scenarios FILE} (what
     * the Maven build hands them), over what the properties said.
     */
    public Settings withArguments(String... args) {
        Settings settings = this;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            settings = switch (args[i]) {
                case "--results" -> settings.withResultsRoot(Path.of(args[i + 1]));
                case "--scenarios" -> settings.withScenarioFile(Path.of(args[i + 1]));
                case "--baseline" -> settings.withBaseline(Path.of(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; known: --results DIR, --scenarios FILE, --baseline DIR");
            };
        }
        return settings;
    }

    public Settings withBaseline(Path folder) {
        return new Settings(scenarioFile, dockerfiles, imageParts, resultsRoot, selection, registryReachable,
                dockerStatsSampler, baseImages, jdkHomes, ryukDisabled, hostOverride, profiler, folder, probe, search, timeoutFactor);
    }

    public Settings withProbe(boolean on) {
        return new Settings(scenarioFile, dockerfiles, imageParts, resultsRoot, selection, registryReachable,
                dockerStatsSampler, baseImages, jdkHomes, ryukDisabled, hostOverride, profiler, baseline, on, search, timeoutFactor);
    }

    public Settings withResultsRoot(Path root) {
        return new Settings(scenarioFile, dockerfiles, imageParts, root, selection, registryReachable,
                dockerStatsSampler, baseImages, jdkHomes, ryukDisabled, hostOverride, profiler, baseline, probe, search, timeoutFactor);
    }

    public Settings withSelection(Selection chosen) {
        return new Settings(scenarioFile, dockerfiles, imageParts, resultsRoot, chosen, registryReachable,
                dockerStatsSampler, baseImages, jdkHomes, ryukDisabled, hostOverride, profiler, baseline, probe, search, timeoutFactor);
    }

    public Settings withScenarioFile(Path file) {
        return new Settings(file, dockerfiles, imageParts, resultsRoot, selection, registryReachable,
                dockerStatsSampler, baseImages, jdkHomes, ryukDisabled, hostOverride, profiler, baseline, probe, search, timeoutFactor);
    }
}

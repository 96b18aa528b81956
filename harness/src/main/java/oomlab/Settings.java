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

    /**
     * The settings in layers: the defaults ({@link #defaults()}), then what the properties and the environment say
     * (only what they set), then what a caller sets on the result ({@link #toBuilder()}).
     */
    public static Settings from(Properties properties, Map<String, String> env) {
        Builder settings = defaults().toBuilder();
        String sampler = properties.getProperty("oomlab.sampler", SAMPLER_CGROUP).trim();
        if (!sampler.equals(SAMPLER_CGROUP) && !sampler.equals(SAMPLER_DOCKER_STATS)) {
            throw new IllegalArgumentException("-Doomlab.sampler=" + sampler + " is not known: use " + SAMPLER_CGROUP
                    + " (the default: the container's cgroup, 40 samples/s, Docker stats where it is not visible) or "
                    + SAMPLER_DOCKER_STATS);
        }
        settings.dockerStatsSampler(sampler.equals(SAMPLER_DOCKER_STATS));
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
        settings.baseImages(baseImages).jdkHomes(jdkHomes);
        set(properties, "oomlab.scenarios", value -> settings.scenarioFile(Path.of(value)));
        set(properties, "oomlab.dockerfiles", value -> settings.dockerfiles(Path.of(value)));
        set(properties, "oomlab.imageParts", value -> settings.imageParts(Path.of(value)));
        set(properties, "oomlab.results", value -> settings.resultsRoot(Path.of(value)));
        settings.selection(Selection.ALL.scenarios(properties.getProperty("scenario"))
                .configs(properties.getProperty("config")).jdks(properties.getProperty("jdk"))
                .shard(Shard.parse(properties.getProperty("oomlab.shard")))
                .repeat(repeat(properties.getProperty("oomlab.repeat")))
                .reportRuns("true".equals(properties.getProperty("oomlab.reports", "false").trim())));
        set(properties, "oomlab.registryReachable", value -> settings.registryReachable(!"false".equals(value)));
        settings.ryukDisabled(Boolean.parseBoolean(env.get("TESTCONTAINERS_RYUK_DISABLED")));
        settings.hostOverride(env.getOrDefault("TESTCONTAINERS_HOST_OVERRIDE", ""));
        set(properties, "oomlab.profiler", value -> settings.profiler(Profiler.parse(value)));
        set(properties, "oomlab.baseline", value -> settings.baseline(Path.of(value)));
        set(properties, "oomlab.probe", value -> settings.probe(!"false".equals(value)));
        settings.search(search(properties.getProperty("oomlab.search"), properties.getProperty("oomlab.cure.repeats")));
        settings.timeoutFactor(timeoutFactor(properties.getProperty("oomlab.timeoutFactor")));
        return settings.build();
    }

    /** What a setting left unset is: each default, in one place. */
    public static Settings defaults() {
        return new Settings(Path.of("scenarios.yaml"), Path.of("dockerfiles"), Path.of("target/image-parts"),
                Path.of("target/oomlab"), Selection.ALL.reportRuns(false), true, false, Map.of(), Map.of(), false, "",
                null, null, true, new Search(Search.Kind.NONE, Search.DEFAULT_REPEATS), 1);
    }

    /** A property that is given (not blank), trimmed, to its setter. */
    private static void set(Properties properties, String name, java.util.function.Consumer<String> setter) {
        String value = properties.getProperty(name);
        if (!blank(value)) {
            setter.accept(value.trim());
        }
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
        return toBuilder().baseline(folder).build();
    }

    public Settings withProbe(boolean on) {
        return toBuilder().probe(on).build();
    }

    public Settings withResultsRoot(Path root) {
        return toBuilder().resultsRoot(root).build();
    }

    public Settings withSelection(Selection chosen) {
        return toBuilder().selection(chosen).build();
    }

    public Settings withScenarioFile(Path file) {
        return toBuilder().scenarioFile(file).build();
    }

    /** These settings, to change some by name. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Settings set by name, each from what they were. */
    public static final class Builder {
        private Path scenarioFile;
        private Path dockerfiles;
        private Path imageParts;
        private Path resultsRoot;
        private Selection selection;
        private boolean registryReachable;
        private boolean dockerStatsSampler;
        private Map<Integer, String> baseImages;
        private Map<Integer, Path> jdkHomes;
        private boolean ryukDisabled;
        private String hostOverride;
        private Profiler profiler;
        private Path baseline;
        private boolean probe;
        private Search search;
        private double timeoutFactor;

        private Builder(Settings from) {
            scenarioFile = from.scenarioFile;
            dockerfiles = from.dockerfiles;
            imageParts = from.imageParts;
            resultsRoot = from.resultsRoot;
            selection = from.selection;
            registryReachable = from.registryReachable;
            dockerStatsSampler = from.dockerStatsSampler;
            baseImages = from.baseImages;
            jdkHomes = from.jdkHomes;
            ryukDisabled = from.ryukDisabled;
            hostOverride = from.hostOverride;
            profiler = from.profiler;
            baseline = from.baseline;
            probe = from.probe;
            search = from.search;
            timeoutFactor = from.timeoutFactor;
        }

        public Builder scenarioFile(Path value) {
            scenarioFile = value;
            return this;
        }

        public Builder dockerfiles(Path value) {
            dockerfiles = value;
            return this;
        }

        public Builder imageParts(Path value) {
            imageParts = value;
            return this;
        }

        public Builder resultsRoot(Path value) {
            resultsRoot = value;
            return this;
        }

        public Builder selection(Selection value) {
            selection = value;
            return this;
        }

        public Builder registryReachable(boolean value) {
            registryReachable = value;
            return this;
        }

        public Builder dockerStatsSampler(boolean value) {
            dockerStatsSampler = value;
            return this;
        }

        public Builder baseImages(Map<Integer, String> value) {
            baseImages = value;
            return this;
        }

        public Builder jdkHomes(Map<Integer, Path> value) {
            jdkHomes = value;
            return this;
        }

        public Builder ryukDisabled(boolean value) {
            ryukDisabled = value;
            return this;
        }

        public Builder hostOverride(String value) {
            hostOverride = value;
            return this;
        }

        public Builder profiler(Profiler value) {
            profiler = value;
            return this;
        }

        public Builder baseline(Path value) {
            baseline = value;
            return this;
        }

        public Builder probe(boolean value) {
            probe = value;
            return this;
        }

        public Builder search(Search value) {
            search = value;
            return this;
        }

        public Builder timeoutFactor(double value) {
            timeoutFactor = value;
            return this;
        }

        public Settings build() {
            return new Settings(scenarioFile, dockerfiles, imageParts, resultsRoot, selection, registryReachable,
                    dockerStatsSampler, baseImages, jdkHomes, ryukDisabled, hostOverride, profiler, baseline, probe,
                    search, timeoutFactor);
        }
    }
}

package oomlab.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import oomlab.container.JavaCommand;
import oomlab.container.JavaCommand.FlagGroup;
import oomlab.process.ProcessRunner;
import oomlab.process.ProcessRunner.ProcessResult;
import oomlab.scenario.RunPlan;
import oomlab.scenario.ScenarioFile;
import oomlab.scenario.ScenarioFileException;

/**
 * What can be told about the selected runs before any container: that an image can be had for every JDK they
 * ask for, and that the JVM of that JDK accepts every flag they give it — tried with a quick {@code java ...
 * -version} on this host's JDK of the same major, each run's flags together, as its JVM will get them. A mistake is
 * a scenario-file mistake, one line naming file, line and field, with the JVM's own words.
 */
public final class Preflight {
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized VM option '([^']+)'");
    /** The JVM's unlocks, so a diagnostic or experimental flag is judged by whether it exists, not its lock. */
    private static final List<String> UNLOCKS = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:+UnlockExperimentalVMOptions");

    private Preflight() {
    }

    /**
     * Where a JDK's image comes from, as far as this host can tell.
     *
     * @param baseImages        -Doomlab.baseImage.N
     * @param localJdk          a JDK of that major on this host (to build an image from, and to try flags with)
     * @param registryReachable true/false once the build has asked Docker; empty where it has not yet
     */
    public record Host(Map<Integer, String> baseImages, IntFunction<Optional<Path>> localJdk,
                       Optional<Boolean> registryReachable) {
    }

    /** @throws ScenarioFileException naming the line of the first mistake */
    public static void check(Path scenarioFile, List<RunPlan> plans, Host host) {
        Set<Integer> checkedJdks = new LinkedHashSet<>();
        for (RunPlan plan : plans) {
            if (checkedJdks.add(plan.jdk())) {
                checkJdk(scenarioFile, plan, host);
            }
        }
        Map<String, RunPlan> flagSets = new LinkedHashMap<>();
        for (RunPlan plan : plans) {
            if (!plan.scenario().runsOwnImage()) { // a program's own image brings its own JDK
                flagSets.putIfAbsent(plan.jdk() + " " + flagsOf(plan), plan);
            }
        }
        for (RunPlan plan : flagSets.values()) {
            Optional<Path> jdk = host.localJdk().apply(plan.jdk());
            if (jdk.isPresent()) {
                checkFlags(scenarioFile, plan, jdk.get().resolve("bin/java"));
            }
        }
    }

    private static void checkJdk(Path scenarioFile, RunPlan plan, Host host) {
        int jdk = plan.jdk();
        if (host.baseImages().containsKey(jdk) || host.localJdk().apply(jdk).isPresent()
                || host.registryReachable().orElse(true)) {
            return;
        }
        throw ScenarioFile.problemAt(scenarioFile, whereJdksAre(plan), "no image can be had for JDK " + jdk
                + " here: no registry is reachable (to pull eclipse-temurin:" + jdk + "-jdk), no JDK " + jdk
                + " with jlink under /usr/lib/jvm, and no -Doomlab.baseImage." + jdk + "; install a JDK " + jdk
                + " (or name one with -Doomlab.jdkHome." + jdk + "=/path), give an image with -Doomlab.baseImage."
                + jdk + "=<image>, or run where a registry is reachable");
    }

    private static List<String> whereJdksAre(RunPlan plan) {
        if (!plan.config().jdks().isEmpty()) {
            return List.of("configurations", plan.config().name(), "jdks");
        }
        return List.of("scenarios", plan.scenario().name(), "jdks");
    }

    /** The run's own flags, as its JVM gets them; those naming the container's files are the image's business. */
    static List<String> flagsOf(RunPlan plan) {
        // in the order the lab gives them (JavaCommand's groups), the lab's own diagnostics left out
        List<String> flags = new ArrayList<>(JavaCommand.workload(plan.scenario().name(), List.of())
                .withHeap(plan.scenario().heap())
                .withFlags(FlagGroup.SCENARIO, plan.scenario().jvmFlags())
                .withFlags(FlagGroup.CONFIGURATION, plan.config().jvmFlags())
                .jvmFlags(FlagGroup.SCENARIO_HEAP, FlagGroup.SCENARIO, FlagGroup.CONFIGURATION));
        flags.removeIf(flag -> flag.contains("=/opt/") || flag.contains("=/oomlab-out") || flag.startsWith("-javaagent:")
                || flag.startsWith("-agentpath:"));
        // known to every JDK, and would touch every page of a heap of gigabytes just to print a version
        flags.remove("-XX:+AlwaysPreTouch");
        return flags;
    }

    private static void checkFlags(Path scenarioFile, RunPlan plan, Path java) {
        rejection(plan, java).ifPresent(rejected -> {
            boolean fromConfiguration = rejected.culprit() != null
                    && plan.config().jvmFlags().contains(rejected.culprit())
                    && !plan.scenario().jvmFlags().contains(rejected.culprit());
            List<String> where = fromConfiguration ? List.of("configurations", plan.config().name(), "jvmFlags")
                    : !plan.scenario().jvmFlags().isEmpty() ? List.of("scenarios", plan.scenario().name(), "jvmFlags")
                    : List.of("configurations", plan.config().name(), "jvmFlags");
            throw ScenarioFile.problemAt(scenarioFile, where, rejected.text());
        });
    }

    /**
     * The JVM's refusal of a run the lab made up itself (a cure candidate, in no file): its words, in the same
     * sentence the file's check says; empty when the JVM takes the flags, or there is no JDK here to ask.
     */
    public static Optional<String> rejects(RunPlan plan, Host host) {
        return host.localJdk().apply(plan.jdk())
                .flatMap(jdk -> rejection(plan, jdk.resolve("bin/java"))).map(Rejection::text);
    }

    /** @param culprit the flag the JVM named, or null where none does alone */
    private record Rejection(String culprit, String text) {
    }

    private static Optional<Rejection> rejection(RunPlan plan, Path java) {
        if (!Files.isExecutable(java)) {
            return Optional.empty();
        }
        List<String> flags = flagsOf(plan);
        if (flags.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(UNLOCKS);
        command.addAll(flags);
        command.add("-version");
        ProcessResult result = ProcessRunner.run(command, VERSION_TIMEOUT);
        if (result.succeeded()) {
            return Optional.empty();
        }
        String culprit = culprit(result.output(), flags);
        return Optional.of(new Rejection(culprit, (culprit == null ? "the flags " + flags : culprit)
                + " rejected by JDK " + plan.jdk() + " (" + java + " -version, for " + plan.displayName() + "): "
                + jvmWords(result.output())));
    }

    /** The flag the JVM named, or the first one it rejects on its own; null where none does alone. */
    private static String culprit(String output, List<String> flags) {
        Matcher unrecognized = UNRECOGNIZED.matcher(output);
        if (unrecognized.find()) {
            String option = unrecognized.group(1);
            for (String flag : flags) {
                if (flag.contains(option)) {
                    return flag;
                }
            }
        }
        return null;
    }

    /** The JVM's own lines, without the launcher's boilerplate after them. */
    private static String jvmWords(String output) {
        List<String> lines = output.lines().map(String::strip).filter(line -> !line.isEmpty())
                .filter(line -> !line.startsWith("Error: A fatal exception has occurred"))
                .filter(line -> !line.startsWith("Error: Could not create the Java Virtual Machine")).toList();
        return lines.isEmpty() ? "exit " : String.join(" / ", lines.subList(0, Math.min(3, lines.size())));
    }
}

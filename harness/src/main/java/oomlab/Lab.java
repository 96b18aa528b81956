package oomlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import oomlab.container.ContainerOutcome;
import oomlab.container.ContainerRun;
import oomlab.container.ImageFiles;
import oomlab.container.JavaCommand;
import oomlab.container.LabContainer;
import oomlab.container.LabImages;
import oomlab.container.Invocation;
import oomlab.container.LeftoverSweeper;
import oomlab.container.ProgramJars;
import oomlab.container.ResolvedProgram;
import oomlab.container.ServiceLoad;
import oomlab.output.LoadReport;
import oomlab.result.LoadResult;
import oomlab.diagnosis.Diagnose;
import oomlab.diagnosis.Diagnosis;
import oomlab.judgement.Judge;
import oomlab.output.JitEvidence;
import oomlab.output.JvmOutput;
import oomlab.profiling.AllocationProfile;
import oomlab.profiling.JemallocProfile;
import oomlab.profiling.NativememProfile;
import oomlab.profiling.Profiler;
import oomlab.report.ResultFiles;
import oomlab.result.RunIdentity;
import oomlab.result.RunResult;
import oomlab.sampling.MemoryCurve;
import oomlab.sampling.NmtStats;
import oomlab.sampling.ProbeLine;
import oomlab.sampling.ProbeLog;
import oomlab.sampling.SampleLog;
import oomlab.scenario.LabDefinition;
import oomlab.scenario.Program;
import oomlab.scenario.RunPlan;
import oomlab.scenario.Scenario;
import oomlab.scenario.ScenarioFile;
import oomlab.verdict.ExitAnalysis;
import oomlab.verdict.ExitEvidence;
import oomlab.verdict.KernelLog;
import org.testcontainers.DockerClientFactory;

/**
 * The lab's one pipeline: scenario → container run → samplers → verdict → judgement → report. Each stage
 * lives in its own package and hands its own record to the next; this class only passes them along.
 */
public final class Lab {
    static final long PROBE_INTERVAL_MS = 250;

    private final Settings settings;
    /** This invocation, in every container's labels: whose runs they are. */
    private final Invocation invocation = Invocation.current();
    private final LabDefinition definition;
    private final ResultFiles results;
    private final ProgramJars programJars;
    private LabImages images;

    public Lab(Settings settings) {
        this.settings = settings;
        this.definition = ScenarioFile.load(settings.scenarioFile());
        this.results = new ResultFiles(settings.resultsRoot());
        this.programJars = new ProgramJars(settings.scenarioFile(),
                settings.resultsRoot().resolveSibling("oomlab-programs"));
    }

    public LabDefinition definition() {
        return definition;
    }

    /** The runs the settings select (-Dscenario, -Dconfig, -Djdk). */
    public List<RunPlan> selectedRuns() {
        return definition.select(settings.selection());
    }

    public RunResult run(RunPlan plan) {
        return run(plan, results);
    }

    /** One run whose files go under another results folder (the right-sizing search keeps each cap's apart). */
    public RunResult run(RunPlan plan, Path resultsRoot) {
        return run(plan, new ResultFiles(resultsRoot));
    }

    private RunResult run(RunPlan plan, ResultFiles results) {
        Scenario scenario = plan.scenario();
        Path runDir = results.freshRunDir(scenario.name(), plan.runName());
        Program program = scenario.program();
        String image = scenario.runsOwnImage() ? program.image() : images().workloadImage(plan.jdk());
        ResolvedProgram programJar = program == null || scenario.runsOwnImage() ? null : resolve(scenario);
        Profiler profiler = profilerFor(scenario);
        JavaCommand command = javaCommand(scenario, programJar);
        if (settings.probe()) {
            command.withProbe(PROBE_INTERVAL_MS, plan.jdk());
        }
        command.withHeap(scenario.heap())
                .withFlags(scenario.jvmFlags())
                .withFlags(plan.config().jvmFlags());
        if (profiler == Profiler.NATIVEMEM) {
            command.withFlags(List.of(NativememProfile.agentFlag(JavaCommand.OUTPUT_DIR)));
        }
        System.out.printf("[oomlab] %s: %s on JDK %d, cap %s, heap %s, image %s%n", plan.displayName(),
                describe(scenario, image), plan.jdk(), scenario.memory(), scenario.heap(), image);

        Launched launched = new Launched(plan, runDir, image, command, environment(plan, profiler), profiler, results);

        // container run (with its load, for a service) and host sampling
        Duration timeout = settings.timeout(scenario.timeoutSeconds());
        ServiceLoad load = scenario.load() == null ? null : new ServiceLoad(scenario.load(),
                images().workloadImage(plan.jdk()), invocation, timeout, runDir, plan.displayName());
        try (SampleLog samples = new SampleLog(runDir.resolve("rss.csv"), scenario.memory().bytes())) {
            ContainerRun run = new ContainerRun(plan.displayName(),
                    containerFor(plan, image, command, programJar).withEnv(launched.environment()),
                    scenario.memory(), timeout, runDir, samples)
                    .withDockerStatsSampler(settings.dockerStatsSampler())
                    .withCompanion(load);
            ContainerOutcome outcome = run.execute();
            ProbeLog probe = readProbe(runDir.resolve(JavaCommand.PROBE_FILE));
            MemoryCurve curve = memoryCurve(samples, run, outcome, scenario, probe);
            LoadResult loadResult = load == null ? null : new LoadResult(load.outcome(),
                    LoadReport.fromLines(read(runDir.resolve(ServiceLoad.LOG)).lines().toList()).orElse(null));
            return finish(launched, outcome, curve, probe, oomKills(samples, run, outcome), samples.secondsAtCapAtEnd(),
                    loadResult);
        }
    }

    /** What one run started: the plan, where its files go, the image, the JVM's command and environment. */
    private record Launched(RunPlan plan, Path runDir, String image, JavaCommand command,
                            Map<String, String> environment, Profiler profiler, ResultFiles results) {
    }

    /** Verdict, diagnosis, judgement and report, from what the run left. */
    private RunResult finish(Launched launched, ContainerOutcome outcome, MemoryCurve curve, ProbeLog probe,
                             long cgroupOomKills, double secondsAtCapAtEnd, LoadResult load) {
        RunPlan plan = launched.plan();
        Path runDir = launched.runDir();
        String image = launched.image();
        JavaCommand command = launched.command();
        Scenario scenario = plan.scenario();
        JvmOutput output = new JvmOutput(read(runDir.resolve("container.log")));
        List<String> kernelLines = KernelLog.read().map(log -> log.oomKillsOf(outcome.hostPid())).orElse(List.of());
        ExitEvidence evidence = new ExitEvidence(outcome.exitCode(), outcome.dockerOomKilled(),
                (int) Math.max(cgroupOomKills, kernelLines.size()), output.javaOutOfMemoryError(),
                outcome.timedOut(), output.configurationNotApplied(), secondsAtCapAtEnd, outcome.stoppedAfterLoad());
        ExitAnalysis exit = ExitAnalysis.of(evidence, kernelLines, output.jvmErrors());
        JitEvidence jit = output.jit(); // reads the whole compilation log: once

        RunIdentity identity = new RunIdentity(scenario.name(), plan.config().name(), plan.runName(), plan.jdk(),
                probe.jdk().orElse(Integer.toString(plan.jdk())), describe(scenario, image), image,
                scenario.memory().bytes(), scenario.heap().bytes(), scenario.timeoutSeconds(), command.jvmFlags(),
                launched.environment(), scenario.args(),
                scenario.runsOwnImage() ? command.userImageArgv() : command.argv());
        NmtStats nmt = NmtStats.of(probe.lines());
        AllocationProfile allocations = switch (launched.profiler()) {
            case NONE -> null;
            case NATIVEMEM -> NativememProfile.collect(runDir, plan.displayName() + ": native allocations");
            case JEMALLOC -> jemallocProfile(runDir, image);
        };
        Diagnosis diagnosis = Diagnose.of(exit.verdict(), scenario.memory().bytes(), scenario.heap().bytes(),
                command.jvmFlags(), curve, nmt, jit, allocations);
        RunResult unjudged = new RunResult(RunResult.FORMAT_VERSION, identity, outcome, curve, exit,
                output.work().orElse(null), output.service(), load, jit,
                probe.first().map(ProbeLine::malloc).orElse(null),
                nmt, allocations, diagnosis, null);
        RunResult result = unjudged.withJudgement(Judge.judge(unjudged, plan.expectation(),
                scenario.checksFor(plan.config().name()), scenario.reportsWork(), scenario.runsOwnImage()));
        launched.results().write(result, runDir);
        System.out.printf("[oomlab] %s: %s (expected %s), exit %d after %.1f s, peak %d / %d MB, %d samples at"
                        + " %.0f Hz (%s), CPU %.1f s, grew most: %s; judgement %s%n",
                plan.displayName(), exit.verdict(), plan.expectation(), outcome.exitCode(),
                outcome.timeToExitMs() / 1000.0, curve.peakBytes() >> 20, scenario.memory().megabytes(),
                curve.samples(), curve.samplerHz(), curve.sampler(), curve.cpuSeconds(),
                result.nmt().grewMost() == null ? "-" : result.nmt().grewMost(),
                result.judgement().passed() ? "passed" : "FAILED " + result.judgement().failed());
        System.out.printf("[oomlab] %s: %s%n", plan.displayName(), diagnosis.summary());
        if (load != null && load.measured() != null) {
            LoadReport measured = load.measured();
            System.out.printf("[oomlab] %s: load %s %.0f/s target, %.1f/s answered, %d errors, p50 %.1f ms, p99 %.1f ms"
                            + "%s%n", plan.displayName(), measured.protocol(), measured.targetRate(),
                    measured.achievedRate(), measured.errors(), measured.p50Ms(), measured.p99Ms(),
                    measured.completed() ? "" : " (stopped early: the service was gone)");
        }
        return result;
    }

    /**
     * The kills the container's own memory.events counted; where no sample saw one (on cgroup v2 the scope can
     * vanish before the next sample) but the JVM was SIGKILLed, the count its enclosing cgroup added meanwhile.
     */
    private static long oomKills(SampleLog samples, ContainerRun run, ContainerOutcome outcome) {
        if (samples.maxOomKills() > 0 || outcome.exitCode() != ExitEvidence.SIGKILL_EXIT) {
            return samples.maxOomKills();
        }
        long enclosing = run.enclosingOomKills();
        if (enclosing > 0) {
            System.out.printf("[oomlab] the container's cgroup went before a sample saw its oom_kill; its enclosing"
                    + " cgroup counted %d during the run%n", enclosing);
        }
        return enclosing;
    }

    private static MemoryCurve memoryCurve(SampleLog samples, ContainerRun run, ContainerOutcome outcome,
                                           Scenario scenario, ProbeLog probe) {
        long createdToFirst = samples.first() == null || outcome.createdAt() == null ? -1
                : samples.first().epochMs() - outcome.createdAt().toEpochMilli();
        double cpu = samples.last() != null && samples.last().cpuNanos() >= 0 ? samples.last().cpuNanos() / 1e9
                : probe.last().map(line -> line.cpuNanos() / 1e9).orElse(-1.0);
        long peak = Math.max(samples.peakBytes(), run.recordedPeakBytes());
        return new MemoryCurve(run.samplerSource(), samples.count(), samples.hz(), createdToFirst, peak,
                (double) peak / scenario.memory().bytes(), cpu, run.samplerCpuMs());
    }

    /**
     * A user's program, resolved before its first run (Maven coordinates to a whole classpath); what cannot be
     * had is told as a mistake of the scenario file, naming its line.
     */
    private ResolvedProgram resolve(Scenario scenario) {
        try {
            return programJars.resolve(scenario.program());
        } catch (ProgramJars.Unresolvable e) {
            throw ScenarioFile.problemAt(settings.scenarioFile(), List.of("scenarios", scenario.name(), "program",
                    scenario.program().isClasspath() ? "classpath" : "jar"), e.getMessage());
        }
    }

    /** Resolves every selected run's program ahead of the runs, so a bad one fails before any container. */
    public void resolvePrograms(List<RunPlan> plans) {
        plans.stream().map(RunPlan::scenario).distinct()
                .filter(scenario -> scenario.program() != null && !scenario.runsOwnImage())
                .forEach(this::resolve);
    }

    /** The configuration's environment, and the profiler's (the same for every configuration) on top. */
    private static Map<String, String> environment(RunPlan plan, Profiler profiler) {
        Map<String, String> env = new java.util.TreeMap<>(plan.config().env());
        if (profiler == Profiler.JEMALLOC) {
            env.putAll(JemallocProfile.environment(JavaCommand.OUTPUT_DIR));
        }
        return env;
    }

    /** jeprof on the last profile, against the JVM binaries of the very image the run used. */
    private AllocationProfile jemallocProfile(Path runDir, String image) {
        Optional<Path> profile = JemallocProfile.lastProfile(runDir);
        if (profile.isEmpty()) {
            return AllocationProfile.missing(Profiler.JEMALLOC, "no profile: the JVM ended before jemalloc's first"
                    + " dump, or jemalloc was not loaded (see container.log)");
        }
        Optional<String> java = JemallocProfile.javaInImage(profile.get());
        if (java.isEmpty()) {
            return AllocationProfile.missing(Profiler.JEMALLOC, "the profile does not say where the JVM was");
        }
        String jdkHome = Path.of(java.get()).getParent().getParent().toString();
        Path imageRoot = ImageFiles.copyOut(DockerClientFactory.instance().client(), image,
                List.of(java.get(), jdkHome + "/lib/server/libjvm.so", jdkHome + "/lib/libjli.so",
                        JemallocProfile.LIBRARY_IN_IMAGE),
                settings.resultsRoot().resolveSibling("oomlab-image-files"));
        return JemallocProfile.collect(runDir, profile.get(), java.get(), imageRoot);
    }

    /** -Doomlab.profiler over the scenario's own choice; none for a user's image (it has no agent of ours). */
    private Profiler profilerFor(Scenario scenario) {
        Profiler chosen = settings.profiler() != null ? settings.profiler() : scenario.profiler();
        if (chosen != Profiler.NONE && scenario.runsOwnImage()) {
            System.out.printf("[oomlab] %s: profiler %s is not available for a program's own image; running without%n",
                    scenario.name(), chosen);
            return Profiler.NONE;
        }
        return chosen;
    }

    /** The container of one run: the lab's image with the java command, or the user's image with its own. */
    private LabContainer containerFor(RunPlan plan, String image, JavaCommand command, ResolvedProgram programJar) {
        LabContainer container = new LabContainer(image).withOwner(invocation);
        if (plan.scenario().runsOwnImage()) {
            return container.withCommand(command.userImageArgv().toArray(String[]::new))
                    .withEnv("JAVA_TOOL_OPTIONS", command.javaToolOptions())
                    .withReadOnly(workloadsJar(), JavaCommand.PROBE_AGENT_IN_USER_IMAGE);
        }
        container.withCommand(command.argv().toArray(String[]::new)).withHardening();
        if (programJar != null) {
            programJar.mounts().forEach(container::withReadOnly);
        }
        return container;
    }

    private static JavaCommand javaCommand(Scenario scenario, ResolvedProgram programJar) {
        Program program = scenario.program();
        if (program == null) {
            return JavaCommand.workload(scenario.workload(), scenario.args());
        }
        if (scenario.runsOwnImage()) {
            return JavaCommand.userImage(program.command(), scenario.args());
        }
        return JavaCommand.program(programJar.javaStart(), scenario.args());
    }

    private static String describe(Scenario scenario, String image) {
        Program program = scenario.program();
        if (program == null) {
            return scenario.workload();
        }
        if (program.isClasspath()) {
            return "program " + program.mainClass() + " on " + String.join(":", program.classpath());
        }
        return "program " + (program.isImage() ? image : program.jar());
    }

    /** Docker is first touched here, so that bad input fails before any engine is needed. */
    private synchronized LabImages images() {
        if (images == null) {
            System.out.printf("[oomlab] Docker: TESTCONTAINERS_RYUK_DISABLED=%s TESTCONTAINERS_HOST_OVERRIDE=%s%n",
                    settings.ryukDisabled(), settings.hostOverride());
            long start = System.nanoTime();
            var docker = DockerClientFactory.instance().client();
            if (settings.ryukDisabled()) {
                LeftoverSweeper.sweep(docker);
            }
            System.out.printf("[oomlab] Docker engine ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
            images = new LabImages(docker, settings.dockerfiles(), workloadsJar(), settings.imageParts(),
                    settings.registryReachable(), settings.baseImages(), settings.jdkHomes());
        }
        return images;
    }

    /** The workloads jar the build produced (a dependency of the harness), copied into the image as it is. */
    static Path workloadsJar() {
        try {
            Path location = Path.of(oomlab.workloads.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalStateException("The workloads are at " + location + ", not in a jar: run Maven from "
                        + "the project root (mvn test), which packages workloads/ before the harness runs");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProbeLog readProbe(Path file) {
        try {
            return ProbeLog.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package oomlab;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import oomlab.analysis.RunAnalysis;
import oomlab.container.ContainerEngine;
import oomlab.container.DockerEngine;
import oomlab.container.Interruption;
import oomlab.container.RawRun;
import oomlab.launch.Launch;
import oomlab.launch.Launcher;
import oomlab.layout.RunFiles;
import oomlab.result.ResultJson;
import oomlab.container.Invocation;
import oomlab.container.ProgramJars;
import oomlab.container.ResolvedProgram;
import oomlab.output.LoadReport;
import oomlab.result.LoadResult;
import oomlab.profiling.Profiler;
import oomlab.result.ResultStore;
import oomlab.result.RunResult;
import oomlab.scenario.LabDefinition;
import oomlab.scenario.RunPlan;
import oomlab.scenario.Scenario;
import oomlab.scenario.ScenarioFile;

/**
 * The lab's one pipeline: launch ({@link Launcher}: the plan to a {@link Launch} and a container spec) → raw run
 * ({@link oomlab.container.ContainerRunner}: the container to its end, a {@link RawRun}) → analysis ({@link RunAnalysis}: the run's
 * files and the raw run to a {@link RunResult}) → result files. Each stage lives in its own package and hands its
 * own record to the next; this class only passes them along, and writes launch.json and raw-run.json between,
 * so that a run's folder can be analysed again without Docker.
 */
public final class Lab {

    private final Settings settings;
    private final LabDefinition definition;
    private final ResultStore results;
    private final ProgramJars programJars;
    private final ContainerEngine engine;
    private final oomlab.console.Console console;
    /** A run was made: the engine has been touched, and is asked whether it still answers before the next. */
    private volatile boolean engineTouched;
    /** A run of this invocation lost the Docker engine: the container it kept is removed once one answers. */
    private volatile boolean engineWasLost;

    /**
     * The lab over the engine given: Docker's ({@link #dockerEngine}) or, in tests, one that replays runs.
     *
     * @param console where the lab says what it does (progress, outcomes)
     */
    public Lab(Settings settings, ContainerEngine engine, oomlab.console.Console console) {
        this.console = console;
        this.settings = settings;
        this.definition = ScenarioFile.load(settings.scenarioFile());
        this.results = new ResultStore(settings.resultsRoot());
        this.programJars = new ProgramJars(settings.scenarioFile(),
                settings.resultsRoot().resolveSibling("oomlab-programs"));
        this.engine = engine;
    }

    /** Docker through Testcontainers, with the images the settings say; nothing is asked of Docker until a run. */
    public static ContainerEngine dockerEngine(Settings settings, oomlab.console.Console console) {
        return new DockerEngine(Invocation.current(), new DockerEngine.ImageSettings(settings.dockerfiles(),
                settings.imageParts(), settings.registryReachable(), settings.baseImages(), settings.jdkHomes(),
                workloadsJar(), settings.resultsRoot().toAbsolutePath().getParent()), settings.ryukDisabled(),
                settings.dockerStatsSampler(), "TESTCONTAINERS_RYUK_DISABLED=" + settings.ryukDisabled()
                + " TESTCONTAINERS_HOST_OVERRIDE=" + settings.hostOverride(), console);
    }

    public ContainerEngine engine() {
        return engine;
    }

    public oomlab.console.Console console() {
        return console;
    }

    public LabDefinition definition() {
        return definition;
    }

    /** The runs the settings select (-Dscenario, -Dconfig, -Djdk). */
    public List<RunPlan> selectedRuns() {
        return definition.select(settings.selection());
    }

    /** The REPORT runs the selection leaves out (a plain mvn test makes the runs that assert a verdict). */
    public List<String> reportRunsLeftOut() {
        return definition.reportRunsLeftOut(settings.selection());
    }

    public RunResult run(RunPlan plan) {
        return run(plan, results);
    }

    /** One run whose files go under another results folder (the right-sizing search keeps each cap's apart). */
    public RunResult run(RunPlan plan, Path resultsRoot) {
        return run(plan, new ResultStore(resultsRoot));
    }

    private RunResult run(RunPlan plan, ResultStore results) {
        if (Interruption.requested()) { // the harness is on its way out: start nothing more
            throw new IllegalStateException(plan.displayName() + ": not started, the harness was interrupted");
        }
        Scenario scenario = plan.scenario();
        if (engineTouched && !engine.answers()) {
            // the machine's failure, said as such: not a run of the JVM that failed
            throw new IllegalStateException(plan.displayName() + ": not started: the Docker engine does not answer"
                    + " (it stopped during this invocation; start it again, e.g. dockerd or systemctl start docker)");
        }
        if (engineWasLost) { // the engine is back: what it kept of the run it lost goes now
            engine.sweepOwn();
            engineWasLost = false;
        }
        engineTouched = true;
        requireRoomFor(plan, results.root());
        Path runDir = results.freshRunDir(scenario.name(), plan.runName());
        String image = scenario.runsOwnImage() ? scenario.program().image() : engine.workloadImage(plan.jdk());
        ResolvedProgram program = scenario.program() == null || scenario.runsOwnImage() ? null : resolve(scenario);
        Launcher.Launched launched = Launcher.launch(plan, image, program, profilerFor(scenario), settings.probe(),
                settings.timeout(scenario.timeoutSeconds()), runDir, workloadsJar(),
                scenario.load() == null ? null : engine.workloadImage(plan.jdk()));
        RunFiles files = new RunFiles(runDir);
        ResultJson.writeRecord(files.file(RunFiles.LAUNCH), launched.launch());
        console.printf("[oomlab] %s: %s on JDK %d, cap %s, heap %s, image %s%n", plan.displayName(),
                Launcher.describe(scenario, image), plan.jdk(), scenario.memory(), scenario.heap(), image);

        Interruption.begin(); // a SIGTERM from here on waits for this run's result to be written
        try {
            RawRun raw = engine.runner().run(launched.container(), loadEndOf(scenario));
            engineWasLost |= raw.outcome().engineLost() != null;
            ResultJson.writeRecord(files.file(RunFiles.RAW_RUN), raw);
            RunResult result = RunAnalysis.analyse(launched.launch(), raw, files, this::copyOutOfImage);
            try {
                results.write(result, runDir);
            } catch (java.io.UncheckedIOException e) {
                throw new IllegalStateException(plan.displayName() + ": its result could not be written to " + runDir
                        + " (" + e.getCause().getMessage() + "); the runs written before stay readable", e);
            }
            printOutcome(plan, result);
            return result;
        } finally {
            Interruption.end();
        }
    }

    /** A run writes its curve, the JVM's logs and its result as it goes: this much room, or it does not start. */
    static final long ROOM_FOR_A_RUN = 64L << 20;

    /**
     * The results folder must have room for a run's files; a full disk is said once, plainly, before the run
     * rather than as a half-written run (the runs written before stay whole: every file is written beside and
     * moved into place).
     */
    private static void requireRoomFor(RunPlan plan, Path root) {
        try {
            Path existing = root;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return;
            }
            long free = Files.getFileStore(existing).getUsableSpace();
            if (free < ROOM_FOR_A_RUN) {
                throw new IllegalStateException(plan.displayName() + ": not started: the results folder " + root
                        + " has " + (free >> 20) + " MB free, a run needs about " + (ROOM_FOR_A_RUN >> 20)
                        + " MB; the runs written before stay readable there (free some space, or give another folder"
                        + " with -Doomlab.results=DIR)");
            }
        } catch (java.io.IOException e) {
            // the store cannot say: the run goes on, and a full disk is said when a file cannot be written
        }
    }

    private void printOutcome(RunPlan plan, RunResult result) {
        // REPORT expects no verdict (a library test's own assertions judge the run): "recorded", not "expected REPORT"
        String expected = plan.expectation().toString().equals(oomlab.scenario.Expectation.REPORT)
                ? "recorded, no verdict expected" : "expected " + plan.expectation();
        console.printf("[oomlab] %s: %s (%s), exit %d after %.1f s, peak %d / %d MB, %d samples at"
                        + " %.0f Hz (%s), CPU %.1f s, grew most: %s; judgement %s%n",
                plan.displayName(), result.exit().verdict(), expected, result.container().exitCode(),
                result.container().timeToExitMs() / 1000.0, result.memory().peakBytes() >> 20,
                result.run().capBytes() >> 20, result.memory().samples(), result.memory().samplerHz(),
                result.memory().sampler(), result.memory().cpuSeconds(),
                result.nmt().grewMost() == null ? "-" : result.nmt().grewMost(),
                result.judgement().passed() ? "passed" : "FAILED " + result.judgement().failed());
        console.printf("[oomlab] %s: %s%n", plan.displayName(), result.diagnosis().summary());
        LoadResult load = result.load();
        if (load != null && load.measured() != null) {
            LoadReport measured = load.measured();
            console.printf("[oomlab] %s: load %s %.0f/s target, %.1f/s answered, %d errors, p50 %.1f ms, p99 %.1f ms"
                            + "%s%n", plan.displayName(), measured.protocol(), measured.targetRate(),
                    measured.achievedRate(), measured.errors(), measured.p50Ms(), measured.p99Ms(),
                    measured.completed() ? "" : " (" + load.ending() + ")");
        }
    }

    /** When the scenario's load may end early: an until-steady load when its answer is known; a fixed one never. */
    private static oomlab.container.LoadEnd loadEndOf(Scenario scenario) {
        if (scenario.load() == null || scenario.load().untilSteady() == null) {
            return oomlab.container.LoadEnd.NEVER;
        }
        return new oomlab.analysis.SteadyWatch(scenario.load().untilSteady(),
                new oomlab.analysis.SteadyState.Limits(scenario.memory().bytes(), scenario.heap().bytes()));
    }

    /** The image's files jeprof needs, copied out through the engine (kept between runs). */
    private Path copyOutOfImage(String image, List<String> paths) {
        return engine.copyOutOfImage(image, paths);
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

    /**
     * The program's jars and class folders on this machine (the cure search reads the bytecode of the methods C2
     * never finished); empty for the lab's own workloads (on the lab's classpath) and for a program's own image.
     */
    public List<Path> programClasspath(Scenario scenario) {
        if (scenario.program() == null || scenario.runsOwnImage()) {
            return List.of();
        }
        return List.copyOf(resolve(scenario).mounts().keySet());
    }

    /** At the end of a session: this invocation's containers the engine kept when it stopped answering, removed. */
    public void sweepOwnLeftovers() {
        if (engineWasLost && engine.answers()) {
            engine.sweepOwn();
            engineWasLost = false;
        }
    }

    /** Resolves every selected run's program ahead of the runs, so a bad one fails before any container. */
    public void resolvePrograms(List<RunPlan> plans) {
        plans.stream().map(RunPlan::scenario).distinct()
                .filter(scenario -> scenario.program() != null && !scenario.runsOwnImage())
                .forEach(this::resolve);
    }

    /** -Doomlab.profiler over the scenario's own choice; none for a user's image (it has no agent of ours). */
    private Profiler profilerFor(Scenario scenario) {
        Profiler chosen = settings.profiler() != null ? settings.profiler() : scenario.profiler();
        if (chosen != Profiler.NONE && scenario.runsOwnImage()) {
            console.printf("[oomlab] %s: profiler %s is not available for a program's own image; running without%n",
                    scenario.name(), chosen);
            return Profiler.NONE;
        }
        return chosen;
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
}

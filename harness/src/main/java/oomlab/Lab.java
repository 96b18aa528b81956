package oomlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import oomlab.container.ContainerOutcome;
import oomlab.container.ContainerRun;
import oomlab.container.JavaCommand;
import oomlab.container.LabContainer;
import oomlab.container.LabImages;
import oomlab.container.LeftoverSweeper;
import oomlab.container.ProgramJars;
import oomlab.report.JitEvidence;
import oomlab.verdict.JvmErrors;
import oomlab.report.NmtGrowth;
import oomlab.report.NmtSummaryStats;
import oomlab.report.ResultFiles;
import oomlab.report.RunResult;
import oomlab.report.WorkReport;
import oomlab.sampling.ProbeLine;
import oomlab.sampling.ProbeLog;
import oomlab.sampling.SampleLog;
import oomlab.scenario.LabDefinition;
import oomlab.scenario.Program;
import oomlab.scenario.RunPlan;
import oomlab.scenario.Scenario;
import oomlab.scenario.ScenarioFile;
import oomlab.verdict.ExitEvidence;
import oomlab.verdict.KernelLog;
import oomlab.verdict.Verdict;
import oomlab.verdict.VerdictRules;
import org.testcontainers.DockerClientFactory;

/**
 * The lab's one pipeline: scenario → container run → samplers → verdict → report. Each stage lives in its
 * own package; this class only hands the output of one to the next.
 */
public final class Lab {
    static final long PROBE_INTERVAL_MS = 250;

    private final LabDefinition definition;
    private final Path dockerfiles;
    private final Path imageParts;
    private final ResultFiles results;
    private final ProgramJars programJars;
    private final boolean registryReachable;
    private LabImages images;

    public Lab(LabDefinition definition, Path dockerfiles, Path imageParts, Path resultsRoot,
               boolean registryReachable) {
        this.definition = definition;
        this.dockerfiles = dockerfiles;
        this.imageParts = imageParts;
        this.results = new ResultFiles(resultsRoot);
        this.programJars = new ProgramJars(definition.file(), resultsRoot.resolveSibling("oomlab-programs"));
        this.registryReachable = registryReachable;
    }

    /** As the Maven build configures it (see harness/pom.xml); paths default to the project layout. */
    public static Lab fromSystemProperties() {
        Path scenarios = Path.of(System.getProperty("oomlab.scenarios", "scenarios.yaml"));
        Path dockerfiles = Path.of(System.getProperty("oomlab.dockerfiles", "dockerfiles"));
        Path imageParts = Path.of(System.getProperty("oomlab.imageParts", "target/image-parts"));
        Path resultsRoot = Path.of(System.getProperty("oomlab.results", "target/oomlab"));
        boolean registry = !"false".equals(System.getProperty("oomlab.registryReachable"));
        return new Lab(ScenarioFile.load(scenarios), dockerfiles, imageParts, resultsRoot, registry);
    }

    public LabDefinition definition() {
        return definition;
    }

    public RunResult run(RunPlan plan) {
        Scenario scenario = plan.scenario();
        Path runDir = results.freshRunDir(scenario.name(), plan.runName());
        Program program = scenario.program();
        String image = scenario.runsOwnImage() ? program.image() : images().workloadImage(plan.jdk());
        Path programJar = program == null || scenario.runsOwnImage() ? null : programJars.resolve(program);
        JavaCommand command = javaCommand(scenario, programJar)
                .withProbe(PROBE_INTERVAL_MS)
                .withHeap(scenario.heap())
                .withFlags(scenario.jvmFlags())
                .withFlags(plan.config().jvmFlags());
        System.out.printf("[oomlab] %s: %s on JDK %d, cap %s, heap %s, image %s%n", plan.displayName(),
                program == null ? scenario.workload() : "program " + (program.isImage() ? image : program.jar()),
                plan.jdk(), scenario.memory(), scenario.heap(), image);

        ContainerOutcome outcome;
        SamplingSummary sampling;
        try (SampleLog samples = new SampleLog(runDir.resolve("rss.csv"))) {
            LabContainer container = containerFor(plan, image, command, programJar);
            outcome = new ContainerRun(plan.displayName(), container, scenario.memory(),
                    Duration.ofSeconds(scenario.timeoutSeconds()), runDir, samples).execute();
            sampling = SamplingSummary.of(samples, outcome);
        }

        String containerLog = read(runDir.resolve("container.log"));
        ProbeLog probe = readProbe(runDir.resolve(JavaCommand.PROBE_FILE));
        List<String> kernelLines = KernelLog.read().map(log -> log.oomKillsOf(outcome.hostPid())).orElse(List.of());
        List<String> jvmErrors = JvmErrors.in(containerLog);
        ExitEvidence evidence = new ExitEvidence(outcome.exitCode(), outcome.dockerOomKilled(),
                (int) Math.max(sampling.cgroupOomKills(), kernelLines.size()),
                containerLog.contains("java.lang.OutOfMemoryError"), outcome.timedOut(),
                JvmErrors.configurationNotApplied(jvmErrors));
        Verdict verdict = VerdictRules.decide(evidence);
        return report(plan, image, command, runDir, outcome, sampling, containerLog, probe, kernelLines,
                jvmErrors, evidence, verdict);
    }

    /** The container of one run: the lab's image with the java command, or the user's image with its own. */
    private LabContainer containerFor(RunPlan plan, String image, JavaCommand command, Path programJar) {
        LabContainer container = new LabContainer(image).withEnv(plan.config().env());
        if (plan.scenario().runsOwnImage()) {
            return container.withCommand(command.userImageArgv().toArray(String[]::new))
                    .withEnv("JAVA_TOOL_OPTIONS", command.javaToolOptions())
                    .withReadOnly(workloadsJar(), JavaCommand.PROBE_AGENT_IN_USER_IMAGE);
        }
        container.withCommand(command.argv().toArray(String[]::new));
        if (programJar != null) {
            container.withReadOnly(programJar, JavaCommand.PROGRAM_DIR + "/" + programJar.getFileName());
        }
        return container;
    }

    private RunResult report(RunPlan plan, String image, JavaCommand command, Path runDir, ContainerOutcome outcome,
                             SamplingSummary sampling, String containerLog, ProbeLog probe, List<String> kernelLines,
                             List<String> jvmErrors, ExitEvidence evidence, Verdict verdict) {
        Scenario scenario = plan.scenario();

        Map<String, Long> nmtFirst = probe.first().map(ProbeLine::nmt).orElse(Map.of());
        Map<String, Long> nmtLast = probe.last().map(ProbeLine::nmt).orElse(Map.of());
        NmtGrowth growth = NmtGrowth.between(nmtFirst, nmtLast);
        NmtSummaryStats nmt = NmtSummaryStats.of(probe.lines());
        double cpuSeconds = sampling.cpuSeconds() >= 0 ? sampling.cpuSeconds()
                : probe.last().map(line -> line.cpuNanos() / 1e9).orElse(-1.0);
        WorkReport work = WorkReport.fromOutput(containerLog).orElse(null);
        JitEvidence jit = JitEvidence.fromOutput(containerLog);
        Verdict expected = plan.expectedVerdict().orElse(null);
        RunResult result = new RunResult(
                scenario.name(), plan.runName(), probe.jdk().orElse(Integer.toString(plan.jdk())), plan.jdk(),
                verdict, expected, expected == null || verdict == expected,
                outcome.exitCode(), outcome.dockerOomKilled(), evidence.kernelOomKills(), kernelLines,
                evidence.javaOutOfMemoryError(),
                scenario.memory().bytes(), scenario.heap().bytes(), sampling.peakBytes(),
                (double) sampling.peakBytes() / scenario.memory().bytes(),
                outcome.timeToExitMs(), sampling.createdToFirstSampleMs(),
                sampling.count(), sampling.hz(), outcome.sampler(), cpuSeconds,
                work, work == null ? null : work.cpuSecondsPerUnit(),
                jit.methodsByCompiler(), jit.lines(), jvmErrors, probe.first().map(ProbeLine::malloc).orElse(null),
                image, command.jvmFlags(), plan.config().env(), scenario.args(),
                scenario.runsOwnImage() ? command.userImageArgv() : command.argv(),
                outcome.containerId(), outcome.startedAt(), outcome.finishedAt(),
                probe.lines().size(), nmtFirst, nmtLast, nmt.peakByCategory(), growth.bytesByCategory(),
                growth.dominant().orElse(null), nmt.unexplainedBytesAtPeak(), nmt.unexplainedGrowthBytes());
        results.write(result, runDir);
        System.out.printf("[oomlab] %s: %s (expected %s), exit %d after %.1f s, peak %d / %d MB, %d samples at %.0f Hz"
                        + " (%s), CPU %.1f s, NMT grew most: %s%n",
                plan.displayName(), verdict, expected == null ? "REPORT" : expected, outcome.exitCode(),
                outcome.timeToExitMs() / 1000.0, sampling.peakBytes() >> 20, scenario.memory().megabytes(),
                sampling.count(), sampling.hz(), outcome.sampler(), cpuSeconds, growth.dominant().orElse("-"));
        return result;
    }

    private static JavaCommand javaCommand(Scenario scenario, Path programJar) {
        Program program = scenario.program();
        if (program == null) {
            return JavaCommand.workload(scenario.workload(), scenario.args());
        }
        if (scenario.runsOwnImage()) {
            return JavaCommand.userImage(program.command(), scenario.args());
        }
        return JavaCommand.jar(programJar.getFileName().toString(), program.mainClass(), scenario.args());
    }

    /** The host sampler's figures, taken before its log is closed. */
    private record SamplingSummary(long count, double hz, long peakBytes, long cgroupOomKills,
                                   long createdToFirstSampleMs, double cpuSeconds) {
        static SamplingSummary of(SampleLog samples, ContainerOutcome outcome) {
            long createdToFirst = samples.first() == null || outcome.createdAt() == null ? -1
                    : samples.first().epochMs() - outcome.createdAt().toEpochMilli();
            double cpu = samples.last() == null || samples.last().cpuNanos() < 0 ? -1
                    : samples.last().cpuNanos() / 1e9;
            return new SamplingSummary(samples.count(), samples.hz(),
                    Math.max(samples.peakBytes(), outcome.samplerRecordedPeakBytes()), samples.maxOomKills(),
                    createdToFirst, cpu);
        }
    }

    /** Docker is first touched here, so that bad input fails before any engine is needed. */
    private synchronized LabImages images() {
        if (images == null) {
            System.out.printf("[oomlab] Docker: TESTCONTAINERS_RYUK_DISABLED=%s TESTCONTAINERS_HOST_OVERRIDE=%s%n",
                    System.getenv("TESTCONTAINERS_RYUK_DISABLED"), System.getenv("TESTCONTAINERS_HOST_OVERRIDE"));
            long start = System.nanoTime();
            var docker = DockerClientFactory.instance().client();
            if (Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
                LeftoverSweeper.sweep(docker);
            }
            System.out.printf("[oomlab] Docker engine ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
            images = new LabImages(docker, dockerfiles, workloadsJar(), imageParts, registryReachable);
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

package oomlab.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import oomlab.CureSearch;
import oomlab.LabSession;
import oomlab.RightSizer;
import oomlab.Settings;
import oomlab.cure.CureAnswer;
import oomlab.layout.RunFiles;
import oomlab.report.Outputs;
import oomlab.result.ResultJson;
import oomlab.result.RunResult;
import oomlab.scenario.RunPlan;
import oomlab.scenario.Selection;
import oomlab.sizing.SizingResult;

/**
 * The lab, as a test sees it (given by {@link OomLabExtension} to a test's parameter): runs of a scenario
 * written in code ({@link LabScenario}) or in a scenarios.yaml of the project's, each a real run in a real
 * memory-capped container, judged and written under the results folder (by default the project's
 * target/oomlab), with report.html written there when the test class ends. The same session as every other
 * entry point of the lab, over the same stages.
 */
public final class OomLab {
    private final Settings base;
    private final Path scenarios;
    /** The cure searches' answers so far: one cures.json for all of them, as the matrix writes it. */
    private final List<CureAnswer> cureAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Where the runs happen, for every call of this lab: its images are made once, for the first run. */
    private final oomlab.container.ContainerEngine engine;
    private final oomlab.console.Console console;

    OomLab(Settings base) {
        this(base, oomlab.Lab.dockerEngine(base, oomlab.console.Console.STANDARD_OUT),
                oomlab.console.Console.STANDARD_OUT);
    }

    /** The lab over another engine and console: the tests' replay of recorded runs. */
    OomLab(Settings base, oomlab.container.ContainerEngine engine, oomlab.console.Console console) {
        this.base = base;
        this.console = console;
        this.engine = engine;
        this.scenarios = base.resultsRoot().resolveSibling("oomlab-scenarios");
    }

    public Path resultsFolder() {
        return base.resultsRoot();
    }

    /** One configuration of the scenario: the run's result and its folder. */
    public LabRun run(LabScenario scenario, String config) {
        return run(write(scenario), scenario.name(), config);
    }

    /** Every configuration the scenario names, one after the other, in its order. */
    public List<LabRun> runAll(LabScenario scenario) {
        Path file = write(scenario);
        List<LabRun> runs = new ArrayList<>();
        for (String config : scenario.configurationNames()) {
            runs.add(run(file, scenario.name(), config));
        }
        return runs;
    }

    /** One configuration of a scenario in a scenario file of the project's own (e.g. src/test/resources). */
    public LabRun run(Path scenarioFile, String scenario, String config) {
        return run(scenarioFile, scenario, config, 0);
    }

    /** One run of a configuration, as the {@code repeat}-th of its kind (0: the only one; its folder c2-r2, ...). */
    private LabRun run(Path scenarioFile, String scenario, String config, int repeat) {
        LabSession session = open(scenarioFile, scenario, config);
        RunPlan plan = session.plans().get(0);
        RunResult result = session.run(repeat == 0 ? plan : plan.repeated(repeat));
        return new LabRun(result, folderOf(result));
    }

    /**
     * What {@code candidate} costs against {@code baseline} once both are steady: their steady CPU per 1,000 requests
     * (result.json load.steady), measured in {@code rounds} interleaved rounds (baseline, candidate, baseline, ...:
     * a drift of a shared machine lands on both) and given as the cure search gives its prices — the geometric mean
     * of the rounds' ratios with its 95% interval ({@link oomlab.cure.Ratio#describe()}: "1.79x [1.32-2.43]"). A
     * round where either never got steady is left out, and said; with none left, it fails saying why.
     */
    public SteadyComparison compareSteadyCpu(LabScenario scenario, String candidate, String baseline, int rounds) {
        Path file = write(scenario);
        List<double[]> pairs = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<LabRun> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            LabRun base = run(file, scenario.name(), baseline, round);
            LabRun other = run(file, scenario.name(), candidate, round);
            runs.add(base);
            runs.add(other);
            oomlab.analysis.SteadyState baseSteady = steadyOf(base);
            oomlab.analysis.SteadyState otherSteady = steadyOf(other);
            if (baseSteady != null && baseSteady.steady() && otherSteady != null && otherSteady.steady()) {
                pairs.add(new double[] {otherSteady.cpuMsPer1000(), baseSteady.cpuMsPer1000()});
            } else {
                leftOut.add("round " + round + ": " + (baseSteady == null || !baseSteady.steady()
                        ? baseline + " " + why(baseSteady) : candidate + " " + why(otherSteady)));
            }
        }
        oomlab.cure.Ratio ratio = oomlab.cure.Ratio.ofPairs(pairs);
        if (ratio == null) {
            throw new AssertionError("no round measured both " + candidate + " and " + baseline + " steady: "
                    + String.join("; ", leftOut));
        }
        SteadyComparison comparison = new SteadyComparison(candidate, baseline, ratio, leftOut, runs);
        console.println("[oomlab] " + scenario.name() + ": " + comparison.describe());
        return comparison;
    }

    /**
     * Steady CPU of one configuration against another, from interleaved rounds.
     *
     * @param ratio   candidate ÷ baseline, steady CPU per 1,000 requests, with its interval
     * @param leftOut the rounds left out, each with why (never steady, in the JVM's words)
     * @param runs    every run made, in order
     */
    public record SteadyComparison(String candidate, String baseline, oomlab.cure.Ratio ratio, List<String> leftOut,
                                   List<LabRun> runs) {
        /** e.g. "c1 ÷ c2, steady CPU per 1,000 requests: 1.79x [1.32-2.43] over 3 rounds". */
        public String describe() {
            return candidate + " ÷ " + baseline + ", steady CPU per 1,000 requests: " + ratio.describe() + " over "
                    + ratio.pairs() + " round(s)" + (leftOut.isEmpty() ? "" : "; left out: " + String.join("; ", leftOut));
        }
    }

    private static oomlab.analysis.SteadyState steadyOf(LabRun run) {
        return run.result().load() == null ? null : run.result().load().steady();
    }

    private static String why(oomlab.analysis.SteadyState steady) {
        return steady == null ? "had no load to be steady under" : steady.why();
    }

    /**
     * The smallest cap at which the configuration survives (the right-sizing search, each cap a real run under
     * the same load), between the scenario's {@code rightSizing} bounds.
     */
    public SizingResult smallestSurvivingCap(LabScenario scenario, String config) {
        LabSession session = open(write(scenario), scenario.name(), config);
        return RightSizer.search(session.lab(), session.plans().get(0), base.resultsRoot());
    }

    /**
     * The cure search for a run that was killed: candidates from its diagnosis, each measured under the same load
     * (cures.md and cures.json in the results folder); empty when the run was not killed.
     */
    public Optional<CureAnswer> cures(LabScenario scenario, String config) {
        LabSession session = open(write(scenario), scenario.name(), config);
        RunPlan plan = session.plans().get(0);
        RunResult first = session.run(plan);
        if (!CureSearch.wantsCure(first)) {
            return Optional.empty();
        }
        CureAnswer answer = CureSearch.search(session, plan, first);
        cureAnswers.add(answer);
        CureSearch.report(session, List.copyOf(cureAnswers)); // cures.json keeps every search's answer
        return Optional.of(answer);
    }

    /** report.html and summary.md for everything under the results folder, as the lab writes them. */
    Path writeReport() {
        if (!Files.isDirectory(base.resultsRoot())) {
            return null;
        }
        ResultJson.Folder folder = ResultJson.readFolder(base.resultsRoot());
        return folder.results().isEmpty() ? null : Outputs.writeRuns(base.resultsRoot(), folder.results());
    }

    private LabSession open(Path scenarioFile, String scenario, String config) {
        Settings settings = base.withScenarioFile(scenarioFile)
                .withSelection(Selection.ALL.scenarios(scenario).configs(config));
        LabSession session = LabSession.open(settings, engine, console); // a mistake: LabSession.BadInput, one line, no container
        if (session.plans().isEmpty()) {
            throw new IllegalArgumentException(scenarioFile + ": no run of scenario '" + scenario + "' under '" + config
                    + "' (is the configuration under the scenario's expect, and its JDK one the scenario runs?)");
        }
        return session;
    }

    /** The scenario as a file beside the results (the same reader as scenarios.yaml's, the same messages). */
    private Path write(LabScenario scenario) {
        try {
            Files.createDirectories(scenarios);
            Path file = scenarios.resolve(scenario.name() + ".yaml");
            Files.writeString(file, scenario.toYaml());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path folderOf(RunResult result) {
        return RunFiles.under(base.resultsRoot(), result.run().scenario(), result.run().runName()).dir();
    }

    /** The files of a run, named the lab's way (for a message or a test that reads one). */
    public static Path file(LabRun run, String name) {
        return new RunFiles(run.folder()).file(name);
    }
}

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
import oomlab.report.ReportWriter;
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
        LabSession session = open(scenarioFile, scenario, config);
        RunPlan plan = session.plans().get(0);
        RunResult result = session.run(plan);
        return new LabRun(result, folderOf(result));
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
        return folder.results().isEmpty() ? null : ReportWriter.writeAll(base.resultsRoot(), folder.results());
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
        return base.resultsRoot().resolve(result.run().scenario()).resolve(result.run().runName());
    }

    /** The files of a run, named the lab's way (for a message or a test that reads one). */
    public static Path file(LabRun run, String name) {
        return new RunFiles(run.folder()).file(name);
    }
}

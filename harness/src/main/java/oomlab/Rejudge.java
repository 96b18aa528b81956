package oomlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import oomlab.compare.BaselineComparison;
import oomlab.compare.RunComparison;
import oomlab.judgement.Judge;
import oomlab.report.Outputs;
import oomlab.report.SummaryTable;
import oomlab.result.ResultJson;
import oomlab.result.RunResult;
import oomlab.scenario.LabDefinition;
import oomlab.scenario.RunPlan;
import oomlab.scenario.ScenarioFile;
import oomlab.scenario.ScenarioFileException;
import oomlab.scenario.Tolerances;

/**
 * Judges a saved results folder again against the scenario file as it is now, and prints the table. Needs
 * no Docker: it reads result.json files only. Exit code 0 when every run passed, 1 when one failed, 2 when
 * the input could not be read.
 *
 * <p>{@code mvn -q compile exec:java} runs it on target/oomlab; {@code -Doomlab.results=DIR} and
 * {@code -Doomlab.scenarios=FILE} point it elsewhere (e.g. a CI artifact).
 */
public final class Rejudge {
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private Rejudge() {
    }

    public static void main(String[] args) throws IOException {
        Settings settings;
        try {
            settings = Settings.fromSystem().withArguments(args);
        } catch (IllegalArgumentException e) {
            System.err.println("[oomlab] " + e.getMessage());
            System.exit(BAD_INPUT);
            return;
        }
        System.exit(run(settings.resultsRoot(), settings.scenarioFile(), settings.baseline(), System.out));
    }

    static int run(Path resultsRoot, Path scenarioFile, Appendable out) throws IOException {
        return run(resultsRoot, scenarioFile, null, out);
    }

    /**
     * The exit code: {@link #PASSED}, {@link #FAILED} (a judgement failed, or a regression against the
     * baseline) or {@link #BAD_INPUT}.
     *
     * @param baseline a results folder to compare with, or null
     */
    static int run(Path resultsRoot, Path scenarioFile, Path baseline, Appendable out) throws IOException {
        if (!Files.isDirectory(resultsRoot)) {
            out.append("No results under ").append(resultsRoot.toAbsolutePath().toString())
                    .append(": run `mvn test` first, or name a folder with -Doomlab.results=DIR\n");
            return BAD_INPUT;
        }
        LabDefinition definition;
        try {
            // the file's own rules only: results made on a bigger machine are judged again on a small one
            definition = ScenarioFile.load(scenarioFile, ScenarioFile.Host.NONE);
        } catch (ScenarioFileException e) {
            out.append(e.getMessage()).append('\n');
            return BAD_INPUT;
        }
        ResultJson.Folder folder = ResultJson.readFolder(resultsRoot);
        List<RunResult> judged = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RunResult saved : folder.results()) {
            Optional<RunPlan> plan = definition.planFor(saved.run().scenario(), saved.run().config(),
                    saved.run().jdkMajor());
            if (plan.isEmpty() && oomlab.cure.Cure.isCureRun(saved.run().config())) {
                judged.add(saved); // a cure search's candidate: a configuration the search made, no expectation
                continue;
            }
            if (plan.isEmpty()) {
                notes.add(saved.run().displayName() + ": no longer run by " + scenarioFile.getFileName()
                        + "; its saved judgement is shown");
                judged.add(saved);
                continue;
            }
            judged.add(saved.withJudgement(Judge.judge(saved, plan.get().expectation(),
                    plan.get().scenario().checksFor(saved.run().config()), plan.get().scenario().reportsWork(),
                    plan.get().scenario().runsOwnImage())));
        }
        // the scenarios in the file's order (the incident where its author put it, not byo-classpath first), and
        // within one the configurations in the file's order, repeats and cures after their original
        List<String> scenarioOrder = new ArrayList<>(definition.scenarios().keySet());
        List<String> configOrder = new ArrayList<>(definition.configurations().keySet());
        judged.sort(java.util.Comparator
                .comparingInt((RunResult r) -> indexOr(scenarioOrder, r.run().scenario()))
                .thenComparingInt(r -> indexOr(configOrder, r.run().config()))
                .thenComparing(r -> r.run().runName()));
        out.append("Judged ").append(Integer.toString(judged.size())).append(" run(s) under ")
                .append(resultsRoot.toString()).append(" against ").append(scenarioFile.toString()).append("\n\n");
        new SummaryTable().write(judged, out);
        for (String note : notes) {
            out.append("note: ").append(note).append('\n');
        }
        for (String problem : folder.unreadable()) {
            out.append("unreadable: ").append(problem).append('\n');
        }
        if (!judged.isEmpty()) {
            Path report = Outputs.writeRuns(resultsRoot, judged);
            out.append("\nReport: ").append(report.toAbsolutePath().toString()).append('\n');
        }
        if (judged.isEmpty() || !folder.unreadable().isEmpty()) {
            return BAD_INPUT;
        }
        boolean regressions = false;
        if (baseline != null) {
            if (!Files.isDirectory(baseline)) {
                out.append("No baseline results under ").append(baseline.toAbsolutePath().toString()).append('\n');
                return BAD_INPUT;
            }
            ResultJson.Folder before = ResultJson.readFolder(baseline);
            List<RunComparison> comparisons = BaselineComparison.compare(before.results(), judged,
                    scenario -> definition.scenarios().containsKey(scenario)
                            ? definition.scenarios().get(scenario).tolerances() : Tolerances.DEFAULT);
            Path written = Outputs.comparisonWith(baseline).writeTo(resultsRoot, comparisons);
            out.append('\n').append(Files.readString(written));
            regressions = comparisons.stream().anyMatch(RunComparison::regression);
        }
        return judged.stream().allMatch(r -> r.judgement().passed()) && !regressions ? PASSED : FAILED;
    }

    /** Where a name stands in the file's order; names the file no longer has come after all that it has. */
    private static int indexOr(List<String> order, String name) {
        int at = order.indexOf(name);
        return at < 0 ? order.size() : at;
    }
}

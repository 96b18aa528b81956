package oomlab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import oomlab.cure.Cure;
import oomlab.cure.CureAnswer;
import oomlab.cure.CureCandidates;
import oomlab.cure.CureOutcome;
import oomlab.cure.CureReport;
import oomlab.cure.MethodBytecode;
import oomlab.cure.Trial;
import oomlab.result.RunResult;
import oomlab.scenario.MemorySize;
import oomlab.scenario.RunPlan;
import oomlab.scenario.Scenario;
import oomlab.verdict.Verdict;

/**
 * The cure search for one killed run ({@code -Doomlab.search=cure}): the candidates derived from the run's own
 * diagnosis (printed with their evidence before any runs), each run once; then the original and the survivors
 * again, interleaved round by round (A B C, A B C, ...), so each round's ratios compare runs made minutes apart.
 * A candidate killed in the first round is out: one kill is the answer. The runs are ordinary runs of the
 * scenario in the results folder ({@code <scenario>/cure-<name>-r<round>/}, the original's
 * {@code <config>-r<round>/}), so the report and the re-judge see them as they see any other.
 */
public final class CureSearch {
    private CureSearch() {
    }

    /** Whether a run's ending is one the search looks for cures of. */
    public static boolean wantsCure(RunResult result) {
        Verdict verdict = result.exit().verdict();
        return verdict == Verdict.OOM_KILLED || verdict == Verdict.STALLED;
    }

    /**
     * @param first the original plan's run, made already (round 1)
     */
    public static CureAnswer search(LabSession session, RunPlan plan, RunResult first) {
        long started = System.nanoTime() - (long) (first.container().timeToExitMs() * 1e6);
        Lab lab = session.lab();
        oomlab.console.Console console = lab.console();
        Scenario scenario = plan.scenario();
        CureCandidates.Original original = new CureCandidates.Original(first, plan.config(), plan.jdk(),
                lab.definition().configurations(), MethodBytecode.on(lab.programClasspath(scenario)),
                Runtime.getRuntime().availableProcessors());
        List<Cure> derived = CureCandidates.derive(original);
        console.printf("[oomlab] cures for %s (%s): %d candidate(s) from its diagnosis%n", plan.displayName(),
                first.exit().verdict(), derived.size());
        Map<Cure, RunPlan> plans = new LinkedHashMap<>();
        List<String> notTried = new ArrayList<>();
        for (Cure cure : derived) {
            RunPlan candidate = planFor(plan, cure, 1);
            Optional<String> rejected = session.rejects(candidate);
            console.printf("[oomlab]   %-24s %s: %s%n    from: %s%n", cure.name(), cure.title(),
                    CureReport.settingsOf(cure), cure.evidence());
            if (rejected.isPresent()) {
                console.printf("    not tried: %s%n", rejected.get());
                notTried.add(cure.name() + ": " + rejected.get());
            } else {
                plans.put(cure, candidate);
            }
        }
        int repeats = session.settings().search().repeats();
        List<Trial> originalTrials = new ArrayList<>(List.of(Trial.of(1, first)));
        Map<Cure, List<Trial>> trials = new LinkedHashMap<>();
        int runs = 0;
        for (int round = 1; round <= repeats; round++) {
            if (round > 1) {
                originalTrials.add(Trial.of(round, session.run(plan.repeated(round))));
                runs++;
            }
            for (Map.Entry<Cure, RunPlan> entry : plans.entrySet()) {
                List<Trial> mine = trials.computeIfAbsent(entry.getKey(), cure -> new ArrayList<>());
                if (round > 1 && !mine.get(0).survived()) {
                    continue; // killed in the first round: out
                }
                RunResult result = session.run(planFor(plan, entry.getKey(), round));
                runs++;
                mine.add(Trial.of(round, result));
                console.printf("[oomlab] cure %s, round %d of %d: %s%n", entry.getKey().name(), round, repeats,
                        result.exit().verdict());
            }
        }
        List<CureOutcome> outcomes = new ArrayList<>();
        trials.forEach((cure, made) -> outcomes.add(CureOutcome.measure(cure, made, originalTrials)));
        double minutes = (System.nanoTime() - started) / 60e9;
        return new CureAnswer(scenario.name(), plan.runName(), plan.jdk(), scenario.memory().bytes(),
                first.run().heapBytes(), first.diagnosis().summary(), originalTrials, notTried,
                CureAnswer.rank(outcomes), runs, minutes);
    }

    /** The cure's run: the same scenario (at the cure's pod size, for a pod cure), the original's flags and then its own. */
    static RunPlan planFor(RunPlan original, Cure cure, int round) {
        Scenario scenario = cure.memoryBytes() > 0 ? original.scenario().withMemory(new MemorySize(cure.memoryBytes()))
                : original.scenario();
        return new RunPlan(scenario, cure.configAfter(original.config(), original.jdk()), original.jdk(), round);
    }

    /** The answers of a session so far, written (cures.md, cures.json) and printed. */
    public static void report(LabSession session, List<CureAnswer> answers) {
        // both files rewritten after every search, so an interrupted session keeps the answers it had
        java.nio.file.Path root = session.settings().resultsRoot();
        oomlab.report.Outputs.write(root, oomlab.report.Outputs.CURES, answers);
        java.nio.file.Path written = root.resolve(oomlab.report.Outputs.CURES_MARKDOWN.file());
        oomlab.console.Console console = session.lab().console();
        console.println();
        console.println(CureReport.markdown(answers));
        console.println("Cures: " + written.toAbsolutePath());
    }
}

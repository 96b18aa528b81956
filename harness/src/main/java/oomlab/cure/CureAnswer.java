package oomlab.cure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import oomlab.verdict.Verdict;

/**
 * The cure search's answer for one killed run: the original's runs (one per round), every candidate measured,
 * ranked, and the recommendation.
 *
 * @param scenario      the scenario
 * @param originalRun   the killed run's configuration and JDK as its folder is named (e.g. {@code c2})
 * @param capBytes      the pod's memory the candidates ran at (a pod candidate says its own)
 * @param original      the original configuration's runs, round by round
 * @param notTried      candidates derived but not run, each with why (a flag this JDK rejects)
 * @param ranked        survived in every run first, then the steady CPU ratio (a batch job: its CPU to finish),
 *                      then p99, then headroom
 * @param runs          runs this search made (the original's first run not counted: it was made before)
 * @param minutes       how long the search took, the first run included
 */
public record CureAnswer(String scenario, String originalRun, int jdk, long capBytes, long heapBytes,
                         String originalDiagnosis, List<Trial> original, List<String> notTried,
                         List<CureOutcome> ranked, int runs, double minutes) {
    public static final String JSON = "cures.json";
    public static final String MARKDOWN = "cures.md";

    public CureAnswer {
        original = List.copyOf(original);
        notTried = List.copyOf(notTried);
        ranked = List.copyOf(ranked);
    }

    /** The order the answer gives: a cure that ever failed is no cure, and then the cheapest and the fastest. */
    public static final Comparator<CureOutcome> RANKING = Comparator
            .comparing((CureOutcome o) -> !o.survivedEvery())
            .thenComparing(o -> -o.survivals())
            .thenComparingDouble(o -> o.steadyCpu() == null ? Double.MAX_VALUE : o.steadyCpu().estimate())
            // a service whose original was killed before it was steady: the cheapest steady
            .thenComparingDouble(o -> o.steadyCpuPer1000() == null ? Double.MAX_VALUE : o.steadyCpuPer1000().mean())
            // a batch job whose original never finished: the cheapest to finish its work
            .thenComparingDouble(o -> o.cpuToExit() == null ? Double.MAX_VALUE : o.cpuToExit().mean())
            .thenComparingDouble(o -> o.p99() == null ? Double.MAX_VALUE : o.p99().estimate())
            .thenComparingDouble(o -> Double.isNaN(o.worstPeakOfCap()) ? Double.MAX_VALUE : o.worstPeakOfCap());

    public static List<CureOutcome> rank(List<CureOutcome> outcomes) {
        return outcomes.stream().sorted(RANKING).toList();
    }

    /** The first candidate that survived every one of its runs. */
    @JsonIgnore
    public Optional<CureOutcome> recommended() {
        return ranked.stream().filter(CureOutcome::survivedEvery).findFirst();
    }

    /** The next one that did. */
    @JsonIgnore
    public Optional<CureOutcome> nextBest() {
        return ranked.stream().filter(CureOutcome::survivedEvery).skip(1).findFirst();
    }

    /** How the original ended in each round: all killed, as a rule, or the search would not have started. */
    @JsonIgnore
    public Verdict originalVerdict() {
        return original.isEmpty() ? null : original.get(0).verdict();
    }
}

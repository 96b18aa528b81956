package oomlab.cure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One candidate measured: its runs, and its cost as ratios to the original's runs of the same rounds.
 *
 * @param steadyCpu        CPU per 1,000 requests before any deploy ÷ the original's, same rounds
 * @param afterDeployCpu   CPU per 1,000 requests after the deploy ÷ the original's after the deploy, or, where the
 *                         original was killed (its last windows spent on what killed it), ÷ its steady figure
 * @param p99              the worst steady p99 ÷ the original's
 * @param worstPeakOfCap   the highest peak of its surviving runs as a share of the cap (NaN when none survived)
 * @param cpuToExit        for a batch job (no load, no work report): the CPU its finished runs took to their exit;
 *                         null otherwise
 * @param wallToExit       and the wall time
 * @param steadyCpuPer1000 for a service: its own steady CPU per 1,000 requests over its surviving runs, with an
 *                         interval — the price where the original, killed before it was steady, gives no ratio
 */
public record CureOutcome(Cure cure, List<Trial> trials, Ratio steadyCpu, Ratio afterDeployCpu, Ratio p99,
                          double worstPeakOfCap, Price cpuToExit, Price wallToExit, Price steadyCpuPer1000) {
    public CureOutcome {
        trials = List.copyOf(trials);
    }

    public static CureOutcome measure(Cure cure, List<Trial> trials, List<Trial> original) {
        List<double[]> steady = new ArrayList<>();
        List<double[]> after = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        for (Trial trial : trials) {
            original.stream().filter(o -> o.round() == trial.round()).findFirst().ifPresent(o -> {
                pair(steady, trial, o, Cost::steadyCpuMs, Cost::steadyCpuMs);
                // an original killed after the deploy spent its last windows on the compilation that killed it: that
                // is no baseline, its steady figure is (the same request rate)
                pair(after, trial, o, Cost::afterDeployCpuMs, o.survived() && o.cost().afterDeployCpuMs() != null
                        ? Cost::afterDeployCpuMs : Cost::steadyCpuMs);
                pair(p99, trial, o, Cost::p99Ms, Cost::p99Ms);
            });
        }
        double worst = trials.stream().filter(Trial::survived).mapToDouble(t -> t.cost().peakOfCap()).max()
                .orElse(Double.NaN);
        List<Cost> toExit = trials.stream().filter(Trial::survived).map(Trial::cost)
                .filter(c -> c.wallMs() != null).toList();
        return new CureOutcome(cure, trials, Ratio.ofPairs(steady), Ratio.ofPairs(after), Ratio.ofPairs(p99), worst,
                Price.of(toExit.stream().map(Cost::steadyCpuMs).toList(), "ms of CPU"),
                Price.of(toExit.stream().map(Cost::wallMs).toList(), "ms"),
                Price.of(trials.stream().filter(Trial::survived).map(Trial::cost).filter(c -> c.wallMs() == null)
                        .map(Cost::steadyCpuMs).toList(), Price.PER_1000_REQUESTS));
    }

    private static void pair(List<double[]> into, Trial candidate, Trial original, Function<Cost, Double> mine,
                             Function<Cost, Double> theirs) {
        Double a = mine.apply(candidate.cost());
        Double b = theirs.apply(original.cost());
        if (a != null && b != null) {
            into.add(new double[] {a, b});
        }
    }

    public long survivals() {
        return trials.stream().filter(Trial::survived).count();
    }

    /** Survived in every one of its runs: the first rank. */
    public boolean survivedEvery() {
        return !trials.isEmpty() && survivals() == trials.size();
    }
}

package oomlab.cure;

import oomlab.result.RunResult;
import oomlab.verdict.Verdict;

/**
 * One run of a cure search: which round, which run folder, how it ended and what it cost.
 *
 * @param round   1 for the first round (every candidate), 2... for the interleaved repeats
 * @param runName the run's folder under the scenario's, e.g. {@code cure-c1-r2}
 */
public record Trial(int round, String runName, Verdict verdict, Cost cost, String diagnosis) {
    public static Trial of(int round, RunResult result) {
        return new Trial(round, result.run().runName(), result.exit().verdict(), Cost.of(result),
                result.diagnosis() == null ? null : result.diagnosis().summary());
    }

    public boolean survived() {
        return verdict == Verdict.SURVIVED;
    }
}

package oomlab.diagnosis;

import java.util.List;

/**
 * Where a run's memory went, in one sentence and with its evidence: the suspects ranked by growth, and the
 * sizing formula's budget beside the measured peaks.
 *
 * @param summary  the one-line diagnosis
 * @param suspects every suspect, biggest growth first
 */
public record Diagnosis(String summary, List<Suspect> suspects, Budget budget) {
    public Diagnosis {
        suspects = List.copyOf(suspects);
    }

    /** The same diagnosis with a finding of a later stage's added to its line (before the sizing formula's part). */
    public Diagnosis with(String finding) {
        int formula = summary.indexOf(Diagnose.SIZING_FORMULA);
        String line = formula < 0 ? summary + "; " + finding
                : summary.substring(0, formula) + "; " + finding + summary.substring(formula);
        return new Diagnosis(line, suspects, budget);
    }
}

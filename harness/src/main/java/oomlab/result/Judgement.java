package oomlab.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A run's result held against what its scenario expects: the verdict (unless the scenario only reports this
 * run) and every check, each with expected and actual value.
 *
 * @param expectedVerdict a verdict's name, or REPORT where the scenario asserts no verdict for this run
 * @param passed          every check passed
 */
public record Judgement(String expectedVerdict, boolean passed, List<CheckResult> checks) {
    public Judgement {
        checks = List.copyOf(checks);
    }

    public static Judgement of(String expectedVerdict, List<CheckResult> checks) {
        return new Judgement(expectedVerdict, checks.stream().allMatch(CheckResult::passed), checks);
    }

    @JsonIgnore
    public List<CheckResult> failed() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }
}

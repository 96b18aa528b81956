package oomlab.scenario;

import java.util.Optional;
import oomlab.verdict.Verdict;

/**
 * One run to make: a scenario under one configuration on one JDK.
 *
 * @param repeat which of several repeats of the same run this is (1, 2, ...), or 0 when it is made once
 */
public record RunPlan(Scenario scenario, RunConfig config, int jdk, int repeat) {
    public RunPlan(Scenario scenario, RunConfig config, int jdk) {
        this(scenario, config, jdk, 0);
    }

    /** The same run, as repeat number {@code number}. */
    public RunPlan repeated(int number) {
        return new RunPlan(scenario, config, jdk, number);
    }

    public String displayName() {
        return scenario.name() + " / " + runName();
    }

    /**
     * The configuration's name, with the JDK added when it is not the scenario's main JDK and the repeat's
     * number when there are several ({@code c2-jdk25-r3}).
     */
    public String runName() {
        String name = jdk == scenario.mainJdk() ? config.name() : config.name() + "-jdk" + jdk;
        return repeat == 0 ? name : name + "-r" + repeat;
    }

    public Optional<Verdict> expectedVerdict() {
        return expectation().expected();
    }

    /** The verdict expected of this run on this JDK, or REPORT. */
    public Expectation expectation() {
        return scenario.expectation(config.name(), jdk);
    }
}

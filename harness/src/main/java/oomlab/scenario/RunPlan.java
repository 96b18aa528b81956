package oomlab.scenario;

import java.util.Optional;
import oomlab.verdict.Verdict;

/** One run to make: a scenario under one configuration on one JDK. */
public record RunPlan(Scenario scenario, RunConfig config, int jdk) {
    public String displayName() {
        return scenario.name() + " / " + runName();
    }

    /** The configuration's name, with the JDK added when it is not the scenario's main JDK. */
    public String runName() {
        return jdk == scenario.mainJdk() ? config.name() : config.name() + "-jdk" + jdk;
    }

    public Optional<Verdict> expectedVerdict() {
        return expectation().expected();
    }

    /** The verdict expected of this run on this JDK, or REPORT. */
    public Expectation expectation() {
        return scenario.expectation(config.name(), jdk);
    }
}

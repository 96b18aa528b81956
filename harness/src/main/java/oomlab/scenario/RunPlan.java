package oomlab.scenario;

/** One run to make: a scenario under one configuration. */
public record RunPlan(Scenario scenario, RunConfig config) {
    public String displayName() {
        return scenario.name() + " / " + config.name();
    }
}

package oomlab;

import java.util.List;
import oomlab.scenario.RunPlan;
import oomlab.scenario.ScenarioFileException;

/**
 * Reads the scenario file and the selection (-Dscenario, -Dconfig, -Djdk) before anything else of the build
 * runs, and resolves the selected runs' programs (Maven coordinates to a classpath): a mistake is told in one
 * line naming file, line and field, before Docker is even looked for.
 * The Maven build runs it ahead of the tests; exit code 2 on a mistake.
 */
public final class CheckScenarios {
    private CheckScenarios() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.fromSystem().withArguments(args);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        try {
            Lab lab = new Lab(settings);
            List<RunPlan> runs = lab.selectedRuns();
            System.out.printf("[oomlab] %s: %d scenario(s), %d run(s) selected%n", settings.scenarioFile(),
                    lab.definition().scenarios().size(), runs.size());
            lab.resolvePrograms(runs); // a program Maven cannot resolve is a mistake of the file too
        } catch (ScenarioFileException | IllegalArgumentException e) {
            fail(e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println("[oomlab] " + message);
        System.exit(2);
    }
}

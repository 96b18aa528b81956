package oomlab;

import java.util.List;
import oomlab.scenario.LabDefinition;
import oomlab.scenario.RunPlan;
import oomlab.scenario.ScenarioFile;
import oomlab.scenario.ScenarioFileException;

/**
 * Reads the scenario file and the selection (-Dscenario, -Dconfig, -Djdk) before anything else of the build
 * runs: a mistake is told in one line naming file, line and field, before Docker is even looked for.
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
            LabDefinition definition = ScenarioFile.load(settings.scenarioFile());
            List<RunPlan> runs = definition.select(settings.selection());
            System.out.printf("[oomlab] %s: %d scenario(s), %d run(s) selected%n", settings.scenarioFile(),
                    definition.scenarios().size(), runs.size());
        } catch (ScenarioFileException | IllegalArgumentException e) {
            fail(e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println("[oomlab] " + message);
        System.exit(2);
    }
}

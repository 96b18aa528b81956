package oomlab;

import java.io.IOException;
import java.util.List;
import oomlab.result.RunResult;
import oomlab.scenario.RunPlan;
import oomlab.scenario.ScenarioFileException;

/**
 * The selected runs without Maven or JUnit: the same {@link Lab} the tests drive, then the table and the report
 * as the re-judge command writes them. For a machine where a whole Maven build is too slow to be worth it — the
 * cgroup v2 guest under software emulation runs the lab this way ({@code scripts/cgroup-v2-guest.sh}).
 * Selected by the same properties as {@code mvn test}; exit code 0 when every run passed its judgement, 1 when one
 * did not, 2 on bad input.
 */
public final class RunLab {
    private RunLab() {
    }

    public static void main(String[] args) throws IOException {
        Settings settings;
        Lab lab;
        List<RunPlan> plans;
        try {
            settings = Settings.fromSystem().withArguments(args);
            lab = new Lab(settings);
            plans = lab.selectedRuns();
            lab.resolvePrograms(plans);
        } catch (ScenarioFileException | IllegalArgumentException e) {
            System.err.println("[oomlab] " + e.getMessage());
            System.exit(Rejudge.BAD_INPUT);
            return;
        }
        System.out.printf("[oomlab] %d run(s): %s%n", plans.size(),
                String.join(", ", plans.stream().map(RunPlan::displayName).toList()));
        int failed = 0;
        for (RunPlan plan : plans) {
            RunResult result = lab.run(plan);
            failed += result.judgement().passed() ? 0 : 1;
        }
        System.out.println();
        int code = Rejudge.run(settings.resultsRoot(), settings.scenarioFile(), System.out);
        System.exit(failed > 0 ? Rejudge.FAILED : code);
    }
}

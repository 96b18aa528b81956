package oomlab;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import oomlab.report.RightSizingReport;
import oomlab.result.RunResult;
import oomlab.sizing.SizingResult;
import oomlab.scenario.RunPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every selected scenario × configuration × JDK from scenarios.yaml, each a real run in a real memory-capped
 * container, judged by the lab's own Judge: the test passes when the judgement did. Select with
 * {@code -Dscenario=a,b}, {@code -Dconfig=x,y} and {@code -Djdk=17}.
 */
class ScenarioMatrixTest {
    private static final Settings SETTINGS = Settings.fromSystem();
    /** The right-sizing search's answers, in the order the runs were made (-Doomlab.search=cap). */
    private static final List<SizingResult> SIZED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TestFactory
    Stream<DynamicTest> scenarios() {
        Lab lab = new Lab(SETTINGS);
        List<RunPlan> plans = lab.selectedRuns();
        lab.resolvePrograms(plans);
        if (SETTINGS.searchCap()) {
            return plans.stream().map(plan -> dynamicTest(plan.displayName() + ": smallest surviving cap", () -> {
                SizingResult sized = RightSizer.search(lab, plan, SETTINGS.resultsRoot());
                SIZED.add(sized);
                assertTrue(sized.search().found(), () -> plan.displayName() + " did not survive even at the"
                        + " search's ceiling of " + (sized.search().largestFailingBytes() >> 20) + " MB");
            }));
        }
        System.out.printf("[oomlab] %d run(s): %s%n", plans.size(),
                String.join(", ", plans.stream().map(RunPlan::displayName).toList()));
        return plans.stream().map(plan -> dynamicTest(plan.displayName(), () -> {
            RunResult result = lab.run(plan);
            assertTrue(result.judgement().passed(), () -> plan.displayName() + " failed its judgement (see "
                    + result.run().scenario() + "/" + result.run().runName() + "/result.json):\n  "
                    + result.judgement().failed().stream().map(Object::toString)
                    .collect(Collectors.joining("\n  ")));
        }));
    }

    /**
     * The end of every run of the matrix: the whole results folder judged and printed as one table, and the
     * report written, as the re-judge command does (its exit code is for the command line; here each run's
     * own test above passed or failed already).
     */
    @AfterAll
    static void printTheTableAndWriteTheReport() throws IOException {
        if (!SIZED.isEmpty()) {
            System.out.println("\n" + RightSizingReport.table(SIZED));
            System.out.println("Right-sizing chart: " + RightSizingReport.write(SETTINGS.resultsRoot(), SIZED)
                    .toAbsolutePath());
            return;
        }
        if (Files.isDirectory(SETTINGS.resultsRoot())) {
            System.out.println();
            Rejudge.run(SETTINGS.resultsRoot(), SETTINGS.scenarioFile(), System.out);
        }
    }
}

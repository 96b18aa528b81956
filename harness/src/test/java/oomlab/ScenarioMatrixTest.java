package oomlab;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import oomlab.report.Outputs;
import oomlab.report.RightSizingReport;
import oomlab.result.RunResult;
import oomlab.sizing.SizingResult;
import oomlab.scenario.RunPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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

    /** The cure search's answers, in the order the killed runs were made (-Doomlab.search=cure). */
    private static final List<oomlab.cure.CureAnswer> CURES = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final java.util.concurrent.atomic.AtomicReference<LabSession> SESSION =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** Set when no Docker engine answers outside CI: the matrix is skipped, and so is the table after it. */
    private static volatile boolean skipped;

    @TestFactory
    Stream<DynamicTest> scenarios() {
        if (!dockerAnswers()) {
            String why = "no Docker engine answers (start one, or let the build start it: -Doomlab.startDocker=true)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and " + why);
            }
            skipped = true;
            System.out.println("[oomlab] The lab's matrix was skipped: " + why + "; the unit and replay tests ran.");
            Assumptions.abort("the lab's matrix was skipped: " + why);
        }
        LabSession session;
        try {
            session = LabSession.open(SETTINGS);
        } catch (LabSession.BadInput e) { // one line, as the scenario check says it, and no container started
            System.out.println("[oomlab] " + e.getMessage());
            skipped = true;
            return org.junit.jupiter.api.Assertions.fail(e.getMessage());
        }
        SESSION.set(session);
        Lab lab = session.lab();
        List<RunPlan> plans = session.plans();
        if (SETTINGS.searchCap()) {
            return plans.stream().map(plan -> dynamicTest(plan.displayName() + ": smallest surviving cap", () -> {
                SizingResult sized = RightSizer.search(lab, plan, SETTINGS.resultsRoot());
                SIZED.add(sized);
                assertTrue(sized.search().found(), () -> plan.displayName() + " did not survive even at the"
                        + " search's ceiling of " + (sized.search().largestFailingBytes() >> 20) + " MB");
            }));
        }
        System.out.println(session.describePlans());
        return plans.stream().map(plan -> dynamicTest(plan.displayName(), () -> {
            RunResult result = session.run(plan);
            if (SETTINGS.searchCure() && CureSearch.wantsCure(result)) { // -Doomlab.search=cure: then its cures
                CURES.add(CureSearch.search(session, plan, result));
                CureSearch.report(session, CURES);
            }
            java.nio.file.Path written = oomlab.layout.RunFiles.under(SETTINGS.resultsRoot(), result.run().scenario(),
                    result.run().runName()).file(oomlab.layout.RunFiles.RESULT);
            List<String> problems = oomlab.result.ResultSchema.problems(
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(written.toFile()));
            assertTrue(problems.isEmpty(), () -> written + " does not validate against result.schema.json: " + problems);
            assertTrue(result.judgement().passed(), () -> plan.displayName() + " failed its judgement (see "
                    + result.run().scenario() + "/" + result.run().runName() + "/result.json):\n  "
                    + result.judgement().failed().stream().map(Object::toString)
                    .collect(Collectors.joining("\n  ")));
        }));
    }

    /** What the build found (ensure-docker.sh), and, where it did not run, what Testcontainers finds. */
    private static boolean dockerAnswers() {
        if ("false".equals(System.getProperty("oomlab.dockerAvailable"))) {
            return false;
        }
        return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    }

    /**
     * The end of every run of the matrix: the whole results folder judged and printed as one table, and the
     * report written, as the re-judge command does.
     */
    @AfterAll
    static void printTheTableAndWriteTheReport() throws IOException {
        if (skipped) {
            return;
        }
        if (!SIZED.isEmpty()) {
            System.out.println("\n" + RightSizingReport.table(SIZED));
            Outputs.write(SETTINGS.resultsRoot(), Outputs.RIGHT_SIZING, SIZED);
            System.out.println("Right-sizing chart: "
                    + SETTINGS.resultsRoot().resolve(Outputs.RIGHT_SIZING_PAGE.file()).toAbsolutePath());
            return;
        }
        LabSession session = SESSION.get();
        if (session != null && Files.isDirectory(SETTINGS.resultsRoot())) {
            int code = session.close();
            // a failed run has failed its own test above; what is left to fail here is a folder that cannot be read
            assertTrue(code != LabSession.BAD_INPUT, "the results folder could not be judged again (exit " + code + ")");
        }
    }
}

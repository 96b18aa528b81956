package oomlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import oomlab.report.NmtGrowth;
import oomlab.report.RunResult;
import oomlab.scenario.Checks;
import oomlab.scenario.RunPlan;
import oomlab.verdict.Verdict;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every selected scenario × configuration from scenarios.yaml, each a real run in a real memory-capped
 * container. Select with {@code -Dscenario=a,b} and {@code -Dconfig=x,y}.
 */
class ScenarioMatrixTest {
    /** Below this the curve to the cap is too coarse to trust (Docker's stats API gives 1 Hz). */
    private static final double MIN_CGROUP_SAMPLER_HZ = 15;

    @TestFactory
    Stream<DynamicTest> scenarios() {
        Lab lab = Lab.fromSystemProperties();
        List<RunPlan> plans = lab.definition().select(System.getProperty("scenario"), System.getProperty("config"),
                System.getProperty("jdk"));
        System.out.printf("[oomlab] %d run(s): %s%n", plans.size(),
                String.join(", ", plans.stream().map(RunPlan::displayName).toList()));
        return plans.stream().map(plan -> dynamicTest(plan.displayName(), () -> check(plan, lab.run(plan))));
    }

    private static void check(RunPlan plan, RunResult result) {
        String context = "%s: exit %d, peak %d MB of %d MB, see %s/%s".formatted(plan.displayName(),
                result.exitCode(), result.peakBytes() >> 20, result.capBytes() >> 20, result.scenario(), result.config());
        SoftAssertions softly = new SoftAssertions();
        plan.expectedVerdict().ifPresent(expected ->
                softly.assertThat(result.verdict()).as("verdict of " + context).isEqualTo(expected));
        switch (result.verdict()) {
            case OOM_KILLED -> {
                softly.assertThat(result.exitCode()).as("exit code of an OOM kill").isEqualTo(137);
                softly.assertThat(result.oomKilled() || result.kernelOomKills() > 0)
                        .as("Docker or the kernel confirms the OOM kill").isTrue();
            }
            case JAVA_OOM -> softly.assertThat(result.exitCode()).as("a Java OOM is not a kernel kill").isNotEqualTo(137);
            case SURVIVED -> {
                if (plan.scenario().program() == null) { // a user's program prints no work report of ours
                    softly.assertThat(result.work() != null && result.work().complete())
                            .as("the workload reported all its work done").isTrue();
                }
            }
            default -> { }
        }
        softly.assertThat(result.samples()).as("host samples in rss.csv").isPositive();
        if (result.sampler().startsWith("cgroup")) {
            softly.assertThat(result.samplerHz()).as("cgroup sampling rate").isGreaterThanOrEqualTo(MIN_CGROUP_SAMPLER_HZ);
        }
        softly.assertThat(result.probeSamples()).as("probe lines in probe.jsonl").isPositive();
        for (Checks checks : plan.scenario().checksFor(plan.config().name())) {
            applyChecks(checks, result, softly);
        }
        softly.assertAll();
    }

    private static void applyChecks(Checks checks, RunResult result, SoftAssertions softly) {
        if (checks.peakAtLeast() != null) {
            softly.assertThat(result.peakOfCap()).as("peak as a fraction of the cap").isGreaterThanOrEqualTo(checks.peakAtLeast());
        }
        if (checks.peakAtMost() != null) {
            softly.assertThat(result.peakOfCap()).as("peak as a fraction of the cap").isLessThanOrEqualTo(checks.peakAtMost());
        }
        if (checks.nmtGrowth() != null) {
            softly.assertThat(result.dominantNmtGrowth()).as("NMT category that grew the most").isEqualTo(checks.nmtGrowth());
        }
        if (checks.compiledBy() != null) {
            softly.assertThat(result.compiledMethods()).as("methods compiled per JIT compiler (CITime)")
                    .containsOnlyKeys(checks.compiledBy())
                    .allSatisfy((compiler, methods) -> assertThat(methods).as(compiler).isPositive());
        }
        if (checks.growthMostlyIn() != null) {
            double share = new NmtGrowth(result.nmtGrowthBytes()).shareOf(checks.growthMostlyIn(),
                    result.unexplainedGrowthBytes());
            softly.assertThat(share).as("share of the growth in " + checks.growthMostlyIn() + " (NMT growth "
                    + result.nmtGrowthBytes() + ", unexplained " + result.unexplainedGrowthBytes() + ")")
                    .isGreaterThan(0.5);
        }
    }
}

package oomlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import oomlab.result.ResultFixture;
import oomlab.result.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Judging a saved results folder again, without Docker, after the scenario file changed. */
class RejudgeTest {
    private static final String SCENARIOS = """
            configurations:
              c2: {}
              c1: {jvmFlags: [-XX:TieredStopAtLevel=1]}
            scenarios:
              c2-leak:
                workload: jit-churn
                memory: 2048m
                heap: 768m
                expect: {c2: OOM_KILLED, c1: SURVIVED}
                checksByConfig:
                  c1: {peakAtMost: %s}
            """;

    @TempDir
    Path dir;

    @Test
    void aSavedRunIsJudgedAgainstTheFileAsItIsNow() throws IOException {
        Path results = dir.resolve("oomlab");
        Files.createDirectories(results.resolve("c2-leak/c1"));
        Files.writeString(results.resolve("c2-leak/c1/result.json"), ResultJson.write(ResultFixture.c1Survivor(0.55)));
        Path scenarios = dir.resolve("scenarios.yaml");

        Files.writeString(scenarios, SCENARIOS.formatted("0.85"));
        StringBuilder out = new StringBuilder();
        assertThat(Rejudge.run(results, scenarios, out)).isEqualTo(Rejudge.PASSED);
        assertThat(out).contains("| c2-leak | c1 | 17.0.15 | passed | SURVIVED | SURVIVED |")
                .contains("1 run(s): 1 passed, 0 failed");

        Files.writeString(scenarios, SCENARIOS.formatted("0.3"));
        StringBuilder tightened = new StringBuilder();
        assertThat(Rejudge.run(results, scenarios, tightened)).isEqualTo(Rejudge.FAILED);
        assertThat(tightened).contains("| c2-leak | c1 | 17.0.15 | FAILED | SURVIVED | SURVIVED |")
                .contains("FAILED c2-leak / c1:\n  peakAtMost: expected <= 0.300, got 0.550 (FAILED)")
                .contains("1 run(s): 0 passed, 1 failed");
    }

    /** Last night's results as the baseline: a peak 20% higher than its 10% tolerance is a regression. */
    @Test
    void aRegressionAgainstTheBaselineFailsTheCommand() throws IOException {
        Path baseline = dir.resolve("baseline");
        Path tonight = dir.resolve("tonight");
        for (Path root : List.of(baseline, tonight)) {
            Files.createDirectories(root.resolve("c2-leak/c1"));
        }
        Files.writeString(baseline.resolve("c2-leak/c1/result.json"), ResultJson.write(ResultFixture.c1Survivor(0.50)));
        Files.writeString(tonight.resolve("c2-leak/c1/result.json"), ResultJson.write(ResultFixture.c1Survivor(0.60)));
        Path scenarios = dir.resolve("scenarios.yaml");
        Files.writeString(scenarios, SCENARIOS.formatted("0.85"));

        StringBuilder out = new StringBuilder();
        assertThat(Rejudge.run(tonight, scenarios, baseline, out)).isEqualTo(Rejudge.FAILED);
        assertThat(out).contains("REGRESSION: drift (peak +20% (tolerance ±10%))");
        assertThat(Files.readString(tonight.resolve("comparison.md"))).contains("1 regression(s)");

        StringBuilder same = new StringBuilder();
        assertThat(Rejudge.run(baseline, scenarios, baseline, same)).isEqualTo(Rejudge.PASSED);
        assertThat(same).contains("0 regression(s)");
    }

    @Test
    void noResultsOrABrokenScenarioFileIsBadInput() throws IOException {
        StringBuilder out = new StringBuilder();
        assertThat(Rejudge.run(dir.resolve("none"), dir.resolve("scenarios.yaml"), out)).isEqualTo(Rejudge.BAD_INPUT);
        assertThat(out).contains("No results under");

        Files.createDirectories(dir.resolve("results"));
        Files.writeString(dir.resolve("bad.yaml"), "configurations: [\n");
        StringBuilder broken = new StringBuilder();
        assertThat(Rejudge.run(dir.resolve("results"), dir.resolve("bad.yaml"), broken)).isEqualTo(Rejudge.BAD_INPUT);
        assertThat(broken.toString()).startsWith(dir.resolve("bad.yaml") + ":");
    }

    /** A result.json cut short (a full disk, a copy interrupted) or edited into another shape is named; the rest judged. */
    @Test
    void aTruncatedOrMisshapenResultIsNamedAndTheOthersAreJudged() throws IOException {
        Path results = dir.resolve("oomlab");
        Files.createDirectories(results.resolve("c2-leak/c1"));
        Files.createDirectories(results.resolve("c2-leak/c2"));
        Files.createDirectories(results.resolve("c2-leak/c2-odd"));
        Files.writeString(results.resolve("c2-leak/c1/result.json"), ResultJson.write(ResultFixture.c1Survivor(0.55)));
        String whole = ResultJson.write(ResultFixture.c1Survivor(0.55));
        Files.writeString(results.resolve("c2-leak/c2/result.json"), whole.substring(0, whole.length() / 2));
        Files.writeString(results.resolve("c2-leak/c2-odd/result.json"),
                whole.replace("\"peakBytes\" : ", "\"peakBytes\" : \"many\", \"was\" : "));
        Path scenarios = dir.resolve("scenarios.yaml");
        Files.writeString(scenarios, SCENARIOS.formatted("0.85"));

        StringBuilder out = new StringBuilder();
        assertThat(Rejudge.run(results, scenarios, out)).isEqualTo(Rejudge.BAD_INPUT);
        assertThat(out).contains("unreadable: " + results.resolve("c2-leak/c2/result.json"))
                .contains("unreadable: " + results.resolve("c2-leak/c2-odd/result.json"))
                .contains("| c2-leak | c1 | 17.0.15 | passed | SURVIVED | SURVIVED |");
    }
}

package oomlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import oomlab.cure.CureAnswer;
import oomlab.layout.RunFiles;
import oomlab.result.RunResult;
import oomlab.scenario.RunPlan;
import oomlab.sizing.SizingResult;
import oomlab.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's run sequence — a session's runs, right-sizing, the cure search's rounds — end to end without Docker:
 * every container is a recorded real run replayed (c2-leak's c2, OOM-killed at its 2 GB cap, and its c1, which
 * survived), and everything after the container stage is the lab's own.
 */
class LabWithoutDockerTest {
    private static final String SCENARIOS = """
            scenarios:
              leak:
                workload: jit-churn
                args: [--classes=150, --blocks=100, --calls=1000, --threads=16, --waves=2]
                memory: 2048m
                heap: 768m
                timeoutSeconds: 120
                rightSizing: {floor: 1g, ceiling: 4g, precision: 256m}
                expect:
                  c2: OOM_KILLED or STALLED
                  c1: SURVIVED
            """;

    @TempDir
    Path dir;

    private final KeptConsole console = new KeptConsole();

    private Settings settings(String... more) throws IOException {
        Path file = dir.resolve("scenarios.yaml");
        Files.writeString(file, SCENARIOS);
        Properties properties = new Properties();
        properties.setProperty("oomlab.scenarios", file.toString());
        properties.setProperty("oomlab.results", dir.resolve("results").toString());
        for (int i = 0; i < more.length; i += 2) {
            properties.setProperty(more[i], more[i + 1]);
        }
        return Settings.from(properties, Map.of());
    }

    /** C2's runs are the recorded kill, every other configuration the recorded survivor. */
    private ReplayEngine byConfiguration() {
        return new ReplayEngine(dir.resolve("replays"), spec -> spec.label().endsWith("/ c2")
                || spec.label().matches(".*/ c2-r\\d+") ? "c2-oom-killed" : "c1-survived");
    }

    @Test
    void aSessionRunsItsPlansInTheFilesOrderAndJudgesTheFolderAgainAtItsClose() throws IOException {
        ReplayEngine engine = byConfiguration();
        LabSession session = LabSession.open(settings(), engine, console);

        session.runAll();

        assertThat(engine.labels()).containsExactly("leak / c2", "leak / c1");
        Path results = dir.resolve("results");
        assertThat(results.resolve("leak/c2").resolve(RunFiles.RESULT)).exists();
        assertThat(results.resolve("leak/c1").resolve(RunFiles.RESULT)).exists();
        assertThat(session.close()).isEqualTo(LabSession.PASSED);
        assertThat(results.resolve("summary.json")).exists();
        assertThat(results.resolve("report.html")).exists();
        assertThat(console.text()).contains("[oomlab] leak / c2: OOM_KILLED (expected OOM_KILLED or STALLED), exit 137")
                .contains("[oomlab] leak / c1: SURVIVED (expected SURVIVED), exit 0")
                .contains("2 run(s): 2 passed, 0 failed");
    }

    @Test
    void rightSizingSearchesTheCapsUntilTheSmallestThatSurvives() throws IOException {
        // below 1,536 MB the service is killed, from there it survives: the answer must land in [1,536, 1,792)
        ReplayEngine engine = new ReplayEngine(dir.resolve("replays"),
                spec -> spec.cap().bytes() < (1536L << 20) ? "c2-oom-killed" : "c1-survived");
        LabSession session = LabSession.open(settings("config", "c1"), engine, console);
        RunPlan c1 = session.plans().get(0);

        SizingResult sized = RightSizer.search(session.lab(), c1, dir.resolve("results"));

        assertThat(sized.search().found()).isTrue();
        assertThat(sized.search().smallestSurvivingBytes() >> 20).isBetween(1536L, 1791L);
        List<Long> caps = engine.asked().stream().map(spec -> spec.cap().bytes() >> 20).toList();
        assertThat(caps).hasSizeGreaterThan(2).contains(sized.search().smallestSurvivingBytes() >> 20);
        assertThat(sized.runs()).isEqualTo(caps.size());
        assertThat(console.text()).contains("[oomlab] right-sizing leak / c1: " + (sized.search().smallestSurvivingBytes()
                >> 20) + " MB -> SURVIVED");
    }

    /**
     * A cap whose run survived its load while its memory still grew (a recorded service whose cache fills: 145 MB/min,
     * the cap in 2 minutes) is not a surviving cap: the search goes up past it.
     */
    @Test
    void rightSizingDoesNotTakeASurvivorStillGrowing() throws IOException {
        // below 1,536 MB killed; up to 3 GB it "survives" still growing; from there it survives and settles
        ReplayEngine engine = new ReplayEngine(dir.resolve("replays"), spec -> spec.cap().bytes() < (1536L << 20)
                ? "c2-oom-killed" : spec.cap().bytes() < (3072L << 20) ? "user-service-still-growing" : "c1-survived");
        LabSession session = LabSession.open(settings("config", "c1"), engine, console);

        SizingResult sized = RightSizer.search(session.lab(), session.plans().get(0), dir.resolve("results"));

        assertThat(sized.search().smallestSurvivingBytes() >> 20).isBetween(3072L, 3327L);
        assertThat(console.text()).contains("-> SURVIVED, but its memory was still growing at 145.2 MB/min")
                .contains("it outlived its load, not the pod");
    }

    @Test
    void theCureSearchInterleavesTheOriginalAndItsCandidatesRoundByRound() throws IOException {
        ReplayEngine engine = byConfiguration();
        LabSession session = LabSession.open(settings("config", "c2", "oomlab.search", "cure",
                "oomlab.cure.repeats", "3"), engine, console);
        RunPlan c2 = session.plans().get(0);
        RunResult first = session.run(c2);
        assertThat(first.exit().verdict()).isEqualTo(Verdict.OOM_KILLED);

        CureAnswer answer = CureSearch.search(session, c2, first);

        List<String> labels = engine.labels();
        // the round of each run, in the order made: the first run (no suffix) is round 1, the others say theirs
        List<Integer> rounds = labels.stream().map(label -> label.matches(".*-r\\d+")
                ? Integer.parseInt(label.replaceAll(".*-r", "")) : 1).toList();
        assertThat(rounds).as("the runs' rounds in the order made, %s", labels).isSorted().containsOnly(1, 2, 3);
        for (int round = 2; round <= 3; round++) {
            assertThat(labels.get(rounds.indexOf(round))).as("round %d opens with the original (%s)", round, labels)
                    .isEqualTo("leak / c2-r" + round);
        }
        assertThat(labels.stream().filter(label -> label.endsWith("-r3") && !label.contains("/ c2-")))
                .as("round 3's candidates").hasSize(3);
        assertThat(answer.runs()).isEqualTo(labels.size() - 1); // the first run was made before the search
        assertThat(answer.original()).hasSize(3);
        assertThat(console.text()).contains("[oomlab] cures for leak / c2 (OOM_KILLED): 3 candidate(s) from its diagnosis")
                .contains("[oomlab] cure cure-c1, round 3 of 3: SURVIVED");
    }
}

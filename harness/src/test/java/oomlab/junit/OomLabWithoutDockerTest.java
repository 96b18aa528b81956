package oomlab.junit;

import static oomlab.assertj.LabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import oomlab.ReplayEngine;
import oomlab.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a team's test uses it — a scenario in code, its runs, the assertions, the report at the end —
 * over recorded real runs replayed instead of containers (c2-leak's c2, OOM-killed; its c1, which survived).
 */
class OomLabWithoutDockerTest {
    @TempDir
    Path dir;

    @Test
    void aScenarioInCodeIsRunJudgedAssertedAndReported() {
        Properties properties = new Properties();
        properties.setProperty("oomlab.results", dir.resolve("results").toString());
        ReplayEngine engine = new ReplayEngine(dir.resolve("replays"),
                spec -> spec.label().endsWith("/ c2") ? "c2-oom-killed" : "c1-survived");
        oomlab.KeptConsole console = new oomlab.KeptConsole();
        OomLab lab = new OomLab(Settings.from(properties, Map.of()), engine, console);
        LabScenario leak = LabScenario.named("leak").workload("jit-churn")
                .args("--classes=150", "--blocks=100", "--calls=1000", "--threads=16", "--waves=2")
                .memory("2g").heap("768m").timeoutSeconds(120).configurations("c2", "c1");

        LabRun c2 = lab.run(leak, "c2");
        LabRun c1 = lab.run(leak, "c1");

        assertThat(c1).survived().peakAtMost(0.6);
        assertThat(c2).wasOomKilled().grewMostIn("compiler arenas");
        assertThatThrownBy(() -> assertThat(c2).survived())
                .hasMessageContaining("expected leak / c2 to be SURVIVED, but it was OOM_KILLED")
                .hasMessageContaining("compiler arenas");
        assertThatThrownBy(() -> assertThat(c1).peakAtMost(0.5)).hasMessageContaining("leak / c1");
        org.assertj.core.api.Assertions.assertThat(engine.labels()).containsExactly("leak / c2", "leak / c1");
        org.assertj.core.api.Assertions.assertThat(console.text())
                .contains("[oomlab] leak / c1: SURVIVED (recorded, no verdict expected)");
        org.assertj.core.api.Assertions.assertThat(c2.folder().resolve("result.json")).exists();
        Path report = lab.writeReport();
        org.assertj.core.api.Assertions.assertThat(report).exists();
        org.assertj.core.api.Assertions.assertThat(Files.exists(dir.resolve("results/summary.md"))).isTrue();
    }

    @Test
    void twoConfigurationsAreComparedSteadyInInterleavedRounds() throws java.io.IOException {
        Properties properties = new Properties();
        properties.setProperty("oomlab.results", dir.resolve("results").toString());
        // every run is the Spring Boot example's recorded C1 run (steady from 8 s), but c1's second round, which is
        // a run without load: never steady, so that round is left out and said
        ReplayEngine engine = new ReplayEngine(dir.resolve("replays"), spec -> spec.label().endsWith("/ c1-r2")
                ? "c1-survived" : "user-service-until-steady");
        oomlab.KeptConsole console = new oomlab.KeptConsole();
        OomLab lab = new OomLab(Settings.from(properties, Map.of()), engine, console);
        Path classes = Files.createDirectories(dir.resolve("classes")); // the service as its build has it (replayed)
        LabScenario quotes = LabScenario.named("quotes")
                .program(LabScenario.classpath("oomlab.examples.quotes.QuotesApplication", classes))
                .memory("512m").heap("256m")
                .timeoutSeconds(330).load(LabScenario.http(8080, "/quote/{n}").rate(400).untilSteady(30, 240))
                .configurations("c2", "c1");

        OomLab.SteadyComparison comparison = lab.compareSteadyCpu(quotes, "c1", "c2", 3);

        org.assertj.core.api.Assertions.assertThat(engine.labels()).containsExactly("quotes / c2-r1", "quotes / c1-r1",
                "quotes / c2-r2", "quotes / c1-r2", "quotes / c2-r3", "quotes / c1-r3");
        org.assertj.core.api.Assertions.assertThat(comparison.ratio().pairs()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(comparison.runs()).allMatch(run -> run.result().judgement().passed());
        org.assertj.core.api.Assertions.assertThat(comparison.ratio().estimate()).isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThat(comparison.leftOut()).singleElement().asString()
                .startsWith("round 2: c1 had no load");
        org.assertj.core.api.Assertions.assertThat(console.text()).contains("[oomlab] quotes: c1 ÷ c2, steady CPU per"
                + " 1,000 requests: 1.00x [1.00-1.00], no measurable difference over 2 round(s)");
    }
}

package oomlab.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import oomlab.scenario.RunPlan;
import oomlab.scenario.ScenarioFile;
import oomlab.scenario.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flag the JVM rejects, and a JDK no image can be had for, are mistakes of the file, told before any container. */
class PreflightTest {
    private static final Path THIS_JDK = Path.of(System.getProperty("java.home"));
    private static final int THIS_MAJOR = Runtime.version().feature();

    @TempDir
    Path dir;

    private Path file(String flags, String jdks) throws IOException {
        Path file = dir.resolve("scenarios.yaml");
        Files.writeString(file, """
                configurations:
                  c2: {}
                  odd: {jvmFlags: [%s]}
                scenarios:
                  s:
                    workload: steady
                    memory: 512m
                    heap: 128m
                    jdks: [%s]
                    expect: {c2: SURVIVED, odd: SURVIVED}
                """.formatted(flags, jdks));
        return file;
    }

    private static List<RunPlan> plans(Path file) {
        return ScenarioFile.load(file, ScenarioFile.Host.NONE).select(Selection.ALL);
    }

    private static Preflight.Host host(Optional<Boolean> registry) {
        return new Preflight.Host(Map.of(), jdk -> jdk == THIS_MAJOR ? Optional.of(THIS_JDK) : Optional.empty(),
                registry);
    }

    @Test
    void aFlagTheJvmRejectsIsToldWithTheLineAndTheJvmsWords() throws IOException {
        assumeJdk();
        Path file = file("-XX:+NoSuchFlagAtAll", Integer.toString(THIS_MAJOR));

        assertThatThrownBy(() -> Preflight.check(file, plans(file), host(Optional.of(false))))
                .hasMessageContaining("scenarios.yaml:3:")
                .hasMessageContaining("configurations.odd.jvmFlags: -XX:+NoSuchFlagAtAll rejected by JDK " + THIS_MAJOR)
                .hasMessageContaining("Unrecognized VM option 'NoSuchFlagAtAll'");
    }

    /** A run the lab made up (a cure candidate) is told the same JVM's words, without a file line to name. */
    @Test
    void aMadeUpRunsRejectedFlagIsToldInTheSameWords() throws IOException {
        assumeJdk();
        RunPlan bad = odd(plans(file("-XX:+NoSuchFlagAtAll", Integer.toString(THIS_MAJOR))));
        RunPlan good = odd(plans(file("-XX:TieredStopAtLevel=1", Integer.toString(THIS_MAJOR))));

        assertThat(Preflight.rejects(bad, host(Optional.of(false)))).hasValueSatisfying(words ->
                assertThat(words).startsWith("-XX:+NoSuchFlagAtAll rejected by JDK " + THIS_MAJOR)
                        .contains("Unrecognized VM option 'NoSuchFlagAtAll'"));
        assertThat(Preflight.rejects(good, host(Optional.of(false)))).isEmpty();
    }

    private static RunPlan odd(List<RunPlan> plans) {
        return plans.stream().filter(plan -> plan.config().name().equals("odd")).findFirst().orElseThrow();
    }

    @Test
    void flagsTheJvmKnowsPass() throws IOException {
        Path file = file("-XX:TieredStopAtLevel=1, -XX:+UseSerialGC, -XX:+AlwaysPreTouch", Integer.toString(THIS_MAJOR));

        assertThatCode(() -> Preflight.check(file, plans(file), host(Optional.of(false)))).doesNotThrowAnyException();
    }

    @Test
    void aJdkNoImageCanBeHadForIsToldWithWhatWouldMakeItWork() throws IOException {
        Path file = file("-XX:TieredStopAtLevel=1", "11");

        assertThatThrownBy(() -> Preflight.check(file, plans(file), host(Optional.of(false))))
                .hasMessageContaining("scenarios.s.jdks: no image can be had for JDK 11 here")
                .hasMessageContaining("-Doomlab.baseImage.11=");
        // where a registry may answer (or nobody has asked yet), the image may be pulled
        assertThatCode(() -> Preflight.check(file, plans(file), host(Optional.empty()))).doesNotThrowAnyException();
        assertThatCode(() -> Preflight.check(file, plans(file), new Preflight.Host(Map.of(11, "mine/jdk:11"),
                jdk -> Optional.empty(), Optional.of(false)))).doesNotThrowAnyException();
    }

    /** A skip says why, in one line, where the build's output is read. */
    private static void assumeJdk() {
        boolean present = Files.isExecutable(THIS_JDK.resolve("bin/java"));
        if (!present) {
            System.out.println("[oomlab] PreflightTest skipped a test: no java at " + THIS_JDK.resolve("bin/java"));
        }
        assumeTrue(present, "no java at " + THIS_JDK.resolve("bin/java"));
    }
}

package oomlab.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import oomlab.scenario.LabDefinition;
import oomlab.scenario.ScenarioFile;
import oomlab.scenario.ScenarioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario said in code is read by the scenario file's own reader: the same scenario, the same mistakes. */
class LabScenarioTest {
    @TempDir
    Path dir;

    @Test
    void theBuilderSaysWhatTheFileSays() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("service-lib"));
        LabScenario built = LabScenario.named("svc")
                .program(LabScenario.classpath("com.example.Main", lib))
                .args("--port=8080").memory("512m").heap("256m").jvmFlags("-XX:+UseSerialGC").timeoutSeconds(90)
                .load(LabScenario.http(8080, "/hello").rate(200).warmupSeconds(5).durationSeconds(20))
                .configurations("c2", "c1");
        Path file = dir.resolve("scenarios.yaml");
        Files.writeString(file, """
                scenarios:
                  svc:
                    program:
                      classpath: [service-lib]
                      mainClass: com.example.Main
                    args: [--port=8080]
                    memory: 512m
                    heap: 256m
                    jvmFlags: [-XX:+UseSerialGC]
                    timeoutSeconds: 90
                    load: {port: 8080, paths: [/hello], rate: 200, warmupSeconds: 5, durationSeconds: 20}
                    expect: {c2: REPORT, c1: REPORT}
                """);

        LabDefinition fromFile = ScenarioFile.load(file, ScenarioFile.Host.NONE);
        LabDefinition fromCode = ScenarioFile.load(write(built), ScenarioFile.Host.NONE);

        var a = fromFile.scenarios().get("svc");
        var b = fromCode.scenarios().get("svc");
        assertThat(b.memory()).isEqualTo(a.memory());
        assertThat(b.heap()).isEqualTo(a.heap());
        assertThat(b.jvmFlags()).isEqualTo(a.jvmFlags());
        assertThat(b.args()).isEqualTo(a.args());
        assertThat(b.load()).isEqualTo(a.load());
        assertThat(b.timeoutSeconds()).isEqualTo(a.timeoutSeconds());
        assertThat(b.program().mainClass()).isEqualTo(a.program().mainClass());
        assertThat(fromCode.configurations().get("c1")).as("from the lab's catalogue")
                .isEqualTo(fromFile.configurations().get("c1"));
        assertThat(built.configurationNames()).containsExactly("c2", "c1");
    }

    @Test
    void aMistakeInCodeGetsTheFilesPlainMessage() throws IOException {
        LabScenario typo = LabScenario.named("svc").workload("steady").memory("12x").heap("64m")
                .configurations("c2");

        ScenarioFileException e = catchThrowableOfType(ScenarioFileException.class,
                () -> ScenarioFile.load(write(typo), ScenarioFile.Host.NONE));

        assertThat(e).hasMessageContaining("scenarios.svc.memory").hasMessageContaining("12x");
        LabScenario unknown = LabScenario.named("svc").workload("steady").memory("256m").heap("64m")
                .configurations("c9");
        assertThat(catchThrowableOfType(ScenarioFileException.class,
                () -> ScenarioFile.load(write(unknown), ScenarioFile.Host.NONE)))
                .hasMessageContaining("scenarios.svc.expect.c9: unknown configuration 'c9'");
    }

    private Path write(LabScenario scenario) throws IOException {
        Path file = dir.resolve(scenario.name() + "-built.yaml");
        Files.writeString(file, scenario.toYaml());
        return file;
    }
}

package oomlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import oomlab.container.ContainerSpec;
import oomlab.layout.RunFiles;
import oomlab.profiling.Profiler;
import oomlab.scenario.LabDefinition;
import oomlab.scenario.RunPlan;
import oomlab.scenario.ScenarioFile;
import oomlab.scenario.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run starts is decided without Docker: the flags group by group, the channels, the container. */
class LauncherTest {
    @TempDir
    Path dir;

    private RunPlan plan(String scenario) throws IOException {
        Path file = dir.resolve("scenarios.yaml");
        Files.writeString(file, """
                configurations:
                  c1: {jvmFlags: [-XX:TieredStopAtLevel=1]}
                scenarios:
                  leak:
                    workload: heap-leak
                    memory: 512m
                    heap: 128m
                    jvmFlags: [-XX:+UseSerialGC]
                    expect: {c1: JAVA_OOM}
                  own:
                    program: {image: "registry.example/svc:1", command: [java, -jar, /app.jar]}
                    memory: 512m
                    heap: 128m
                    expect: {c1: SURVIVED}
                """);
        LabDefinition lab = ScenarioFile.load(file, ScenarioFile.Host.NONE);
        return lab.select(Selection.ALL.scenarios(scenario)).get(0);
    }

    @Test
    void theFlagGroupsComeInTheirOrderAndTheConfigurationHasTheLastWord() throws IOException {
        Launcher.Launched launched = Launcher.launch(plan("leak"), "oomlab/workloads:jdk17", null, Profiler.NATIVEMEM,
                true, Duration.ofSeconds(60), dir, dir.resolve("workloads.jar"), null);

        List<String> flags = launched.launch().identity().jvmFlags();
        assertThat(flags.get(0)).isEqualTo("-XX:ErrorFile=" + RunFiles.IN_CONTAINER + "/hs_err_pid%p.log");
        int diagnostics = flags.indexOf("-XX:NativeMemoryTracking=summary");
        int heap = flags.indexOf("-Xmx128m");
        int scenario = flags.indexOf("-XX:+UseSerialGC");
        int configuration = flags.indexOf("-XX:TieredStopAtLevel=1");
        int agent = flags.size() - 1;
        assertThat(diagnostics).isPositive().isLessThan(heap);
        assertThat(heap).isLessThan(scenario);
        assertThat(scenario).isLessThan(configuration);
        assertThat(configuration).isLessThan(agent);
        assertThat(flags.get(agent)).startsWith("-agentpath:"); // the profiler, appended after everything
        assertThat(flags).contains("-XX:OnOutOfMemoryError=true",
                "-Xlog:jit+compilation=debug:file=" + RunFiles.IN_CONTAINER + "/jit-compilation.log:uptimemillis:filecount=0");
        // PrintCompilation(2) for the end of each compilation: into the JVM's tty log, never the program's stdout
        assertThat(flags).contains("-XX:+PrintCompilation", "-XX:+PrintCompilation2", "-XX:-DisplayVMOutput",
                "-XX:+LogVMOutput", "-XX:LogFile=" + RunFiles.IN_CONTAINER + "/jvm-tty.log");

        ContainerSpec container = launched.container();
        assertThat(container.hardened()).isTrue();
        assertThat(container.command().get(0)).isEqualTo("java");
        assertThat(container.env()).containsEntry("OOMLAB_EVENTS", RunFiles.IN_CONTAINER + "/workload.jsonl");
        assertThat(launched.launch().expectation().toString()).isEqualTo("JAVA_OOM");
    }

    @Test
    void aProgramsOwnImageGetsTheFlagsThroughJavaToolOptionsAndThePrograms() throws IOException {
        Launcher.Launched launched = Launcher.launch(plan("own"), "registry.example/svc:1", null, Profiler.NONE, true,
                Duration.ofSeconds(60), dir, dir.resolve("workloads.jar"), null);

        ContainerSpec container = launched.container();
        assertThat(container.command()).containsExactly("java", "-jar", "/app.jar");
        assertThat(container.env().get("JAVA_TOOL_OPTIONS")).contains("-XX:TieredStopAtLevel=1", "-Xmx128m");
        assertThat(container.env()).doesNotContainKey("OOMLAB_EVENTS"); // not one of the lab's workloads
        assertThat(container.hardened()).isFalse();
        assertThat(container.readOnlyMounts()).containsValue("/opt/oomlab-probe/oomlab-workloads.jar");
        assertThat(launched.launch().ownImage()).isTrue();
    }
}

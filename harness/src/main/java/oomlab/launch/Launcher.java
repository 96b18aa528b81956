package oomlab.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import oomlab.container.ContainerSpec;
import oomlab.container.JavaCommand;
import oomlab.container.JavaCommand.FlagGroup;
import oomlab.container.ResolvedProgram;
import oomlab.layout.RunFiles;
import oomlab.profiling.JemallocProfile;
import oomlab.profiling.NativememProfile;
import oomlab.profiling.Profiler;
import oomlab.result.RunIdentity;
import oomlab.scenario.Program;
import oomlab.scenario.RunPlan;
import oomlab.scenario.Scenario;

/**
 * The launch stage: from a run's plan to exactly what is started — the JVM's command, its flags group by group
 * ({@link FlagGroup}), the environment, the mounts — and the {@link Launch} record of it. Pure: the image is
 * named by the caller (who may have had to build it), so this can be tested without Docker.
 */
public final class Launcher {
    /** The probe's sampling interval inside the JVM. */
    public static final long PROBE_INTERVAL_MS = 250;

    private Launcher() {
    }

    /** The launch record and the container it starts. */
    public record Launched(Launch launch, ContainerSpec container) {
    }

    /**
     * @param image        the image the JVM runs in (the lab's workload image of the plan's JDK, or the program's)
     * @param program      the user's program resolved to mounts and a java start; null for a built-in workload
     *                     or a program's own image
     * @param probe        the lab's in-JVM diagnostics on (-Doomlab.probe, true but for the benchmark's floor)
     * @param workloadsJar the workloads jar on the host (the probe agent, mounted into a user's own image)
     * @param loadImage    the image the load generator runs in, for a scenario with a load
     */
    public static Launched launch(RunPlan plan, String image, ResolvedProgram program, Profiler profiler,
                                  boolean probe, Duration timeout, Path runDir, Path workloadsJar, String loadImage) {
        Scenario scenario = plan.scenario();
        JavaCommand command = javaCommand(scenario, program);
        if (probe) {
            command.withProbe(PROBE_INTERVAL_MS, plan.jdk());
        }
        command.withHeap(scenario.heap())
                .withFlags(FlagGroup.SCENARIO, scenario.jvmFlags())
                .withFlags(FlagGroup.CONFIGURATION, plan.config().jvmFlags());
        if (profiler == Profiler.NATIVEMEM) {
            command.withFlags(FlagGroup.APPENDED_AGENTS, List.of(NativememProfile.agentFlag(RunFiles.IN_CONTAINER)));
        }
        Map<String, String> environment = environment(plan, profiler);
        RunIdentity identity = new RunIdentity(scenario.name(), plan.config().name(), plan.runName(), plan.jdk(),
                Integer.toString(plan.jdk()), describe(scenario, image), image, scenario.memory().bytes(),
                scenario.heap().bytes(), scenario.timeoutSeconds(), command.jvmFlags(), environment, scenario.args(),
                scenario.runsOwnImage() ? command.userImageArgv() : command.argv());
        Launch launch = new Launch(identity, plan.expectation(), scenario.checksFor(plan.config().name()),
                scenario.reportsWork(), scenario.runsOwnImage(), profiler, environment.get("LD_PRELOAD"));

        Map<String, String> containerEnv = new TreeMap<>(environment);
        Map<Path, String> mounts = new LinkedHashMap<>();
        List<String> argv;
        if (scenario.runsOwnImage()) {
            argv = command.userImageArgv();
            containerEnv.put("JAVA_TOOL_OPTIONS", command.javaToolOptions());
            mounts.put(workloadsJar, JavaCommand.PROBE_AGENT_IN_USER_IMAGE);
        } else {
            argv = command.argv();
            if (program != null) {
                mounts.putAll(program.mounts());
            }
        }
        if (scenario.program() == null) { // the lab's own workloads report through a file of their own
            containerEnv.put(oomlab.workloads.Events.FILE_VARIABLE, RunFiles.inContainer(RunFiles.WORKLOAD_EVENTS));
        }
        ContainerSpec container = new ContainerSpec(plan.displayName(), image, argv, containerEnv, mounts,
                !scenario.runsOwnImage(), scenario.memory(), timeout, runDir, scenario.load(), loadImage);
        return new Launched(launch, container);
    }

    /** The configuration's environment, and the profiler's (the same for every configuration) on top. */
    private static Map<String, String> environment(RunPlan plan, Profiler profiler) {
        Map<String, String> env = new TreeMap<>(plan.config().env());
        if (profiler == Profiler.JEMALLOC) {
            env.putAll(JemallocProfile.environment(RunFiles.IN_CONTAINER));
        }
        return env;
    }

    private static JavaCommand javaCommand(Scenario scenario, ResolvedProgram program) {
        Program described = scenario.program();
        if (described == null) {
            return JavaCommand.workload(scenario.workload(), scenario.args());
        }
        if (scenario.runsOwnImage()) {
            return JavaCommand.userImage(described.command(), scenario.args());
        }
        return JavaCommand.program(program.javaStart(), scenario.args());
    }

    public static String describe(Scenario scenario, String image) {
        Program program = scenario.program();
        if (program == null) {
            return scenario.workload();
        }
        if (program.isClasspath()) {
            return "program " + program.mainClass() + " on " + String.join(":", program.classpath());
        }
        return "program " + (program.isImage() ? image : program.jar());
    }
}

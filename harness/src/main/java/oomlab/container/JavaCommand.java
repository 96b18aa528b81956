package oomlab.container;

import java.util.ArrayList;
import java.util.List;
import oomlab.scenario.MemorySize;

/**
 * The {@code java} command line of one run, built in a fixed order: what the lab needs to measure (NMT,
 * probe), then the scenario's heap and flags, then the configuration's flags, so a configuration's flags
 * have the last word. The workload itself never sees any of it.
 */
public final class JavaCommand {
    public static final String WORKLOADS_JAR = "/opt/oomlab/oomlab-workloads.jar";
    public static final String OUTPUT_DIR = "/oomlab-out";
    public static final String PROBE_FILE = "probe.jsonl";
    private static final String MAIN_CLASS = "oomlab.workloads.Main";

    /** Where a user's jar is mounted (read-only) for a program run on the lab's image. */
    public static final String PROGRAM_DIR = "/opt/program";
    /** Where the probe agent is mounted into a user's own image. */
    public static final String PROBE_AGENT_IN_USER_IMAGE = "/opt/oomlab-probe/oomlab-workloads.jar";

    private final List<String> jvmFlags = new ArrayList<>();
    private final List<String> programArgs = new ArrayList<>();
    private final String agentJar;

    private JavaCommand(String agentJar) {
        this.agentJar = agentJar;
    }

    /** A built-in workload from the workloads jar, with its arguments. */
    public static JavaCommand workload(String name, List<String> args) {
        JavaCommand command = new JavaCommand(WORKLOADS_JAR);
        command.programArgs.addAll(List.of("-cp", WORKLOADS_JAR, MAIN_CLASS, name));
        command.programArgs.addAll(args);
        return command;
    }

    /** A user's program mounted under {@link #PROGRAM_DIR}, started as {@code javaStart} says (see ResolvedProgram). */
    public static JavaCommand program(List<String> javaStart, List<String> args) {
        JavaCommand command = new JavaCommand(WORKLOADS_JAR);
        command.programArgs.addAll(javaStart);
        command.programArgs.addAll(args);
        return command;
    }

    /**
     * A user's image runs its own command; the flags reach its JVM through JAVA_TOOL_OPTIONS (see
     * {@link #javaToolOptions()}), so that command needs no change.
     */
    public static JavaCommand userImage(List<String> imageCommand, List<String> args) {
        JavaCommand command = new JavaCommand(PROBE_AGENT_IN_USER_IMAGE);
        command.programArgs.addAll(imageCommand);
        command.programArgs.addAll(args);
        return command;
    }

    /** The first JDK whose C1 and C2 report each compilation's arena memory (CompileCommand MemStat). */
    static final int MEMSTAT_SINCE_JDK = 22;

    /**
     * NMT on, the probe agent writing one JSON line every {@code intervalMs} into the output folder, CITime,
     * whose per-compiler counts at exit show which JIT compilers really compiled, the compilation log (one line
     * per compilation, with its tier), and on JDK 22+ each compilation's arena memory. The same for every
     * configuration of a scenario, so they differ only by their own flags.
     */
    public JavaCommand withProbe(long intervalMs, int jdkMajor) {
        jvmFlags.add("-XX:NativeMemoryTracking=summary");
        jvmFlags.add("-XX:+CITime");
        jvmFlags.add("-XX:+PrintCompilation");
        if (jdkMajor >= MEMSTAT_SINCE_JDK) {
            jvmFlags.add("-XX:CompileCommand=MemStat,*.*,print");
        }
        jvmFlags.add("-javaagent:" + agentJar + "=out=" + OUTPUT_DIR + "/" + PROBE_FILE + ",intervalMs=" + intervalMs);
        return this;
    }

    public JavaCommand withHeap(MemorySize heap) {
        jvmFlags.add("-Xmx" + heap);
        return this;
    }

    public JavaCommand withFlags(List<String> flags) {
        jvmFlags.addAll(flags);
        return this;
    }

    public List<String> jvmFlags() {
        return List.copyOf(jvmFlags);
    }

    /** The flags as JAVA_TOOL_OPTIONS carries them (space-separated: flags with spaces cannot pass). */
    public String javaToolOptions() {
        return String.join(" ", jvmFlags);
    }

    /** The command as the user's image runs it: no flags of ours in it. */
    public List<String> userImageArgv() {
        return List.copyOf(programArgs);
    }

    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add("java");
        argv.addAll(jvmFlags);
        argv.addAll(programArgs);
        return argv;
    }
}

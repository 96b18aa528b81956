package oomlab.container;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import oomlab.layout.RunFiles;
import oomlab.scenario.MemorySize;

/**
 * The {@code java} command line of one run. Its flags come in groups whose order is {@link FlagGroup}'s, whatever
 * order they were added in: what the lab needs to measure, then the scenario's heap and flags, then the
 * configuration's, so a configuration's flags have the last word, then agents that must come after all of them.
 * The workload itself never sees any of it.
 */
public final class JavaCommand {
    /** The groups of a run's JVM flags, in the order they are given to the JVM (the order is the point). */
    public enum FlagGroup {
        /** NMT, the probe agent, the JVM's own logs each to a file of its own, the crash report's place. */
        LAB_DIAGNOSTICS,
        /** The scenario's heap (-Xmx). */
        SCENARIO_HEAP,
        /** The scenario's jvmFlags: the same for every configuration. */
        SCENARIO,
        /** The configuration's jvmFlags: what the configurations of a scenario differ by. */
        CONFIGURATION,
        /** Agents appended after everything (the native-allocation profiler). */
        APPENDED_AGENTS
    }

    public static final String WORKLOADS_JAR = "/opt/oomlab/oomlab-workloads.jar";
    private static final String MAIN_CLASS = "oomlab.workloads.Main";

    /** Where a user's jar is mounted (read-only) for a program run on the lab's image. */
    public static final String PROGRAM_DIR = "/opt/program";
    /** Where the probe agent is mounted into a user's own image. */
    public static final String PROBE_AGENT_IN_USER_IMAGE = "/opt/oomlab-probe/oomlab-workloads.jar";

    private final Map<FlagGroup, List<String>> flags = new EnumMap<>(FlagGroup.class);
    private final List<String> programArgs = new ArrayList<>();
    private final String agentJar;

    private JavaCommand(String agentJar) {
        this.agentJar = agentJar;
        // always: on the read-only root a crash report elsewhere is lost with the container
        add(FlagGroup.LAB_DIAGNOSTICS, List.of("-XX:ErrorFile=" + RunFiles.inContainer(RunFiles.HS_ERR_PATTERN)));
    }

    private void add(FlagGroup group, List<String> more) {
        flags.computeIfAbsent(group, g -> new ArrayList<>()).addAll(more);
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
     * NMT on, the probe agent writing one JSON line every {@code intervalMs} into the output folder (and the
     * throwables that end a thread into a file of their own), and the JVM's own accounts, each into a file of its
     * own, never into the program's stdout: the compilation log (unified logging, one line per compilation with its
     * tier, and per method made not entrant), unified logging's warnings, and the JVM's tty output (CITime's
     * per-compiler counts at exit, on JDK 22+ each compilation's arena memory, and the JVM's report of an
     * OutOfMemoryError it threw, which it prints only when -XX:OnOutOfMemoryError is set). The same for every
     * configuration of a scenario, so they differ only by their own flags.
     */
    public JavaCommand withProbe(long intervalMs, int jdkMajor) {
        List<String> lab = new ArrayList<>(List.of(
                "-XX:NativeMemoryTracking=summary",
                "-Xlog:disable", // the JVM's default unified-logging output is the program's stdout
                "-Xlog:all=warning:file=" + RunFiles.inContainer(RunFiles.JVM_WARNINGS)
                        + ":uptimemillis,level,tags:filecount=0",
                "-Xlog:jit+compilation=debug:file=" + RunFiles.inContainer(RunFiles.JIT_COMPILATION)
                        + ":uptimemillis:filecount=0",
                "-XX:+UnlockDiagnosticVMOptions",
                // the end of each compilation, on every JDK: what was still compiling at a kill is what started
                // and never ended (PrintCompilation2 prints only with PrintCompilation; both go to the tty log)
                "-XX:+PrintCompilation",
                "-XX:+PrintCompilation2",
                "-XX:+LogVMOutput",
                "-XX:LogFile=" + RunFiles.inContainer(RunFiles.JVM_TTY),
                "-XX:-DisplayVMOutput",
                "-XX:OnOutOfMemoryError=true",
                "-XX:+CITime"));
        if (jdkMajor >= MEMSTAT_SINCE_JDK) {
            lab.add("-XX:CompileCommand=MemStat,*.*,print");
        }
        lab.add("-javaagent:" + agentJar + "=out=" + RunFiles.inContainer(RunFiles.PROBE) + ",intervalMs=" + intervalMs
                + ",uncaught=" + RunFiles.inContainer(RunFiles.UNCAUGHT));
        add(FlagGroup.LAB_DIAGNOSTICS, lab);
        return this;
    }

    public JavaCommand withHeap(MemorySize heap) {
        add(FlagGroup.SCENARIO_HEAP, List.of("-Xmx" + heap));
        return this;
    }

    public JavaCommand withFlags(FlagGroup group, List<String> more) {
        add(group, more);
        return this;
    }

    /** Every flag, group by group in {@link FlagGroup}'s order. */
    public List<String> jvmFlags() {
        return jvmFlags(FlagGroup.values());
    }

    /** The flags of these groups, still in {@link FlagGroup}'s order whatever order they are named in. */
    public List<String> jvmFlags(FlagGroup... groups) {
        java.util.Set<FlagGroup> wanted = java.util.EnumSet.noneOf(FlagGroup.class);
        wanted.addAll(List.of(groups));
        List<String> all = new ArrayList<>();
        for (FlagGroup group : wanted) { // an EnumSet iterates in the enum's order
            all.addAll(flags.getOrDefault(group, List.of()));
        }
        return List.copyOf(all);
    }

    /** The flags as JAVA_TOOL_OPTIONS carries them (space-separated: flags with spaces cannot pass). */
    public String javaToolOptions() {
        return String.join(" ", jvmFlags());
    }

    /** The command as the user's image runs it: no flags of ours in it. */
    public List<String> userImageArgv() {
        return List.copyOf(programArgs);
    }

    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add("java");
        argv.addAll(jvmFlags());
        argv.addAll(programArgs);
        return argv;
    }
}

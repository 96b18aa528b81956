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

    private final List<String> jvmFlags = new ArrayList<>();
    private final List<String> programArgs = new ArrayList<>();

    private JavaCommand() {
    }

    /** A built-in workload from the workloads jar, with its arguments. */
    public static JavaCommand workload(String name, List<String> args) {
        JavaCommand command = new JavaCommand();
        command.programArgs.addAll(List.of("-cp", WORKLOADS_JAR, MAIN_CLASS, name));
        command.programArgs.addAll(args);
        return command;
    }

    /**
     * NMT on, the probe agent writing one JSON line every {@code intervalMs} into the output folder, and
     * CITime, whose per-compiler counts at exit show which JIT compilers really compiled.
     */
    public JavaCommand withProbe(long intervalMs) {
        jvmFlags.add("-XX:NativeMemoryTracking=summary");
        jvmFlags.add("-XX:+CITime");
        jvmFlags.add("-javaagent:" + WORKLOADS_JAR + "=out=" + OUTPUT_DIR + "/" + PROBE_FILE + ",intervalMs=" + intervalMs);
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

    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add("java");
        argv.addAll(jvmFlags);
        argv.addAll(programArgs);
        return argv;
    }
}

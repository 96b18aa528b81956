package oomlab.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one run, named once: each witness writes a file of its own, and every stage that reads one asks
 * for it here. Inside the container the run's folder is {@link #IN_CONTAINER}; on the host it is the run's
 * folder under the results.
 */
public record RunFiles(Path dir) {
    /** The run's folder as the container sees it (mounted read-write from the host). */
    public static final String IN_CONTAINER = "/oomlab-out";

    /** The host sampler's memory curve. */
    public static final String SAMPLES = "rss.csv";
    /** The probe agent's samples from inside the JVM (NMT, threads, buffers, CPU). */
    public static final String PROBE = "probe.jsonl";
    /** The probe agent's record of the throwables that ended a thread. */
    public static final String UNCAUGHT = "uncaught.jsonl";
    /** The lab's own workloads' events (work done, service windows, phases): never the program's stdout. */
    public static final String WORKLOAD_EVENTS = "workload.jsonl";
    /** What the program printed, kept apart and never parsed for a verdict. */
    public static final String STDOUT = "stdout.log";
    public static final String STDERR = "stderr.log";
    /** The JVM's compilation log (unified logging, jit+compilation). */
    public static final String JIT_COMPILATION = "jit-compilation.log";
    /** The JVM's unified-logging warnings (the code cache's "CodeCache is full" among them). */
    public static final String JVM_WARNINGS = "jvm-warnings.log";
    /** The JVM's own tty output (-XX:+LogVMOutput): CITime, MemStat, MemLimit, its OutOfMemoryError report. */
    public static final String JVM_TTY = "jvm-tty.log";
    /** Where the JVM writes its crash report (-XX:ErrorFile; %p is the pid). */
    public static final String HS_ERR_PATTERN = "hs_err_pid%p.log";
    /** What the container stage recorded of the run (outcome, sampler facts, kernel lines): the replay's input. */
    public static final String RAW_RUN = "raw-run.json";
    /** What was launched, and what it was expected to do: the other half of the replay's input. */
    public static final String LAUNCH = "launch.json";
    public static final String RESULT = "result.json";
    /** The load generator's output (its own container: every line there is the lab's). */
    public static final String LOAD_LOG = "load.log";

    /** The files a person reads first, in the order the report lists them. */
    public static final List<String> LISTED = List.of(RESULT, SAMPLES, PROBE, STDOUT, STDERR, JIT_COMPILATION,
            JVM_TTY, JVM_WARNINGS, WORKLOAD_EVENTS, UNCAUGHT);

    public static String inContainer(String name) {
        return IN_CONTAINER + "/" + name;
    }

    /**
     * A run's folder under a results folder: {@code <root>/<scenario>/<run name>} (the run name is the configuration
     * with its JDK and repeat, e.g. {@code c2-jdk25-r2}). Named here and nowhere else.
     */
    public static RunFiles under(Path root, String scenario, String runName) {
        return new RunFiles(root.resolve(scenario).resolve(runName));
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** The file's text, or "" where the run left none (it never got that far). */
    public String text(String name) {
        Path file = file(name);
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> lines(String name) {
        return text(name).lines().toList();
    }

    /** The JVM's crash reports in the folder (hs_err_pid*.log), by name. */
    public List<Path> crashReports() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("hs_err_pid\\d+\\.log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package oomlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import oomlab.container.JavaCommand;
import oomlab.result.RunResult;
import oomlab.scenario.RunPlan;

/**
 * What the lab itself costs and how fast it is, printed, not asserted (timings on a shared machine are for
 * reading as ratios within one run): {@code mvn -q compile exec:java@benchmark}.
 *
 * <ol>
 *   <li>Every selected run ({@code -Dscenario}, default {@value #DEFAULT_SCENARIOS}): time to verdict (from
 *       asking for the run to its judged result), container created → first sample, the sampling rate, the
 *       sampler thread's own CPU; the whole selection's wall time.</li>
 *   <li>The probe's overhead: the first run again without the probe, NMT and the JIT logs, as a ratio of time
 *       to exit and of CPU.</li>
 *   <li>The floor: the same JVM command (without the probe) run directly on the host in a raw memory cgroup
 *       of the same cap, no Docker; lab ÷ floor for time to exit and for start to start (asking for the run to
 *       being ready for the next).</li>
 * </ol>
 */
public final class Benchmark {
    static final String DEFAULT_SCENARIOS = "direct-buffer-leak,steady";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Properties properties = (java.util.Properties) System.getProperties().clone();
        if (properties.getProperty("scenario", "").isBlank()) {
            properties.setProperty("scenario", DEFAULT_SCENARIOS);
        }
        Settings settings = Settings.from(properties, System.getenv())
                .withResultsRoot(Path.of("target/oomlab-benchmark/lab"));
        LabSession session = LabSession.open(settings);
        List<RunPlan> plans = session.plans();
        List<RunResult> results = new ArrayList<>();
        List<Long> walls = new ArrayList<>();
        long matrixStart = System.nanoTime();
        for (RunPlan plan : plans) {
            long start = System.nanoTime();
            results.add(session.run(plan));
            walls.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        long matrixMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - matrixStart);

        RunPlan first = plans.get(0);
        // the same engine (its images made once), a session of its own: the same checks before its run, closed after
        LabSession bare = LabSession.open(settings.withProbe(false)
                .withResultsRoot(Path.of("target/oomlab-benchmark/no-probe")), session.lab().engine(), session.lab().console());
        long bareStart = System.nanoTime();
        RunResult withoutProbe = bare.run(first);
        long bareWall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - bareStart);
        Floor floor = Floor.run(withoutProbe, Lab.workloadsJar(), settings);

        StringBuilder out = new StringBuilder("\n# oomlab benchmark\n\n");
        out.append("| run | verdict | time to verdict s | exit s | created → first sample ms"
                + " | started → first sample ms | samples/s | sampler CPU ms | sampler CPU % of wall |"
                + "\n|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < results.size(); i++) {
            RunResult r = results.get(i);
            out.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %d | %s | %.1f | %d | %.2f%% |%n",
                    r.run().displayName(), r.exit().verdict(), walls.get(i) / 1000.0,
                    r.container().timeToExitMs() / 1000.0, r.memory().createdToFirstSampleMs(),
                    r.memory().startedToFirstSampleMs() == null ? "-" : r.memory().startedToFirstSampleMs().toString(),
                    r.memory().samplerHz(), r.memory().samplerCpuMs(),
                    100.0 * r.memory().samplerCpuMs() / Math.max(1, r.container().timeToExitMs())));
        }
        out.append(String.format(Locale.ROOT, "%nWhole selection: %d run(s) in %.1f s%n", results.size(), matrixMs / 1000.0));
        List<Long> firstSamples = results.stream().map(r -> r.memory().startedToFirstSampleMs())
                .filter(java.util.Objects::nonNull).sorted().toList();
        if (!firstSamples.isEmpty()) {
            out.append(String.format(Locale.ROOT, "Started → first sample: median %d ms over %d run(s) (negative: the"
                            + " sampler read the cgroup before Docker recorded the start)%n",
                    firstSamples.get(firstSamples.size() / 2), firstSamples.size()));
        }

        RunResult probed = results.get(0);
        out.append(String.format(Locale.ROOT, "%nProbe overhead (%s): time to exit %.2f s with the probe, NMT and JIT logs,"
                        + " %.2f s without (%.2f×); CPU %.2f s against %.2f s (%.2f×)%n",
                first.displayName(), probed.container().timeToExitMs() / 1000.0,
                withoutProbe.container().timeToExitMs() / 1000.0,
                ratio(probed.container().timeToExitMs(), withoutProbe.container().timeToExitMs()),
                probed.memory().cpuSeconds(), withoutProbe.memory().cpuSeconds(),
                ratio(probed.memory().cpuSeconds(), withoutProbe.memory().cpuSeconds())));
        if (floor.problem() != null) {
            out.append("\nFloor: not measured: ").append(floor.problem()).append('\n');
        } else {
            out.append(String.format(Locale.ROOT, "%nFloor (%s, the same command without the probe, in a raw %s memory"
                            + " cgroup of the same cap, no Docker): exit code %d; time to exit lab %.2f s, floor %.2f s"
                            + " (lab ÷ floor %.2f); start to start lab %.2f s, floor %.2f s (lab ÷ floor %.2f)%n",
                    first.displayName(), floor.cgroupVersion(), floor.exitCode(),
                    withoutProbe.container().timeToExitMs() / 1000.0, floor.exitMs() / 1000.0,
                    ratio(withoutProbe.container().timeToExitMs(), floor.exitMs()), bareWall / 1000.0,
                    floor.startToStartMs() / 1000.0, ratio(bareWall, floor.startToStartMs())));
        }
        Path bareRun = oomlab.layout.RunFiles.under(Path.of("target/oomlab-benchmark/no-probe"),
                withoutProbe.run().scenario(), withoutProbe.run().runName()).file(oomlab.layout.RunFiles.RAW_RUN);
        oomlab.container.RunPhases phases = Files.isRegularFile(bareRun)
                ? oomlab.result.ResultJson.readRecord(bareRun, oomlab.container.RawRun.class).phases() : null;
        if (phases != null) {
            long labOwn = bareWall - phases.totalMs(); // the plan, launch.json, the analysis, result.json, the report
            out.append(String.format(Locale.ROOT, "%nWhere the lab's start to start went (%s, %d ms): create %d ms,"
                            + " created → started %d ms, running %d ms, output drained %d ms, stop and removal %d ms,"
                            + " kernel log %d ms, the lab's own (launch, analysis, result files) %d ms; the floor's run"
                            + " %d ms%n", first.displayName(), bareWall, phases.createMs(), phases.startMs(),
                    phases.runMs(), phases.drainMs(), phases.removeMs(), phases.kernelLogMs(), labOwn,
                    floor.problem() == null ? floor.exitMs() : -1));
        }
        session.close(); // each session's folder judged again and its report written, as every entry point does
        bare.close();
        System.out.print(out);
        Path file = Path.of("target/oomlab-benchmark/benchmark.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println("\nWritten to " + file.toAbsolutePath());
    }

    private static double ratio(double a, double b) {
        return b <= 0 ? Double.NaN : a / b;
    }

    /**
     * The lab's JVM command run on the host in a memory cgroup made for it, the cap set as in the container
     * (memory = memory+swap): the least any lab could take to give the same verdict.
     *
     * @param exitMs          from starting the process to its exit
     * @param startToStartMs  from asking for the run to the cgroup removed again, ready for the next
     */
    record Floor(String cgroupVersion, long exitCode, long exitMs, long startToStartMs, String problem) {
        static Floor run(RunResult run, Path workloadsJar, Settings settings) throws IOException, InterruptedException {
            if (run.run().command().stream().noneMatch(arg -> arg.equals(JavaCommand.WORKLOADS_JAR))) {
                return failed("only built-in workloads run outside their image");
            }
            Path java = hostJava(run.run().jdkMajor(), settings);
            if (java == null) {
                return failed("no JDK " + run.run().jdkMajor() + " on the host (-Doomlab.jdkHome."
                        + run.run().jdkMajor() + "=DIR)");
            }
            long start = System.nanoTime();
            boolean v2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
            Path group = v2 ? Path.of("/sys/fs/cgroup/oomlab-floor-" + ProcessHandle.current().pid())
                    : Path.of("/sys/fs/cgroup/memory/oomlab-floor-" + ProcessHandle.current().pid());
            try {
                Files.createDirectories(group);
                String cap = Long.toString(run.run().capBytes());
                if (v2) {
                    Files.writeString(group.resolve("memory.max"), cap);
                    Files.writeString(group.resolve("memory.swap.max"), "0");
                } else {
                    Files.writeString(group.resolve("memory.limit_in_bytes"), cap);
                    if (Files.exists(group.resolve("memory.memsw.limit_in_bytes"))) {
                        Files.writeString(group.resolve("memory.memsw.limit_in_bytes"), cap);
                    }
                }
            } catch (IOException | SecurityException e) {
                return failed("cannot make a memory cgroup at " + group + " (" + e.getMessage()
                        + "): root and a writable cgroup tree are needed");
            }
            List<String> command = new ArrayList<>();
            for (String arg : run.run().command()) {
                command.add(arg.equals("java") ? java.toString()
                        : arg.replace(JavaCommand.WORKLOADS_JAR, workloadsJar.toString()));
            }
            StringBuilder script = new StringBuilder("echo $$ > " + group.resolve("cgroup.procs") + " && exec");
            command.forEach(arg -> script.append(" '").append(arg.replace("'", "'\\''")).append('\''));
            long spawned = System.nanoTime();
            Process process = new ProcessBuilder("sh", "-c", script.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean ended = process.waitFor(run.run().timeoutSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            long exitMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawned);
            for (int attempt = 0; attempt < 50 && Files.exists(group); attempt++) {
                try {
                    Files.delete(group); // empty once the process is gone
                } catch (IOException e) {
                    Thread.sleep(20);
                }
            }
            return new Floor(v2 ? "cgroup v2" : "cgroup v1", ended ? process.exitValue() : -1, exitMs,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), ended ? null : "timed out");
        }

        private static Floor failed(String problem) {
            return new Floor("", -1, -1, -1, problem);
        }

        /** The host's java of that major version: the harness's own, or -Doomlab.jdkHome.N. */
        private static Path hostJava(int major, Settings settings) {
            if (settings.jdkHomes().containsKey(major)) {
                return settings.jdkHomes().get(major).resolve("bin/java");
            }
            if (Runtime.version().feature() == major) {
                return ProcessHandle.current().info().command().map(Path::of).orElse(null);
            }
            return null;
        }
    }
}

package oomlab.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import oomlab.layout.RunFiles;
import oomlab.result.RunResult;
import oomlab.sampling.ProbeLine;
import oomlab.sampling.ProbeLog;
import oomlab.sampling.Sample;
import oomlab.sampling.SampleLog;

/**
 * A run's curves over time, as the analysis reads them from the run's own files: the container's memory, where
 * it was killed, the file pages the kernel re-read, the CPU it used (runs under load), the service's p99 per
 * window, and NMT's categories. The report draws them and computes none of them. Each series is [seconds since
 * the container started, value], at most {@link #MAX_POINTS} points: each bucket keeps its highest point, so no
 * peak (and no kill) is smoothed away.
 *
 * @param memoryMb      the container's memory (cgroup) in MB
 * @param kill          [seconds, MB] where the run was killed (the last sample, at the highest usage of the
 *                      second before it: the last samples may already show what the kill freed), or null
 * @param refaultMbPerS file pages re-read per second, MB/s (empty where the sampler counted none)
 * @param cpuCores      the container's CPU in cores, per second of its life (runs that served a load; else empty)
 * @param p99Ms         the p99 at the end of each window of the load (the lab's windows for a program under load,
 *                      the service workload's own), ms; empty without a load
 * @param steadyS       [from, to]: the windows the steady cost was measured over, or null where it never settled
 *                      (or had no load)
 * @param nmt           the named NMT categories and the rest summed, MB; empty where the probe wrote nothing
 */
public record RunCurves(List<double[]> memoryMb, double[] kill, List<double[]> refaultMbPerS,
                        List<double[]> cpuCores, List<double[]> p99Ms, double[] steadyS, List<NmtSeries> nmt) {
    /** Enough points to draw a curve faithfully; a long run at 40 Hz has thousands. */
    public static final int MAX_POINTS = 600;
    /** NMT categories drawn by name; the smaller ones are summed into one series. */
    public static final int NMT_CATEGORIES = 8;
    public static final String OTHER_NMT = "other NMT categories";
    private static final double MB = 1 << 20;

    public record NmtSeries(String category, List<double[]> mb) {
    }

    /**
     * @param runDir       the run's own folder (rss.csv, probe.jsonl)
     * @param nmtByName    the NMT categories to draw by name, in order ({@link #nmtCategories}); the rest summed
     */
    public static RunCurves of(RunResult run, Path runDir, List<String> nmtByName) {
        List<Sample> samples = readSamples(runDir.resolve(RunFiles.SAMPLES));
        List<double[]> memory = downsample(samples.stream()
                .map(s -> new double[] {s.tMs() / 1000.0, round(s.cgroupBytes() / MB)}).toList());
        boolean serves = run.service() != null || run.load() != null;
        long containerStartEpochMs = samples.isEmpty() ? 0 : samples.get(0).epochMs() - samples.get(0).tMs();
        return new RunCurves(memory, kill(run, samples), refaultRate(samples),
                serves ? cpuRate(samples) : List.of(), p99s(run), steadyPeriod(run),
                nmt(runDir.resolve(RunFiles.PROBE), containerStartEpochMs, nmtByName));
    }

    /**
     * The categories every run of a scenario draws by name, in one order, so that a category has the same place
     * and colour in each run's chart: the Java heap at the bottom, then the largest by their peak in any run.
     */
    public static List<String> nmtCategories(List<RunResult> runs) {
        Map<String, Long> peaks = new LinkedHashMap<>();
        runs.forEach(run -> run.nmt().peak().forEach((category, bytes) -> peaks.merge(category, bytes, Math::max)));
        peaks.remove("Total");
        List<String> named = new ArrayList<>();
        if (peaks.containsKey("Java Heap")) {
            named.add("Java Heap");
        }
        peaks.entrySet().stream().filter(e -> !e.getKey().equals("Java Heap"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(NMT_CATEGORIES - named.size())
                .forEach(e -> named.add(e.getKey()));
        return named;
    }

    private static double[] kill(RunResult run, List<Sample> samples) {
        boolean killed = switch (run.exit().verdict()) {
            case OOM_KILLED, KILLED -> true;
            default -> false;
        };
        if (!killed || samples.isEmpty()) {
            return null;
        }
        Sample last = samples.get(samples.size() - 1);
        long highest = samples.stream().filter(s -> s.tMs() >= last.tMs() - 1000)
                .mapToLong(Sample::cgroupBytes).max().orElse(last.cgroupBytes());
        return new double[] {last.tMs() / 1000.0, round(highest / MB)};
    }

    /** The container's CPU in cores, per second of its life: the sampler's CPU counter over each second. */
    private static List<double[]> cpuRate(List<Sample> samples) {
        List<double[]> cores = new ArrayList<>();
        Sample from = null;
        for (Sample sample : samples) {
            if (sample.cpuNanos() <= 0) {
                continue;
            }
            if (from == null) {
                from = sample;
            } else if (sample.tMs() - from.tMs() >= 1000) {
                cores.add(new double[] {sample.tMs() / 1000.0,
                        round((sample.cpuNanos() - from.cpuNanos()) / 1e6 / (sample.tMs() - from.tMs()) * 10) / 10});
                from = sample;
            }
        }
        return downsample(cores);
    }

    /** Each window's p99 at its end, [seconds, ms]: the service workload's own windows, else the load's. */
    private static List<double[]> p99s(RunResult run) {
        if (run.service() != null) {
            return run.service().windows().stream().map(w -> new double[] {w.toS(), w.p99Ms()}).toList();
        }
        if (run.load() != null && run.load().steady() != null) {
            return run.load().steady().windows().stream().map(w -> new double[] {w.toS(), w.p99Ms()}).toList();
        }
        return List.of();
    }

    /** Where the steady cost was measured: the load's steady windows, or the service workload's "steady" phase. */
    private static double[] steadyPeriod(RunResult run) {
        if (run.load() != null && run.load().steady() != null && run.load().steady().steady()) {
            var steady = run.load().steady();
            double to = steady.windows().stream().mapToDouble(w -> w.toS()).max().orElse(steady.steadyFromS());
            return new double[] {steady.steadyFromS(), to};
        }
        if (run.service() != null) {
            var phase = run.service().windows().stream().filter(w -> "steady".equals(w.phase())).toList();
            if (!phase.isEmpty()) {
                return new double[] {phase.get(0).fromS(), phase.get(phase.size() - 1).toS()};
            }
        }
        return null;
    }

    /** File pages re-read per second between samples, [seconds, MB/s]; empty where the sampler counted none. */
    private static List<double[]> refaultRate(List<Sample> samples) {
        List<double[]> rate = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            Sample before = samples.get(i - 1);
            Sample after = samples.get(i);
            if (before.refaultFile() < 0 || after.refaultFile() < 0 || after.tMs() <= before.tMs()) {
                continue;
            }
            double mb = Math.max(0, after.refaultFile() - before.refaultFile()) * 4096.0 / MB;
            rate.add(new double[] {after.tMs() / 1000.0, round(mb * 1000.0 / (after.tMs() - before.tMs()))});
        }
        return downsample(rate);
    }

    /** The named categories and the rest summed, each a series of [seconds since the container started, MB]. */
    private static List<NmtSeries> nmt(Path probeFile, long containerStartEpochMs, List<String> named) {
        List<ProbeLine> lines;
        try {
            lines = ProbeLog.read(probeFile).lines();
        } catch (IOException e) {
            return List.of();
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        List<NmtSeries> series = new ArrayList<>();
        for (String name : named) {
            series.add(new NmtSeries(name, downsample(lines.stream().map(line -> new double[] {
                    seconds(line, containerStartEpochMs), round(line.nmt().getOrDefault(name, 0L) / MB)}).toList())));
        }
        series.add(new NmtSeries(OTHER_NMT, downsample(lines.stream().map(line -> new double[] {
                seconds(line, containerStartEpochMs), round(line.nmt().entrySet().stream()
                .filter(e -> !e.getKey().equals("Total") && !named.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum() / MB)}).toList())));
        return series;
    }

    /** On the host curve's clock (seconds since the container started), where the host's samples say when that was. */
    private static double seconds(ProbeLine line, long containerStartEpochMs) {
        return containerStartEpochMs > 0 ? (line.epochMs() - containerStartEpochMs) / 1000.0 : line.tMs() / 1000.0;
    }

    /** At most {@link #MAX_POINTS}: each bucket keeps its highest point, so no peak (and no kill) is smoothed away. */
    static List<double[]> downsample(List<double[]> points) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        List<double[]> kept = new ArrayList<>();
        double bucket = (double) points.size() / MAX_POINTS;
        for (int b = 0; b < MAX_POINTS; b++) {
            int from = (int) (b * bucket);
            int to = Math.min(points.size(), (int) ((b + 1) * bucket));
            points.subList(from, Math.max(from + 1, to)).stream().max(Comparator.comparingDouble(p -> p[1]))
                    .ifPresent(kept::add);
        }
        double[] last = points.get(points.size() - 1);
        if (kept.get(kept.size() - 1) != last) {
            kept.add(last);
        }
        return kept;
    }

    private static List<Sample> readSamples(Path csv) {
        try {
            return Files.exists(csv) ? SampleLog.read(csv) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(); // a curve cut mid-line by a crash of the harness: the run is still drawn
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

package oomlab.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import oomlab.sampling.ProbeLine;
import oomlab.sampling.Sample;

/**
 * A service under load, window by window, and the moment its cost settled: where the price of a configuration
 * is read (CPU per 1,000 requests after the JIT went quiet, not over a run that is mostly start-up and C2 compiling
 * the service).
 *
 * <p>Each window is {@value #WINDOW_SECONDS} s of the load generator's own seconds (its per-second lines: answers,
 * the warm-up's too, and their p99), joined with the container's CPU from the cgroup samples (rss.csv's cpu_ns) and
 * the tier-4 compilations the JVM's compilation log started in it. The clocks are put on one line by Docker's start
 * of the container: the samples carry wall-clock times, the JVM's log its uptime from about that start, the
 * generator's seconds count from when the service listened (give or take the generator's own start, some 0.3 s).
 *
 * <p>The rule (thresholds here, stated in docs/results.md): a window is <em>quiet</em> when the JIT started at most
 * {@value #QUIET_TIER4_PER_WINDOW} tier-4 compilations in it; the run is <em>steady</em> from the first window that
 * begins {@value #SETTLED_WINDOWS} quiet windows in a row whose CPU per request lies within
 * ±{@value #FLAT_PERCENT}% of their median. Its steady cost is the CPU over the answers of every window from there
 * to the last whole one. A run that never gets there says so, with the JVM's compilations and the CPU of its last
 * windows, and has no steady cost: never a figure from its warm-up.
 *
 * @param windows        every whole window of the load
 * @param steadyFromS    where the steady windows begin, in seconds since the container started; null when never
 * @param cpuMsPer1000   CPU milliseconds per 1,000 answered requests over the steady windows; null when never
 * @param p99Ms          the worst steady second's p99 latency; null when never
 * @param why            the evidence, in words: why steady from there, or why never
 * @param memory         has the container's memory settled: its growth over the steady windows (or, never steady,
 *                       the last ones), with an interval; null with too few windows
 * @param heapAfterGc    the same for the heap in use after the last collection (the probe's); null with too few
 *                       windows that have it (no probe, no collection yet)
 */
public record SteadyState(List<Window> windows, Double steadyFromS, Double cpuMsPer1000, Double p99Ms, String why,
                          MemoryTrend memory,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) MemoryTrend heapAfterGc) {
    static final int WINDOW_SECONDS = 5;
    static final int QUIET_TIER4_PER_WINDOW = 2;
    static final int SETTLED_WINDOWS = 3;
    static final int FLAT_PERCENT = 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINE_PREFIX = "oomlab-load ";

    public SteadyState {
        windows = List.copyOf(windows);
    }

    /** Windows a growth rate is fitted over at the least, and where never steady, the last ones it uses. */
    static final int TREND_MIN_WINDOWS = 4;
    static final int TREND_LAST_WINDOWS = 6;

    /**
     * The container's memory over the windows it was fitted on: the slope of a least-squares line through each
     * window's last sample, with its 95% interval (commons-math's SimpleRegression).
     *
     * @param overWindows   how many windows, from fromS
     * @param fromS         the first of them
     * @param mbPerMinute   the growth, MB a minute
     * @param low           the interval's low end
     * @param high          its high end
     * @param lastMb        the memory at the last of them
     * @param minutesToCap  at the rate measured, minutes from the last window to the cap; null unless it grows (the
     *                      interval above 0)
     * @param settled       its interval includes 0, or lies below it: no measurable growth
     */
    public record MemoryTrend(int overWindows, double fromS, double mbPerMinute, double low, double high,
                              double lastMb, Double minutesToCap, boolean settled) {
        /** e.g. "still growing at 12.1 MB/min [8.0-16.2] over its last 6 windows: at that rate the 512 MB cap in 17 min". */
        public String describe(long capBytes) {
            return describe("memory", capBytes, "cap");
        }

        /** The same for a figure of {@code what}, against a limit named {@code limit} (e.g. "heap after GC", "-Xmx"). */
        public String describe(String what, long limitBytes, String limit) {
            String rate = String.format(Locale.ROOT, "%.1f MB/min [%.1f to %.1f] over %d windows from %.0f s",
                    mbPerMinute, low, high, overWindows, fromS);
            String subject = what.equals("memory") ? "" : what + " ";
            return settled ? what + " settled: " + rate : String.format(Locale.ROOT, "%sstill growing at %s: at that"
                    + " rate the %d MB %s in %.0f min", subject, rate, limitBytes >> 20, limit, minutesToCap);
        }
    }

    /**
     * The later half of the steady windows (at least {@value #TREND_MIN_WINDOWS}): the first steady windows still
     * hold the heap's first commit toward -Xmx (a Spring Boot service under C1 rose 171 → 283 MB in its first 28 s,
     * then stayed at 288-290 MB for four minutes; fitted from its first steady window, a 100 s run read 12.7 MB/min
     * and "the cap in 18 min").
     */
    static List<Window> laterHalf(List<Window> steady) {
        int from = Math.min(steady.size() / 2, Math.max(0, steady.size() - TREND_MIN_WINDOWS));
        return steady.subList(from, steady.size());
    }

    /** The growth of {@code windows}' memory, fitted; null with too few. */
    static MemoryTrend trend(List<Window> windows, long capBytes) {
        return trend(windows, capBytes, Window::memoryMb);
    }

    /** The growth of a figure of the windows (the container's memory, the heap after GC), fitted; null with too few. */
    static MemoryTrend trend(List<Window> windows, long limitBytes, java.util.function.Function<Window, Double> figure) {
        List<Window> fitted = windows.stream().filter(w -> figure.apply(w) != null).toList();
        if (fitted.size() < TREND_MIN_WINDOWS) {
            return null;
        }
        long capBytes = limitBytes;
        org.apache.commons.math3.stat.regression.SimpleRegression line =
                new org.apache.commons.math3.stat.regression.SimpleRegression();
        fitted.forEach(w -> line.addData(w.toS() / 60.0, figure.apply(w)));
        double slope = line.getSlope();
        double half = line.getSlopeConfidenceInterval(0.05);
        if (Double.isNaN(half)) {
            half = 0;
        }
        double last = figure.apply(fitted.get(fitted.size() - 1));
        boolean grows = slope - half > 0;
        Double toCap = grows ? Math.max(0, ((capBytes >> 20) - last) / slope) : null;
        return new MemoryTrend(fitted.size(), fitted.get(0).fromS(), slope, slope - half, slope + half, last, toCap,
                !grows);
    }

    public boolean steady() {
        return cpuMsPer1000 != null;
    }

    /**
     * One window of the load.
     *
     * @param fromS             its start, in seconds since the container started
     * @param toS               its end
     * @param answered          answers the generator counted in it (the warm-up's too)
     * @param cpuCores          the container's CPU over it, in cores
     * @param cpuMsPer1000      CPU milliseconds per 1,000 answers
     * @param tier4Compilations optimised compilations the JVM started in it
     * @param p99Ms             the worst of its seconds' p99 latency
     * @param memoryMb          the container's memory (the cgroup's usage) at its end
     * @param heapAfterGcMb     the heap in use after the last collection before its end (the probe's); null without
     */
    public record Window(double fromS, double toS, long answered, double cpuCores, Double cpuMsPer1000,
                         int tier4Compilations, double p99Ms, Double memoryMb,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Double heapAfterGcMb) {
    }

    /**
     * What a run's windows are made from, as its files hold them.
     *
     * @param loadLog       the generator's log (its per-second lines)
     * @param samples       the cgroup samples, in order
     * @param probe         the probe's lines (the heap after GC), in order; empty without a probe
     * @param tier4StartsMs the JVM's uptime at each tier-4 compilation's start
     */
    public record Witnesses(List<String> loadLog, List<Sample> samples, List<ProbeLine> probe,
                            List<Long> tier4StartsMs) {
    }

    /** The limits a growth is projected to: the container's cap, the heap's -Xmx. */
    public record Limits(long capBytes, long heapBytes) {
    }

    /**
     * @param startedAtEpochMs  Docker's start of the container
     * @param readyAfterMs      from that start until the service listened (the generator starts then)
     */
    public static SteadyState of(Witnesses witnesses, long startedAtEpochMs, long readyAfterMs, Limits limits) {
        List<String> loadLog = witnesses.loadLog();
        List<Sample> samples = witnesses.samples();
        List<Long> tier4StartsMs = witnesses.tier4StartsMs();
        List<JsonNode> seconds = new ArrayList<>();
        for (String line : loadLog) {
            int at = line.indexOf(LINE_PREFIX);
            if (at < 0) {
                continue;
            }
            try {
                seconds.add(JSON.readTree(line.substring(at + LINE_PREFIX.length())));
            } catch (java.io.IOException e) {
                // a line cut short by the end
            }
        }
        List<Sample> withCpu = samples.stream().filter(s -> s.cpuNanos() >= 0).toList();
        if (seconds.isEmpty() || withCpu.size() < 2 || readyAfterMs < 0) {
            return new SteadyState(List.of(), null, null, null, seconds.isEmpty() ? "no per-second lines from the load"
                    : withCpu.size() < 2 ? "no CPU samples from the container's cgroup" : "the service never listened", null,
                    null);
        }
        // container time (ms since Docker's start) of the samples' own clock
        long sampleOffsetMs = startedAtEpochMs - (withCpu.get(0).epochMs() - withCpu.get(0).tMs());
        List<Window> windows = new ArrayList<>();
        for (int first = 0; first + WINDOW_SECONDS <= seconds.size(); first += WINDOW_SECONDS) {
            long answered = 0;
            double p99 = 0;
            for (int s = first; s < first + WINDOW_SECONDS; s++) {
                JsonNode second = seconds.get(s);
                answered += second.has("answered") ? second.path("answered").asLong() : second.path("ok").asLong();
                p99 = Math.max(p99, second.path("p99Ms").asDouble(0));
            }
            long fromMs = readyAfterMs + first * 1000L;
            long toMs = fromMs + WINDOW_SECONDS * 1000L;
            Double cpuNanos = cpuBetween(withCpu, fromMs - sampleOffsetMs, toMs - sampleOffsetMs);
            if (cpuNanos == null) {
                break; // the samples ended (the container with them)
            }
            int compilations = (int) tier4StartsMs.stream().filter(ms -> ms >= fromMs && ms < toMs).count();
            windows.add(new Window(fromMs / 1000.0, toMs / 1000.0, answered, cpuNanos / 1e9 / WINDOW_SECONDS,
                    answered == 0 ? null : cpuNanos / 1e6 / answered * 1000, compilations, p99,
                    memoryAt(withCpu, toMs - sampleOffsetMs) / (double) (1 << 20),
                    heapAfterGcAt(witnesses.probe(), startedAtEpochMs + toMs)));
        }
        return settle(windows, limits);
    }

    /** The rule, on windows already made. */
    static SteadyState settle(List<Window> windows) {
        return settle(windows, new Limits(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    static SteadyState settle(List<Window> windows, Limits limits) {
        long capBytes = limits.capBytes();
        for (int i = 0; i + SETTLED_WINDOWS <= windows.size(); i++) {
            List<Window> run = windows.subList(i, i + SETTLED_WINDOWS);
            if (run.stream().allMatch(w -> w.tier4Compilations() <= QUIET_TIER4_PER_WINDOW && w.cpuMsPer1000() != null)
                    && flat(run)) {
                List<Window> steady = windows.subList(i, windows.size()).stream()
                        .filter(w -> w.cpuMsPer1000() != null).toList();
                double cpuMs = steady.stream().mapToDouble(w -> w.cpuCores() * (w.toS() - w.fromS()) * 1000).sum();
                long answered = steady.stream().mapToLong(Window::answered).sum();
                double p99 = steady.stream().mapToDouble(Window::p99Ms).max().orElse(0);
                return new SteadyState(windows, windows.get(i).fromS(), cpuMs / answered * 1000, p99,
                        String.format(Locale.ROOT, "steady from %.0f s: %d windows of %d s in a row with at most %d"
                                        + " tier-4 compilations each (%s) and CPU per 1,000 requests within %d%% (%s ms);"
                                        + " %d windows counted", windows.get(i).fromS(), SETTLED_WINDOWS,
                                WINDOW_SECONDS, QUIET_TIER4_PER_WINDOW, compilations(run), FLAT_PERCENT, costs(run),
                                steady.size()), trend(laterHalf(windows.subList(i, windows.size())), capBytes),
                        trend(laterHalf(windows.subList(i, windows.size())), limits.heapBytes(), Window::heapAfterGcMb));
            }
        }
        if (windows.isEmpty()) {
            return new SteadyState(windows, null, null, null, "no whole window of the load was measured", null, null);
        }
        List<Window> last = windows.subList(Math.max(0, windows.size() - SETTLED_WINDOWS), windows.size());
        return new SteadyState(windows, null, null, null, String.format(Locale.ROOT, "not steady by the end of its"
                        + " load (%.0f s): tier-4 compilations in its last windows %s, CPU per 1,000 requests %s ms; no"
                        + " steady cost", windows.get(windows.size() - 1).toS(), compilations(last), costs(last)),
                trend(windows.subList(Math.max(0, windows.size() - TREND_LAST_WINDOWS), windows.size()), capBytes),
                trend(windows.subList(Math.max(0, windows.size() - TREND_LAST_WINDOWS), windows.size()),
                        limits.heapBytes(), Window::heapAfterGcMb));
    }

    private static boolean flat(List<Window> run) {
        double[] costs = run.stream().mapToDouble(Window::cpuMsPer1000).sorted().toArray();
        double median = costs[costs.length / 2];
        return costs[0] >= median * (1 - FLAT_PERCENT / 100.0) && costs[costs.length - 1] <= median * (1 + FLAT_PERCENT / 100.0);
    }

    private static String compilations(List<Window> run) {
        return String.join(", ", run.stream().map(w -> Integer.toString(w.tier4Compilations())).toList());
    }

    private static String costs(List<Window> run) {
        return String.join(", ", run.stream().map(w -> w.cpuMsPer1000() == null ? "-"
                : String.format(Locale.ROOT, "%.1f", w.cpuMsPer1000())).toList());
    }

    /** The container's CPU between two moments of the samples' clock, from the samples nearest each; null past them. */
    private static Double cpuBetween(List<Sample> samples, long fromMs, long toMs) {
        Sample last = samples.get(samples.size() - 1);
        if (toMs > last.tMs() + 1000) {
            return null;
        }
        return (double) (cpuAt(samples, toMs) - cpuAt(samples, fromMs));
    }

    /** The probe's heap after GC as last read at or before {@code epochMs}; null before any or without a probe. */
    private static Double heapAfterGcAt(List<ProbeLine> probe, long epochMs) {
        Double value = null;
        for (ProbeLine line : probe) {
            if (line.epochMs() > epochMs) {
                break;
            }
            if (line.heapAfterGcBytes() != null) {
                value = line.heapAfterGcBytes() / (double) (1 << 20);
            }
        }
        return value;
    }

    private static long memoryAt(List<Sample> samples, long ms) {
        return at(samples, ms, Sample::cgroupBytes);
    }

    private static long cpuAt(List<Sample> samples, long ms) {
        return at(samples, ms, Sample::cpuNanos);
    }

    /** A sampled figure as the last sample at or before {@code ms} read it (the first, before any). */
    private static long at(List<Sample> samples, long ms, java.util.function.ToLongFunction<Sample> figure) {
        long value = figure.applyAsLong(samples.get(0));
        for (Sample sample : samples) {
            if (sample.tMs() > ms) {
                break;
            }
            value = figure.applyAsLong(sample);
        }
        return value;
    }
}

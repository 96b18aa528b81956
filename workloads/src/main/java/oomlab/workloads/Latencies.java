package oomlab.workloads;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Request latencies in microseconds, kept in HdrHistogram's buckets at 3 significant digits: its memory is bounded
 * by the range of the values (a few tens of KB from a microsecond to minutes), not by how many requests a run
 * makes, where a list of every latency grew with the rate and the duration. Recording is wait-free, so the
 * threads that serve or send requests never queue on it, and a reader takes what was recorded since it last
 * looked ({@link #sinceLastTaken}) or everything so far ({@link #all}).
 *
 * <p>The one percentile definition of the lab's workloads is {@link #percentileMs}: HdrHistogram's value at a
 * percentile, the highest value equivalent to it at this precision (within 0.1% of the true value).
 */
final class Latencies {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    /** Every interval taken so far, added up: {@link #all}. */
    private final Histogram taken = new Histogram(SIGNIFICANT_DIGITS);

    void record(long micros) {
        recorder.recordValue(Math.max(0, micros));
    }

    /** What was recorded since the last call of this or {@link #all} (the first: since this was made). */
    synchronized Histogram sinceLastTaken() {
        Histogram interval = recorder.getIntervalHistogram();
        taken.add(interval);
        return interval;
    }

    /** Everything recorded so far, as a copy the caller may keep. */
    synchronized Histogram all() {
        taken.add(recorder.getIntervalHistogram());
        return taken.copy();
    }

    /** The latency at {@code percentile} (0-100) in milliseconds; 0 when nothing was recorded. */
    static double percentileMs(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The longest latency recorded, in milliseconds (at the histogram's precision); 0 when nothing was. */
    static double maxMs(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
    }
}

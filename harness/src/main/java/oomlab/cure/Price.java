package oomlab.cure;

import java.util.List;
import java.util.Locale;

/**
 * What a batch job's work cost to finish under one candidate, over its runs that finished: the geometric mean and
 * its 95% Student's t interval (on the logs, as {@link Ratio}'s). A batch job is priced this way rather than
 * against the original's runs because the original, killed, never finished the work; its warm-up is part of the
 * price, as it is of the job's.
 *
 * @param mean  the geometric mean
 * @param low   the interval's low end (NaN with one run)
 * @param high  its high end
 * @param runs  the finished runs it is made of
 * @param unit  "ms of CPU" or "ms"
 */
public record Price(double mean, double low, double high, int runs, String unit) {

    /** Null without a finished run. */
    static Price of(List<Double> values, String unit) {
        double[] interval = Ratio.geometric(values.stream().filter(v -> v != null && v > 0).map(Math::log).toList());
        return interval == null ? null : new Price(interval[0], interval[1], interval[2], (int) interval[3], unit);
    }

    /** e.g. "5.1 s [4.8-5.4] of CPU", "2.3 s (1 run)". */
    public String describe() {
        String what = unit.equals("ms") ? "" : " of CPU";
        return runs > 1 ? String.format(Locale.ROOT, "%.1f s [%.1f-%.1f]%s", mean / 1000, low / 1000, high / 1000, what)
                : String.format(Locale.ROOT, "%.1f s (1 run)%s", mean / 1000, what);
    }
}

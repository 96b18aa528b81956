package oomlab.cure;

import java.util.List;
import java.util.Locale;

/**
 * What a candidate cost, over its runs that survived: the geometric mean and its 95% Student's t interval (on the
 * logs, as {@link Ratio}'s). A batch job's work to finish is priced this way rather than against the original's runs
 * because the original, killed, never finished the work (its warm-up is part of the price, as it is of the job's);
 * a service's steady CPU per 1,000 requests too, where the original was killed before it ever got steady.
 *
 * @param mean  the geometric mean
 * @param low   the interval's low end (NaN with one run)
 * @param high  its high end
 * @param runs  the finished runs it is made of
 * @param unit  "ms of CPU" or "ms"
 */
public record Price(double mean, double low, double high, int runs, String unit) {
    /** A service's steady CPU per 1,000 requests (milliseconds), where there is no original to divide by. */
    static final String PER_1000_REQUESTS = "ms of CPU per 1,000 requests";

    /** Null without a finished run. */
    static Price of(List<Double> values, String unit) {
        double[] interval = Ratio.geometric(values.stream().filter(v -> v != null && v > 0).map(Math::log).toList());
        return interval == null ? null : new Price(interval[0], interval[1], interval[2], (int) interval[3], unit);
    }

    /** e.g. "5.1 s [4.8-5.4] of CPU", "2.3 s (1 run)", "412 ms [380-447] of CPU per 1,000 requests". */
    public String describe() {
        if (unit.equals(PER_1000_REQUESTS)) {
            return runs > 1 ? String.format(Locale.ROOT, "%.0f ms [%.0f-%.0f] of CPU per 1,000 requests", mean, low,
                    high) : String.format(Locale.ROOT, "%.0f ms (1 run) of CPU per 1,000 requests", mean);
        }
        String what = unit.equals("ms") ? "" : " of CPU";
        return runs > 1 ? String.format(Locale.ROOT, "%.1f s [%.1f-%.1f]%s", mean / 1000, low / 1000, high / 1000, what)
                : String.format(Locale.ROOT, "%.1f s (1 run)%s", mean / 1000, what);
    }
}

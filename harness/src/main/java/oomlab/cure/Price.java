package oomlab.cure;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

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
        List<Double> logs = values.stream().filter(v -> v != null && v > 0).map(Math::log).toList();
        int n = logs.size();
        if (n == 0) {
            return null;
        }
        double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n == 1) {
            return new Price(Math.exp(mean), Double.NaN, Double.NaN, 1, unit);
        }
        double variance = logs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (n - 1);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - Ratio.CONFIDENCE) / 2);
        double half = t * Math.sqrt(variance / n);
        return new Price(Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half), n, unit);
    }

    /** e.g. "5.1 s [4.8-5.4] of CPU", "2.3 s (1 run)". */
    public String describe() {
        String what = unit.equals("ms") ? "" : " of CPU";
        return runs > 1 ? String.format(Locale.ROOT, "%.1f s [%.1f-%.1f]%s", mean / 1000, low / 1000, high / 1000, what)
                : String.format(Locale.ROOT, "%.1f s (1 run)%s", mean / 1000, what);
    }
}

package oomlab.cure;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A cure's cost as a ratio to the original configuration's, with a 95% interval from interleaved repeats. Each
 * round runs the original and every candidate one after the other (A B C A B C ...), so a round's ratio compares
 * two runs minutes apart: a drift of the shared machine lands on both. The estimate is the geometric mean of the
 * rounds' ratios; the interval is Student's t on their logarithms (n - 1 degrees of freedom), taken back with
 * exp. With one round there is no interval.
 *
 * @param estimate the geometric mean of the paired ratios
 * @param low      the interval's lower end (NaN with fewer than two pairs)
 * @param high     its upper end
 * @param pairs    how many rounds gave both figures
 */
public record Ratio(double estimate, double low, double high, int pairs) {
    static final double CONFIDENCE = 0.95;

    /** Null when no round measured both. */
    public static Ratio ofPairs(List<double[]> candidateAndOriginal) {
        double[] interval = geometric(candidateAndOriginal.stream().filter(pair -> pair[0] > 0 && pair[1] > 0)
                .map(pair -> Math.log(pair[0] / pair[1])).toList());
        return interval == null ? null : new Ratio(interval[0], interval[1], interval[2], (int) interval[3]);
    }

    /**
     * The geometric mean of values given as their logarithms, with its {@value #CONFIDENCE} Student's t interval on
     * the logs (n - 1 degrees of freedom), taken back with exp: {mean, low, high, n}; low and high NaN with one value,
     * null with none. Ratios of paired runs and a batch job's prices alike.
     */
    static double[] geometric(List<Double> logs) {
        int n = logs.size();
        if (n == 0) {
            return null;
        }
        double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n == 1) {
            return new double[] {Math.exp(mean), Double.NaN, Double.NaN, 1};
        }
        double variance = logs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (n - 1);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double half = t * Math.sqrt(variance / n);
        return new double[] {Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half), n};
    }

    public boolean hasInterval() {
        return pairs > 1;
    }

    /** The interval includes 1.0: the repeats cannot tell this cost from the original's. */
    public boolean noMeasurableDifference() {
        return hasInterval() && low <= 1 && high >= 1;
    }

    /** e.g. "1.38x [1.21-1.57]", "1.02x [0.91-1.14], no measurable difference", "1.40x (1 round)". */
    public String describe() {
        if (!hasInterval()) {
            return String.format(Locale.ROOT, "%.2fx (1 round, no interval)", estimate);
        }
        return String.format(Locale.ROOT, "%.2fx [%.2f-%.2f]%s", estimate, low, high,
                noMeasurableDifference() ? ", no measurable difference" : "");
    }
}

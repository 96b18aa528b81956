package oomlab.cure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioTest {
    /** Three rounds, each the candidate's figure and the original's of the same round. */
    @Test
    void theIntervalIsStudentsTOnTheLogsOfThePairedRatios() {
        Ratio ratio = Ratio.ofPairs(List.of(new double[] {1.30, 1.0}, new double[] {2.80, 2.0},
                new double[] {1.35, 1.0}));

        double[] logs = {Math.log(1.30), Math.log(1.40), Math.log(1.35)};
        double mean = (logs[0] + logs[1] + logs[2]) / 3;
        double sd = Math.sqrt(((logs[0] - mean) * (logs[0] - mean) + (logs[1] - mean) * (logs[1] - mean)
                + (logs[2] - mean) * (logs[2] - mean)) / 2);
        double half = 4.302653 * sd / Math.sqrt(3); // t(0.975, 2 degrees of freedom)
        assertThat(ratio.pairs()).isEqualTo(3);
        assertThat(ratio.estimate()).isCloseTo(Math.exp(mean), within(1e-9));
        assertThat(ratio.low()).isCloseTo(Math.exp(mean - half), within(1e-5));
        assertThat(ratio.high()).isCloseTo(Math.exp(mean + half), within(1e-5));
        assertThat(ratio.noMeasurableDifference()).isFalse();
        assertThat(ratio.describe()).isEqualTo(String.format(java.util.Locale.ROOT, "1.35x [%.2f-%.2f]",
                ratio.low(), ratio.high()));
    }

    @Test
    void anIntervalAcrossOneIsNoMeasurableDifference() {
        Ratio ratio = Ratio.ofPairs(List.of(new double[] {1.03, 1.0}, new double[] {0.96, 1.0},
                new double[] {1.01, 1.0}));
        assertThat(ratio.noMeasurableDifference()).isTrue();
        assertThat(ratio.describe()).endsWith(", no measurable difference");
    }

    @Test
    void oneRoundHasNoIntervalAndNoRoundNoRatio() {
        assertThat(Ratio.ofPairs(List.of(new double[] {1.2, 1.0})).describe()).isEqualTo("1.20x (1 round, no interval)");
        assertThat(Ratio.ofPairs(List.of())).isNull();
    }
}

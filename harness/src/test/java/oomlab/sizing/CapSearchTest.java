package oomlab.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapSearchTest {
    private static final long MB = 1 << 20;

    @Test
    void bisectsToTheSmallestSurvivingCapWithinThePrecision() {
        long needed = 1_300 * MB; // a program that survives from 1,300 MB up
        CapSearch.Outcome outcome = CapSearch.search(512 * MB, 4_096 * MB, 64 * MB, cap -> cap >= needed);

        assertThat(outcome.found()).isTrue();
        assertThat(outcome.smallestSurvivingBytes()).isBetween(needed, needed + 64 * MB);
        assertThat(outcome.largestFailingBytes()).isLessThan(needed);
        assertThat(outcome.marginBytes()).isLessThanOrEqualTo(64 * MB);
        assertThat(outcome.steps()).hasSize(7); // the ceiling, then log2(3584 / 64) = 5.8 halvings
        assertThat(outcome.steps().get(0)).isEqualTo(new CapSearch.Step(4_096 * MB, true));
    }

    @Test
    void aProgramThatSurvivesEvenAtTheFloorSaysSo() {
        CapSearch.Outcome outcome = CapSearch.search(512 * MB, 2_048 * MB, 64 * MB, cap -> true);

        assertThat(outcome.smallestSurvivingBytes()).isEqualTo(512 * MB);
        assertThat(outcome.largestFailingBytes()).isEqualTo(-1);
        assertThat(outcome.marginBytes()).isEqualTo(-1);
        assertThat(outcome.steps()).last().isEqualTo(new CapSearch.Step(512 * MB, true));
    }

    @Test
    void aProgramThatDiesEvenAtTheCeilingHasNoAnswer() {
        CapSearch.Outcome outcome = CapSearch.search(512 * MB, 2_048 * MB, 64 * MB, cap -> false);

        assertThat(outcome.found()).isFalse();
        assertThat(outcome.steps()).hasSize(1);
        assertThat(outcome.marginBytes()).isEqualTo(-1);
    }

    /** A program that needs 1,300 MB and peaked at 1,280 MB at the ceiling: the bracket goes round the peak. */
    @Test
    void theSeededSearchBracketsTheMeasuredPeakAndTakesFourRuns() {
        long needed = 1_300 * MB;
        CapSearch.Outcome outcome = CapSearch.seeded(512 * MB, 4_096 * MB, 64 * MB,
                cap -> new CapSearch.Probe(cap >= needed, Math.min(cap, needed - 20 * MB)));

        assertThat(outcome.smallestSurvivingBytes()).isBetween(needed, needed + 64 * MB);
        assertThat(outcome.marginBytes()).isLessThanOrEqualTo(64 * MB);
        assertThat(outcome.steps()).extracting(CapSearch.Step::capBytes)
                .containsExactly(4_096 * MB, 1_344 * MB, 1_216 * MB, 1_280 * MB);
        CapSearch.Outcome plain = CapSearch.search(512 * MB, 4_096 * MB, 64 * MB, cap -> cap >= needed);
        assertThat(plain.smallestSurvivingBytes() - outcome.smallestSurvivingBytes()).as("the same answer, within"
                + " the precision").isBetween(-64 * MB, 64 * MB);
    }

    @Test
    void aPeakTheNextRunContradictsWidensTheSearchAndStillFindsTheAnswer() {
        long needed = 2_000 * MB; // reported 1,000 MB at the ceiling, needs twice that (its peak varies run to run)
        CapSearch.Outcome outcome = CapSearch.seeded(512 * MB, 4_096 * MB, 64 * MB,
                cap -> new CapSearch.Probe(cap >= needed, 1_000 * MB));
        assertThat(outcome.smallestSurvivingBytes()).isBetween(needed, needed + 64 * MB);
        // galloping up from the peak: 1064 (killed), 1192, 1448, 1960 (killed), 2984 (survived), then halving
        assertThat(outcome.steps()).extracting(CapSearch.Step::capBytes).startsWith(4_096 * MB, 1_064 * MB,
                1_192 * MB, 1_448 * MB, 1_960 * MB, 2_984 * MB);

        long varies = 4_150 * MB; // c2-leak's c2: peaked at 3,849 MB at the ceiling, killed at 3,977 MB
        CapSearch.Outcome c2 = CapSearch.seeded(1_024 * MB, 6_144 * MB, 128 * MB,
                cap -> new CapSearch.Probe(cap >= varies, 3_849 * MB));
        assertThat(c2.smallestSurvivingBytes()).isBetween(varies, varies + 128 * MB);
        assertThat(c2.steps()).hasSizeLessThanOrEqualTo(5);

        CapSearch.Outcome small = CapSearch.seeded(512 * MB, 4_096 * MB, 64 * MB,
                cap -> new CapSearch.Probe(true, 300 * MB)); // survives anywhere: the floor is the answer
        assertThat(small.smallestSurvivingBytes()).isEqualTo(512 * MB);
        assertThat(small.largestFailingBytes()).isEqualTo(-1);
        assertThat(small.steps()).hasSizeLessThanOrEqualTo(3);
    }
}

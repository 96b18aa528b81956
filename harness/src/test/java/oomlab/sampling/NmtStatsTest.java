package oomlab.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NmtStatsTest {
    private static ProbeLine line(long rss, Map<String, Long> nmt) {
        return new ProbeLine(0, 0, 0, rss, 1, 0, 0, 0, "17.0.15+6", "glibc", nmt, null);
    }

    @Test
    void theDominantGrowthIsTheCategoryThatGrewMostIgnoringTheTotal() {
        NmtStats stats = NmtStats.of(List.of(
                line(100, Map.of("Total", 100L, "Java Heap", 50L, "Other", 1L, "Code", 10L)),
                line(900, Map.of("Total", 900L, "Java Heap", 50L, "Other", 700L, "Code", 60L, "Compiler", 90L))));

        assertThat(stats.growth()).containsEntry("Other", 699L).containsEntry("Compiler", 90L)
                .doesNotContainKey("Total");
        assertThat(stats.dominantNmtGrowth()).isEqualTo("Other");
        assertThat(stats.grewMost()).isEqualTo("Other");
        assertThat(stats.peak()).containsEntry("Total", 900L);
        assertThat(stats.probeSamples()).isEqualTo(2);
        assertThat(NmtStats.of(List.of(line(5, Map.of("Code", 5L)), line(5, Map.of("Code", 5L)))).dominantNmtGrowth())
                .isNull();
    }

    /** native-leak: zlib's mallocs grow outside NMT; "grew most" must say so, not name a small NMT category. */
    @Test
    void growthOutsideNmtIsWhatGrewMostWhenItIsTheLargest() {
        NmtStats stats = NmtStats.of(List.of(
                line(100 << 20, Map.of("Total", 90L << 20, "Arena Chunk", 1L << 20)),
                line(590 << 20, Map.of("Total", 96L << 20, "Arena Chunk", 7L << 20))));

        assertThat(stats.dominantNmtGrowth()).isEqualTo("Arena Chunk");
        assertThat(stats.unexplainedGrowthBytes()).isEqualTo(484L << 20);
        assertThat(stats.grewMost()).isEqualTo(NmtStats.UNEXPLAINED);
        assertThat(stats.shareOf(List.of(NmtStats.UNEXPLAINED))).isGreaterThan(0.98);
        assertThat(stats.shareOf(List.of("Arena Chunk"))).isLessThan(0.02);
    }

    /** steady: a heap without AlwaysPreTouch is touched as it fills; NMT counted it committed all along. */
    @Test
    void touchingMemoryNmtAlreadyCountsIsNotGrowthBeyondIt() {
        NmtStats stats = NmtStats.of(List.of(
                line(40L << 20, Map.of("Total", 170L << 20, "Java Heap", 128L << 20, "Arena Chunk", 1L << 20)),
                line(47L << 20, Map.of("Total", 172L << 20, "Java Heap", 128L << 20, "Arena Chunk", 3L << 20))));

        assertThat(stats.unexplainedBytes()).isEqualTo(-(125L << 20));
        assertThat(stats.unexplainedGrowthBytes()).isZero();
        assertThat(stats.grewMost()).isEqualTo("Arena Chunk");
    }

    @Test
    void noProbeLinesGiveEmptyStats() {
        NmtStats stats = NmtStats.of(List.of());

        assertThat(stats.probeSamples()).isZero();
        assertThat(stats.grewMost()).isNull();
        assertThat(stats.shareOf(List.of("Compiler"))).isZero();
    }
}

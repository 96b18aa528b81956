package oomlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import oomlab.sampling.Sample;
import org.junit.jupiter.api.Test;

/** The steady rule on windows made from the generator's seconds, the cgroup's CPU and the JIT's compilations. */
class SteadyStateTest {
    /** A window of 5 s at 400 requests/s costing {@code cpuMs} per 1,000 requests, with so many C2 compilations. */
    private static SteadyState.Window window(int index, double cpuMs, int compilations) {
        return new SteadyState.Window(index * 5.0, index * 5.0 + 5, 2000, cpuMs * 2 / 5 / 1000, cpuMs, compilations, 3.0,
                300.0, null);
    }

    @Test
    void steadyFromTheFirstOfThreeQuietFlatWindowsAndPricedFromThere() {
        // C2 busy for 20 s (a service warming up is cheap per request under C1, dear under C2 while it compiles)
        List<SteadyState.Window> windows = List.of(window(0, 90, 40), window(1, 40, 12), window(2, 25, 6),
                window(3, 20, 3), window(4, 12, 1), window(5, 11, 0), window(6, 12, 2), window(7, 11, 0));

        SteadyState steady = SteadyState.settle(windows);

        assertThat(steady.steadyFromS()).isEqualTo(20.0);
        assertThat(steady.cpuMsPer1000()).isBetween(11.49, 11.51); // (12 + 11 + 12 + 11) / 4
        assertThat(steady.why()).startsWith("steady from 20 s: 3 windows of 5 s in a row with at most 2 tier-4"
                + " compilations each (1, 0, 2)");
    }

    @Test
    void aRunThatNeverSettlesSaysWhyAndHasNoPrice() {
        List<SteadyState.Window> windows = List.of(window(0, 90, 40), window(1, 40, 12), window(2, 25, 6),
                window(3, 20, 5));

        SteadyState steady = SteadyState.settle(windows);

        assertThat(steady.steady()).isFalse();
        assertThat(steady.cpuMsPer1000()).isNull();
        assertThat(steady.why()).isEqualTo("not steady by the end of its load (20 s): tier-4 compilations in its last"
                + " windows 12, 6, 5, CPU per 1,000 requests 40.0, 25.0, 20.0 ms; no steady cost");
    }

    @Test
    void quietButStillFallingIsNotSteady() {
        List<SteadyState.Window> windows = List.of(window(0, 30, 0), window(1, 20, 0), window(2, 14, 0),
                window(3, 10, 0));

        assertThat(SteadyState.settle(windows).steady()).isFalse();
    }

    @Test
    void windowsJoinTheGeneratorsSecondsWithTheCgroupsCpuAndTheJitsCompilations() {
        // the container started at epoch 1,000,000 ms; the sampler's clock began 100 ms before (t_ms 0 at 999,900)
        List<Sample> samples = new ArrayList<>();
        for (int t = 0; t <= 13_000; t += 100) {
            samples.add(new Sample(t, 999_900 + t, 1, 1, 0, t * 500_000L, 0)); // half a core throughout
        }
        List<String> load = new ArrayList<>();
        for (int second = 1; second <= 10; second++) {
            load.add("oomlab-load {\"second\":" + second + ",\"warmup\":false,\"sent\":1,\"ok\":100,\"errors\":0,"
                    + "\"answered\":100,\"p99Ms\":" + second + ".0}");
        }
        // listening 2 s after the start: windows [2 s, 7 s) and [7 s, 12 s) of container time, JVM uptime alike
        // the probe: no collection yet at 1 s, then 100 MB survived one by 3 s, 120 MB by 11 s
        List<oomlab.sampling.ProbeLine> probe = List.of(probeLine(1_001_000, null), probeLine(1_003_000, 100L << 20),
                probeLine(1_011_000, 120L << 20), probeLine(1_013_000, 90L << 20));
        SteadyState state = SteadyState.of(new SteadyState.Witnesses(load, samples, probe,
                List.of(1_500L, 2_500L, 6_900L, 7_000L)), 1_000_000, 2_000, new SteadyState.Limits(512L << 20, 256L << 20));

        assertThat(state.windows()).hasSize(2);
        SteadyState.Window first = state.windows().get(0);
        assertThat(first.fromS()).isEqualTo(2.0);
        assertThat(first.answered()).isEqualTo(500);
        assertThat(first.cpuCores()).isBetween(0.49, 0.51);
        assertThat(first.cpuMsPer1000()).isBetween(4990.0, 5010.0); // 2.5 s of CPU for 500 answers
        assertThat(first.tier4Compilations()).isEqualTo(2); // 2,500 and 6,900 ms
        assertThat(first.heapAfterGcMb()).isEqualTo(100.0);
        assertThat(state.windows().get(1).heapAfterGcMb()).isEqualTo(120.0);
        assertThat(first.p99Ms()).isEqualTo(5.0);
        assertThat(state.windows().get(1).tier4Compilations()).isEqualTo(1);
    }

    @Test
    void aSurvivorStillGrowingIsToldItsTimeToTheCap() {
        List<SteadyState.Window> growing = new ArrayList<>();
        List<SteadyState.Window> level = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // 12 windows a minute: 2.5 MB a window is 30 MB/min
            growing.add(new SteadyState.Window(i * 5.0, i * 5.0 + 5, 2000, 0.16, 400.0, 0, 3.0, 300 + 2.5 * i
                    + (i % 2 == 0 ? 0.4 : -0.4), null));
            level.add(new SteadyState.Window(i * 5.0, i * 5.0 + 5, 2000, 0.16, 400.0, 0, 3.0, 300 + (i % 2 == 0 ? 1.0
                    : -1.0), null));
        }

        SteadyState.MemoryTrend trend = SteadyState.settle(growing, new SteadyState.Limits(512L << 20, 256L << 20)).memory();
        assertThat(trend.settled()).isFalse();
        assertThat(trend.mbPerMinute()).isBetween(26.0, 32.0); // fitted over the later half: 4 windows from 20 s
        assertThat(trend.low()).isPositive();
        assertThat(trend.minutesToCap()).isBetween(6.0, 7.5); // (512 - 317.9) MB at 30 MB/min
        assertThat(trend.describe(512L << 20)).startsWith("still growing at 28.1 MB/min [16.4 to 39.8] over 4 windows")
                .endsWith("the 512 MB cap in 7 min");
        assertThat(SteadyState.settle(level, new SteadyState.Limits(512L << 20, 256L << 20)).memory().settled()).isTrue();
    }

    /** The heap's first commit is not growth: a service that rose, then stayed level, has settled. */
    @Test
    void theFirstSteadyWindowsRiseIsLeftOutOfTheFit() {
        List<SteadyState.Window> windows = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // 171 -> 283 MB in the first windows, then level at 288-290
            double mb = i < 4 ? 171 + 28 * i : 289 + (i % 2 == 0 ? 1 : -1);
            windows.add(new SteadyState.Window(i * 5.0, i * 5.0 + 5, 2000, 0.3, 750.0, 0, 3.0, mb, null));
        }

        assertThat(SteadyState.settle(windows, new SteadyState.Limits(512L << 20, 256L << 20)).memory().settled()).isTrue();
    }

    private static oomlab.sampling.ProbeLine probeLine(long epochMs, Long heapAfterGcBytes) {
        return new oomlab.sampling.ProbeLine(0, 0, epochMs, 0, 0, 0, 0, 0, null, null, java.util.Map.of(), heapAfterGcBytes);
    }
}

package oomlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When an until-steady load's answer is known: steady, the seconds asked for counted, memory settled. */
class SteadyWatchTest {
    private static final SteadyState.Limits CAP = new SteadyState.Limits(512L << 20, 256L << 20);

    /** Windows of 5 s: {@code warming} busy ones (C2 compiling, dear), then quiet flat ones; memory as given. */
    private static List<SteadyState.Window> windows(int warming, int quiet, double mbPerWindow) {
        List<SteadyState.Window> windows = new ArrayList<>();
        for (int i = 0; i < warming + quiet; i++) {
            boolean warm = i < warming;
            windows.add(new SteadyState.Window(i * 5.0, i * 5.0 + 5, 2000, 0.16, warm ? 90.0 - i : 40.0,
                    warm ? 20 : 0, 3.0, 300 + mbPerWindow * i + (i % 2 == 0 ? 0.5 : -0.5), null));
        }
        return windows;
    }

    @Test
    void goesOnWhileWarmingAndUntilTheSecondsAskedForAreCounted() {
        assertThat(SteadyWatch.answer(SteadyState.settle(windows(8, 0, 0), CAP), 30)).isEmpty(); // never quiet
        assertThat(SteadyWatch.answer(SteadyState.settle(windows(4, 5, 0), CAP), 30)).isEmpty(); // 25 s of 30
        assertThat(SteadyWatch.answer(SteadyState.settle(windows(4, 6, 0), CAP), 30)).hasValueSatisfying(why ->
                assertThat(why).startsWith("steady from 20 s, 30 s of steady windows counted (400.0 ms of CPU per"
                        + " 1,000 requests), memory settled"));
    }

    @Test
    void aServiceStillGrowingGoesOn() {
        // 2.5 MB a window is 30 MB/min: steady in CPU, not in memory, however long it has been counted
        assertThat(SteadyWatch.answer(SteadyState.settle(windows(4, 12, 2.5), CAP), 30)).isEmpty();
        assertThat(SteadyWatch.answer(SteadyState.settle(windows(4, 12, 0), CAP), 30)).isPresent();
    }
}

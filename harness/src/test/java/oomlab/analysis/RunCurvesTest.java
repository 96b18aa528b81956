package oomlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import oomlab.layout.RunFiles;
import oomlab.result.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the report draws, computed by the analysis from recorded real runs' files (the report only renders it). */
class RunCurvesTest {
    @TempDir
    Path dir;

    @Test
    void aKilledRunIsMarkedWhereItDiedAtTheCap() throws IOException {
        RunFiles files = Replays.unpack("c2-oom-killed", dir);
        RunResult killed = Replays.replay(files);

        RunCurves curves = RunCurves.of(killed, files.dir(), RunCurves.nmtCategories(List.of(killed)));

        assertThat(curves.memoryMb()).isNotEmpty().hasSizeLessThanOrEqualTo(RunCurves.MAX_POINTS + 1);
        assertThat(curves.kill()).isNotNull();
        // the kill at the highest memory of the last second, the curve's own peak, within a few MB of the cap
        double peak = curves.memoryMb().stream().mapToDouble(p -> p[1]).max().orElseThrow();
        assertThat(curves.kill()[1]).isEqualTo(peak);
        assertThat(curves.kill()[1]).isGreaterThan((killed.run().capBytes() >> 20) * 0.95);
        assertThat(curves.nmt()).extracting(RunCurves.NmtSeries::category).contains(RunCurves.OTHER_NMT);
        assertThat(curves.steadyS()).isNull();
        assertThat(curves.cpuCores()).isEmpty(); // no load: the CPU curve is drawn for runs that served one
    }

    /** A user's service until steady: its CPU and p99 over time and the steady windows the cost was taken from. */
    @Test
    void aServiceUnderLoadHasItsCostCurvesAndItsSteadyWindows() throws IOException {
        RunFiles files = Replays.unpack("user-service-until-steady", dir);
        RunResult quotes = Replays.replay(files);

        RunCurves curves = RunCurves.of(quotes, files.dir(), RunCurves.nmtCategories(List.of(quotes)));

        assertThat(curves.kill()).isNull();
        assertThat(curves.cpuCores()).isNotEmpty().allMatch(p -> p[1] >= 0 && p[1] <= 2.5);
        assertThat(curves.p99Ms()).hasSameSizeAs(quotes.load().steady().windows());
        assertThat(curves.steadyS()).isNotNull();
        assertThat(curves.steadyS()[0]).isEqualTo(quotes.load().steady().steadyFromS());
        assertThat(curves.steadyS()[1]).isGreaterThanOrEqualTo(curves.steadyS()[0] + 30); // 30 s of steady windows
    }

    @Test
    void aLongCurveKeepsItsPeakWhenThinned() {
        List<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            points.add(new double[] {i / 40.0, i == 7_777 ? 999 : 100});
        }
        List<double[]> thinned = RunCurves.downsample(points);
        assertThat(thinned).hasSizeLessThanOrEqualTo(RunCurves.MAX_POINTS + 1);
        assertThat(thinned).anyMatch(p -> p[1] == 999);
        assertThat(thinned.get(thinned.size() - 1)).isEqualTo(points.get(points.size() - 1));
    }
}

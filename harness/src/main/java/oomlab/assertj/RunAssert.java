package oomlab.assertj;

import java.util.Locale;
import oomlab.cure.Cost;
import oomlab.diagnosis.Suspect;
import oomlab.junit.LabRun;
import oomlab.result.RunResult;
import oomlab.verdict.Verdict;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions of one run of the lab. A failure says what a person needs to act on: the run, its verdict,
 * the one-line diagnosis, and the folder with the run's files (the curve, the JVM's logs, report.html beside).
 *
 * <pre>{@code
 * assertThat(run).survived().peakAtMost(0.8).answered(0.99);
 * assertThat(tight).wasOomKilled().grewMostIn("heap");
 * assertThat(c1).cpuAtMostTimes(c2, 1.5);
 * }</pre>
 */
public final class RunAssert extends AbstractAssert<RunAssert, LabRun> {
    RunAssert(LabRun actual) {
        super(actual, RunAssert.class);
    }

    public RunAssert survived() {
        return hasVerdict(Verdict.SURVIVED);
    }

    /** Killed by the kernel's OOM killer at the cap (exit 137, the kernel's own record). */
    public RunAssert wasOomKilled() {
        return hasVerdict(Verdict.OOM_KILLED);
    }

    public RunAssert hasVerdict(Verdict expected) {
        isNotNull();
        if (result().exit().verdict() != expected) {
            failWithMessage("expected %s to be %s, but it was %s", actual.displayName(), expected, context());
        }
        return this;
    }

    /** The peak of the container's memory at most this share of its cap (0.8 = 80%). */
    public RunAssert peakAtMost(double shareOfCap) {
        isNotNull();
        double peak = result().memory().peakOfCap();
        if (peak > shareOfCap) {
            failWithMessage("expected %s to peak at most at %.0f%% of its %d MB cap, but it peaked at %.0f%% (%d MB);"
                            + " it was %s", actual.displayName(), shareOfCap * 100, result().run().capBytes() >> 20,
                    peak * 100, result().memory().peakBytes() >> 20, context());
        }
        return this;
    }

    /**
     * The container's memory settled under its load: its growth over the steady windows is not measurably above 0
     * (the low end of its 95% interval at most 0). A survivor still growing fails, saying how fast and when it
     * would reach its cap.
     */
    public RunAssert memorySettled() {
        return memoryGrowthAtMost(0);
    }

    /** The container's memory under load not measurably growing faster than this many MB a minute. */
    public RunAssert memoryGrowthAtMost(double mbPerMinute) {
        isNotNull();
        var steady = result().load() == null ? null : result().load().steady();
        var trend = result().load() == null ? null : result().load().memoryTrend();
        if (trend == null) {
            failWithMessage("expected %s's memory to be measured under load, but %s; it was %s",
                    actual.displayName(), steady == null ? "it had no load" : "its load had too few windows ("
                            + steady.why() + ")", context());
        } else if (trend.low() > mbPerMinute) {
            failWithMessage("expected %s's memory to grow at most %.1f MB/min under load, but it was %s; it was %s",
                    actual.displayName(), mbPerMinute, trend.describe(result().run().capBytes()), context());
        }
        return this;
    }

    /**
     * The suspect that grew most: {@code "heap"}, {@code "compiler arenas"}, {@code "thread stacks"},
     * {@code "direct buffers and Unsafe"}, {@code "malloc outside NMT"}, ... (the diagnosis's names).
     */
    public RunAssert grewMostIn(String suspect) {
        isNotNull();
        Suspect top = result().diagnosis().suspects().isEmpty() ? null : result().diagnosis().suspects().get(0);
        if (top == null || !top.name().equals(suspect)) {
            failWithMessage("expected %s to grow most in %s, but it grew most in %s; it was %s", actual.displayName(),
                    suspect, top == null ? "nothing measured" : top.name(), context());
        }
        return this;
    }

    /**
     * At least this share of its load answered (0.99 = 99%): the rate answered in the load's measured window (after
     * its warm-up) against the rate it was sent at.
     */
    public RunAssert answered(double share) {
        isNotNull();
        var load = result().load() == null ? null : result().load().measured();
        if (load == null || load.targetRate() <= 0) {
            failWithMessage("expected %s to answer its load, but no load report was written; it was %s",
                    actual.displayName(), context());
            return this;
        }
        double answered = load.achievedRate() / load.targetRate();
        if (answered < share) {
            failWithMessage("expected %s to answer at least %.1f%% of its load, but it answered %.1f%% (%.1f of %.0f"
                            + " requests/s, %d errors%s); it was %s", actual.displayName(), share * 100, answered * 100,
                    load.achievedRate(), load.targetRate(), load.errors(),
                    load.completed() ? "" : ", the load " + result().load().ending(), context());
        }
        return this;
    }

    /**
     * CPU per 1,000 requests (or units of work) at most {@code times} the other run's: the cost of a
     * configuration at the same load. One run each: on a shared machine say a generous factor, or use the cure
     * search's interleaved repeats for an interval.
     */
    public RunAssert cpuAtMostTimes(LabRun other, double times) {
        isNotNull();
        Cost mine = Cost.of(result());
        Cost theirs = Cost.of(other.result());
        if (mine.steadyCpuMs() == null || theirs.steadyCpuMs() == null) {
            Cost none = mine.steadyCpuMs() == null ? mine : theirs;
            failWithMessage("expected the CPU of %s and %s to be compared, but %s has no price: %s",
                    actual.displayName(), other.displayName(), none == mine ? actual.displayName()
                            : other.displayName(), none.source());
            return this;
        }
        double ratio = mine.steadyCpuMs() / theirs.steadyCpuMs();
        String where = String.format(java.util.Locale.ROOT, "%.2fx (%.1f against %.1f ms of CPU per 1,000 requests,"
                        + " or per run to its exit; %s: %s; %s: %s)", ratio, mine.steadyCpuMs(), theirs.steadyCpuMs(),
                actual.displayName(), mine.source(), other.displayName(), theirs.source());
        // said pass or fail: where the ratio came from is what a reader of the test's output needs to trust it
        System.out.printf("[oomlab] %s needed %s of %s's CPU%n", actual.displayName(), where, other.displayName());
        if (ratio > times) {
            failWithMessage("expected %s to need at most %.2fx the CPU of %s, but it needed %s; it was %s",
                    actual.displayName(), times, other.displayName(), where, context());
        }
        return this;
    }

    private RunResult result() {
        return actual.result();
    }

    /** The verdict, the diagnosis and where the files are: what every failure message ends with. */
    private String context() {
        return String.format(Locale.ROOT, "%s: %s (files: %s)", result().exit().verdict(),
                result().diagnosis() == null ? "no diagnosis" : result().diagnosis().summary(), actual.folder());
    }
}

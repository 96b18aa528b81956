package oomlab.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import oomlab.container.LoadEnd;
import oomlab.layout.RunFiles;
import oomlab.output.Compilations;
import oomlab.sampling.Sample;
import oomlab.sampling.SampleLog;
import oomlab.scenario.Load;

/**
 * The answer of an until-steady load, known while it runs: the same {@link SteadyState} rule the result is judged
 * by, applied to the run's files as written so far (the generator's seconds, rss.csv, the JVM's compilation log).
 * The answer is known when the run is steady, {@code measureSeconds} of steady windows are counted, and the
 * container's memory and the heap after GC have settled over them; a service still growing goes on, to the load's
 * bound or its cap.
 */
public final class SteadyWatch implements LoadEnd {
    private final Load.UntilSteady until;
    private final SteadyState.Limits limits;

    public SteadyWatch(Load.UntilSteady until, SteadyState.Limits limits) {
        this.until = until;
        this.limits = limits;
    }

    @Override
    public Optional<String> reached(Path runDir, long startedAtEpochMs, long readyAfterMs) {
        RunFiles files = new RunFiles(runDir);
        List<Sample> samples;
        try {
            samples = SampleLog.read(files.file(RunFiles.SAMPLES));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty(); // a line being written as it was read: asked again in a few seconds
        }
        List<oomlab.sampling.ProbeLine> probe;
        try {
            probe = oomlab.sampling.ProbeLog.read(files.file(RunFiles.PROBE)).lines();
        } catch (java.io.IOException | RuntimeException e) {
            probe = List.of();
        }
        SteadyState state = SteadyState.of(new SteadyState.Witnesses(files.lines(RunFiles.LOAD_LOG), samples, probe,
                Compilations.tier4StartsMs(files.lines(RunFiles.JIT_COMPILATION))), startedAtEpochMs, readyAfterMs,
                limits);
        return answer(state, until.measureOrDefault());
    }

    /** The rule on a state: steady, enough steady seconds counted, memory settled over them. */
    static Optional<String> answer(SteadyState state, int measureSeconds) {
        if (!state.steady()) {
            return Optional.empty();
        }
        long counted = state.windows().stream().filter(w -> w.fromS() >= state.steadyFromS()).count()
                * SteadyState.WINDOW_SECONDS;
        if (counted < measureSeconds || state.memory() == null || !state.memory().settled()
                || state.heapAfterGc() != null && !state.heapAfterGc().settled()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "steady from %.0f s, %d s of steady windows counted"
                        + " (%.1f ms of CPU per 1,000 requests), memory settled (%.1f MB/min [%.1f to %.1f])",
                state.steadyFromS(), counted, state.cpuMsPer1000(), state.memory().mbPerMinute(),
                state.memory().low(), state.memory().high()));
    }
}

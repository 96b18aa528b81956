package oomlab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import oomlab.container.RawRun;
import oomlab.diagnosis.Diagnose;
import oomlab.diagnosis.Diagnosis;
import oomlab.judgement.Judge;
import oomlab.launch.Launch;
import oomlab.layout.RunFiles;
import oomlab.output.JitEvidence;
import oomlab.output.JvmLogs;
import oomlab.output.LoadReport;
import oomlab.profiling.AllocationProfile;
import oomlab.profiling.JemallocProfile;
import oomlab.profiling.NativememProfile;
import oomlab.profiling.Profiler;
import oomlab.result.LoadResult;
import oomlab.result.RunIdentity;
import oomlab.result.RunResult;
import oomlab.sampling.MemoryCurve;
import oomlab.sampling.NmtStats;
import oomlab.sampling.ProbeLine;
import oomlab.sampling.ProbeLog;
import oomlab.sampling.SampleLog;
import oomlab.verdict.ExitAnalysis;
import oomlab.verdict.ExitEvidence;
import oomlab.verdict.KernelLog;

/**
 * The analysis stage: from what was launched ({@link Launch}), what the container stage recorded ({@link RawRun})
 * and the files the run left ({@link RunFiles}) to the {@link RunResult} — observations (samples, probe, the
 * JVM's logs, each read once), then verdict, diagnosis and judgement. It needs no Docker, so a recorded run's
 * folder can be analysed again and must give the result.json the live run gave (the replay tests).
 */
public final class RunAnalysis {
    private RunAnalysis() {
    }

    public static RunResult analyse(Launch launch, RawRun raw, RunFiles files, ImageFileSource images) {
        RunIdentity launched = launch.identity();
        List<oomlab.sampling.Sample> sampled = readSamples(files);
        SampleLog samples = SampleLog.replay(sampled, launched.capBytes());
        ProbeLog probe = readProbe(files.file(RunFiles.PROBE));
        JvmLogs jvm = JvmLogs.read(files);
        MemoryCurve curve = memoryCurve(samples, raw, probe, launched.capBytes());
        String malloc = probe.first().map(ProbeLine::malloc).orElse(null);

        List<String> kernelLines = raw.kernelLog();
        long oomKills = oomKills(samples, raw);
        List<JvmLogs.OutOfMemory> outOfMemory = jvm.outOfMemoryErrors();
        ExitEvidence evidence = ExitEvidence.exit(raw.outcome().exitCode())
                .dockerOomKilled(raw.outcome().dockerOomKilled())
                .kernelOomKills((int) Math.max(oomKills, KernelLog.killsIn(kernelLines)))
                .javaOutOfMemoryError(!outOfMemory.isEmpty())
                .timedOut(raw.outcome().timedOut())
                .configurationNotApplied(preloadNotApplied(launch, malloc))
                .secondsAtCapAtEnd(samples.secondsAtCapAtEnd())
                .stoppedAfterLoad(raw.outcome().stoppedAfterLoad())
                .interrupted(raw.outcome().interrupted())
                .engineLost(raw.outcome().engineLost() != null)
                .build();
        List<Path> crashReports = files.crashReports();
        ExitAnalysis exit = ExitAnalysis.of(evidence, kernelLines, jvm.jvmErrors(), outOfMemory,
                crashReports.isEmpty() ? null : crashReports.get(0).getFileName().toString());
        JitEvidence jit = jvm.jit();

        RunIdentity identity = launched.withJdkVersion(probe.jdk().orElse(Integer.toString(launched.jdkMajor())));
        NmtStats nmt = NmtStats.of(probe.lines());
        AllocationProfile allocations = switch (launch.profiler()) {
            case NONE -> null;
            case NATIVEMEM -> NativememProfile.collect(files.dir(), launch.displayName() + ": native allocations");
            case JEMALLOC -> jemallocProfile(files.dir(), launched.image(), images);
        };
        Diagnosis diagnosis = Diagnose.of(exit, jvm.endedBy().orElse(null), launched.capBytes(), launched.heapBytes(),
                launched.jvmFlags(), curve,
                nmt, jit, allocations);
        List<String> loadLog = raw.load() == null ? List.of() : files.lines(RunFiles.LOAD_LOG);
        SteadyState steady = raw.load() == null ? null : steadyState(raw, new SteadyState.Witnesses(loadLog, sampled,
                        probe.lines(), oomlab.output.Compilations.tier4StartsMs(files.lines(RunFiles.JIT_COMPILATION))),
                new SteadyState.Limits(launched.capBytes(), launched.heapBytes()));
        LoadResult load = raw.load() == null ? null : new LoadResult(raw.load(),
                LoadReport.fromLines(loadLog).orElse(null), steady);
        if (exit.verdict() == oomlab.verdict.Verdict.SURVIVED && load != null && load.memoryStillGrowing().isPresent()) {
            // a survivor whose memory still rose when its load ended: "survived" says little about the next hour
            diagnosis = diagnosis.with(load.memoryStillGrowing().get().describe(launched.capBytes()));
        }
        if (exit.verdict() == oomlab.verdict.Verdict.SURVIVED && steady != null && steady.heapAfterGc() != null
                && !steady.heapAfterGc().settled()) {
            // what survives each collection still rose: the heap itself fills, whatever the container shows yet
            diagnosis = diagnosis.with(steady.heapAfterGc().describe("heap after GC", launched.heapBytes(), "heap"));
        }
        RunResult unjudged = RunResult.builder().run(identity).container(raw.outcome()).memory(curve).exit(exit)
                .work(jvm.events().work().orElse(null)).service(jvm.events().service()).load(load).jit(jit)
                .malloc(malloc).nmt(nmt).allocations(allocations).diagnosis(diagnosis).build();
        return unjudged.withJudgement(Judge.judge(unjudged, launch.expectation(), launch.checks(),
                launch.reportsWork(), launch.ownImage()));
    }

    /** The load's windows and where its cost settled (see {@link SteadyState}). */
    private static SteadyState steadyState(RawRun raw, SteadyState.Witnesses witnesses, SteadyState.Limits limits) {
        if (raw.outcome().startedAt() == null) {
            return SteadyState.settle(List.of());
        }
        return SteadyState.of(witnesses, raw.outcome().startedAt().toEpochMilli(), raw.load().readyAfterMs(), limits);
    }

    /** rss.csv, read once: the memory curve and the load's windows both come from it. */
    private static List<oomlab.sampling.Sample> readSamples(RunFiles files) {
        try {
            return java.nio.file.Files.exists(files.file(RunFiles.SAMPLES))
                    ? SampleLog.read(files.file(RunFiles.SAMPLES)) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A malloc named in LD_PRELOAD that the probe did not see in the JVM's mappings: the JVM ran, but not as the
     * configuration said, so what it did must not pass as that configuration's result. Unknown (no probe) is not
     * a failure.
     */
    static boolean preloadNotApplied(Launch launch, String malloc) {
        return launch.ldPreload() != null && launch.ldPreload().contains("jemalloc") && malloc != null
                && !malloc.equals("jemalloc");
    }

    /**
     * The kills the container's own memory.events counted; where no sample saw one (on cgroup v2 the scope can
     * vanish before the next sample) but the JVM was SIGKILLed, the count its enclosing cgroup added meanwhile.
     */
    private static long oomKills(SampleLog samples, RawRun raw) {
        if (samples.maxOomKills() > 0 || raw.outcome().exitCode() != ExitEvidence.SIGKILL_EXIT) {
            return samples.maxOomKills();
        }
        return raw.enclosingOomKills();
    }

    private static MemoryCurve memoryCurve(SampleLog samples, RawRun raw, ProbeLog probe, long capBytes) {
        long createdToFirst = samples.first() == null || raw.outcome().createdAt() == null ? -1
                : samples.first().epochMs() - raw.outcome().createdAt().toEpochMilli();
        double cpu = samples.last() != null && samples.last().cpuNanos() >= 0 ? samples.last().cpuNanos() / 1e9
                : probe.last().map(line -> line.cpuNanos() / 1e9).orElse(-1.0);
        long peak = Math.max(samples.peakBytes(), raw.recordedPeakBytes());
        Long startedToFirst = samples.first() == null || raw.outcome().startedAt() == null ? null
                : samples.first().epochMs() - raw.outcome().startedAt().toEpochMilli();
        String cpuLost = raw.sampler() == null || !raw.sampler().startsWith("cgroup") || samples.count() == 0
                || samples.withCpu() > 0 ? null : String.format(java.util.Locale.ROOT,
                "the container's CPU counter was read in none of %d samples: CPU %s", samples.count(),
                cpu >= 0 ? "from the JVM's own count (the probe), without the container's other processes" : "unknown");
        return MemoryCurve.builder(raw.sampler()).samples(samples.count(), samples.hz())
                .createdToFirstSampleMs(createdToFirst).peak(peak, (double) peak / capBytes).cpuSeconds(cpu)
                .samplerCpuMs(raw.samplerCpuMs()).atCap(samples.atCap()).startedToFirstSampleMs(startedToFirst)
                .cpuCounterLost(cpuLost).build();
    }

    /** jeprof on the last profile, against the JVM binaries of the very image the run used. */
    private static AllocationProfile jemallocProfile(Path runDir, String image, ImageFileSource images) {
        Optional<Path> profile = JemallocProfile.lastProfile(runDir);
        if (profile.isEmpty()) {
            return AllocationProfile.missing(Profiler.JEMALLOC, "no profile: the JVM ended before jemalloc's first"
                    + " dump, or jemalloc was not loaded (see " + RunFiles.STDERR + ")");
        }
        Optional<String> java = JemallocProfile.javaInImage(profile.get());
        if (java.isEmpty()) {
            return AllocationProfile.missing(Profiler.JEMALLOC, "the profile does not say where the JVM was");
        }
        String jdkHome = Path.of(java.get()).getParent().getParent().toString();
        try {
            Path imageRoot = images.copyOut(image, List.of(java.get(), jdkHome + "/lib/server/libjvm.so",
                    jdkHome + "/lib/libjli.so", JemallocProfile.LIBRARY_IN_IMAGE));
            return JemallocProfile.collect(runDir, profile.get(), java.get(), imageRoot);
        } catch (IllegalStateException e) {
            return AllocationProfile.missing(Profiler.JEMALLOC, e.getMessage());
        }
    }

    private static ProbeLog readProbe(Path file) {
        try {
            return ProbeLog.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package oomlab.result;

import oomlab.container.ContainerOutcome;
import oomlab.diagnosis.Diagnosis;
import oomlab.output.JitEvidence;
import oomlab.output.ServiceReport;
import oomlab.output.WorkReport;
import oomlab.profiling.AllocationProfile;
import oomlab.sampling.MemoryCurve;
import oomlab.sampling.NmtStats;
import oomlab.verdict.ExitAnalysis;

/**
 * Everything one run produced, as result.json holds it: one part per stage of the pipeline, each that stage's
 * own record. CI and other tools parse this, so its shape is sealed by a golden-file test: a rename there is
 * a new {@link #FORMAT_VERSION}, made on purpose.
 *
 * @param run       which run, and exactly what was started
 * @param container what Docker said about the container's life
 * @param memory    what the host sampler saw (the curve itself is rss.csv)
 * @param exit      the verdict and the evidence it was decided from
 * @param work      what the workload reported of its own work; null for a program that reports nothing
 * @param service   the service workload's windows (CPU in cores, rate, latency); null for other programs
 * @param load      the request stream put on a service ({@code load:}) and what it measured; null without one
 * @param jit       which JIT compilers compiled, in the JVM's own words
 * @param malloc    the malloc the JVM really ran on ("glibc" or "jemalloc"), as the probe saw its mappings
 * @param nmt       what Native Memory Tracking accounted for, and what it could not
 * @param allocations who allocated native memory, from the scenario's profiler; null where none was chosen
 * @param diagnosis where the memory went, in one line and with its evidence; what a sizing formula budgets
 * @param judgement the result held against the scenario's expectations
 */
public record RunResult(
        int formatVersion,
        RunIdentity run,
        ContainerOutcome container,
        MemoryCurve memory,
        ExitAnalysis exit,
        WorkReport work,
        ServiceReport service,
        LoadResult load,
        JitEvidence jit,
        String malloc,
        NmtStats nmt,
        AllocationProfile allocations,
        Diagnosis diagnosis,
        Judgement judgement) {

    /**
     * 1 was the flat record of the first landing; 2 is this composed shape. A new part or field keeps the
     * version (readers skip what they do not know); a rename, a move or a removal makes a new one.
     */
    public static final int FORMAT_VERSION = 2;

    /** A result without a load (most runs). */
    public RunResult(int formatVersion, RunIdentity run, ContainerOutcome container, MemoryCurve memory,
                     ExitAnalysis exit, WorkReport work, ServiceReport service, JitEvidence jit, String malloc,
                     NmtStats nmt, AllocationProfile allocations, Diagnosis diagnosis, Judgement judgement) {
        this(formatVersion, run, container, memory, exit, work, service, null, jit, malloc, nmt, allocations,
                diagnosis, judgement);
    }

    public RunResult withJudgement(Judgement newJudgement) {
        return new RunResult(formatVersion, run, container, memory, exit, work, service, load, jit, malloc, nmt,
                allocations, diagnosis, newJudgement);
    }
}

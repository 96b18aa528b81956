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

    public RunResult withJudgement(Judgement newJudgement) {
        return toBuilder().judgement(newJudgement).build();
    }

    /** A builder holding this result's parts, to change some by name. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** An empty result to fill by name (format {@link #FORMAT_VERSION}). */
    public static Builder builder() {
        return new Builder(new RunResult(FORMAT_VERSION, null, null, null, null, null, null, null, null, null, null,
                null, null, null));
    }

    /** A result built part by part, by name: what the analysis and the tests use instead of 14 positions. */
    public static final class Builder {
        private int formatVersion;
        private RunIdentity run;
        private ContainerOutcome container;
        private MemoryCurve memory;
        private ExitAnalysis exit;
        private WorkReport work;
        private ServiceReport service;
        private LoadResult load;
        private JitEvidence jit;
        private String malloc;
        private NmtStats nmt;
        private AllocationProfile allocations;
        private Diagnosis diagnosis;
        private Judgement judgement;

        private Builder(RunResult from) {
            formatVersion = from.formatVersion;
            run = from.run;
            container = from.container;
            memory = from.memory;
            exit = from.exit;
            work = from.work;
            service = from.service;
            load = from.load;
            jit = from.jit;
            malloc = from.malloc;
            nmt = from.nmt;
            allocations = from.allocations;
            diagnosis = from.diagnosis;
            judgement = from.judgement;
        }

        public Builder run(RunIdentity value) {
            run = value;
            return this;
        }

        public Builder container(ContainerOutcome value) {
            container = value;
            return this;
        }

        public Builder memory(MemoryCurve value) {
            memory = value;
            return this;
        }

        public Builder exit(ExitAnalysis value) {
            exit = value;
            return this;
        }

        public Builder work(WorkReport value) {
            work = value;
            return this;
        }

        public Builder service(ServiceReport value) {
            service = value;
            return this;
        }

        public Builder load(LoadResult value) {
            load = value;
            return this;
        }

        public Builder jit(JitEvidence value) {
            jit = value;
            return this;
        }

        public Builder malloc(String value) {
            malloc = value;
            return this;
        }

        public Builder nmt(NmtStats value) {
            nmt = value;
            return this;
        }

        public Builder allocations(AllocationProfile value) {
            allocations = value;
            return this;
        }

        public Builder diagnosis(Diagnosis value) {
            diagnosis = value;
            return this;
        }

        public Builder judgement(Judgement value) {
            judgement = value;
            return this;
        }

        public RunResult build() {
            return new RunResult(formatVersion, run, container, memory, exit, work, service, load, jit, malloc, nmt,
                    allocations, diagnosis, judgement);
        }
    }
}

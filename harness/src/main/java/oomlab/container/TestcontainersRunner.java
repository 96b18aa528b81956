package oomlab.container;

import java.util.List;
import oomlab.layout.RunFiles;
import oomlab.sampling.SampleLog;
import oomlab.verdict.ExitEvidence;
import oomlab.verdict.KernelLog;

/** Runs a {@link ContainerSpec} through Testcontainers against the Docker engine, as {@link ContainerRun} does. */
public final class TestcontainersRunner implements ContainerRunner {
    private final Invocation invocation;
    private final boolean dockerStatsSampler;

    /**
     * @param invocation         whose runs these are (in every container's labels)
     * @param dockerStatsSampler sample through Docker's stats API even where the cgroup is visible
     */
    private final oomlab.console.Console console;

    public TestcontainersRunner(Invocation invocation, boolean dockerStatsSampler, oomlab.console.Console console) {
        this.console = console;
        this.invocation = invocation;
        this.dockerStatsSampler = dockerStatsSampler;
    }

    @Override
    public RawRun run(ContainerSpec spec, LoadEnd loadEnd) {
        RunFiles files = new RunFiles(spec.outputDir());
        ServiceLoad load = spec.load() == null ? null : new ServiceLoad(spec.load(), spec.loadImage(), invocation,
                spec.timeout(), spec.outputDir(), spec.label(), loadEnd, console);
        try (SampleLog samples = new SampleLog(files.file(RunFiles.SAMPLES), spec.cap().bytes())) {
            ContainerRun run = new ContainerRun(spec.label(), container(spec), spec.cap(), spec.timeout(),
                    spec.outputDir(), samples, console)
                    .withDockerStatsSampler(dockerStatsSampler)
                    .withCompanion(load);
            ContainerOutcome outcome = run.execute();
            long kernelStart = System.nanoTime();
            // only a SIGKILL can be the kernel's OOM kill: a JVM that exited by itself needs no kernel log read
            List<String> kernel = outcome.exitCode() != ExitEvidence.SIGKILL_EXIT && !outcome.dockerOomKilled()
                    ? List.of() : KernelLog.read().map(log -> log.oomKillsIn(outcome.containerId())).orElse(List.of());
            long kernelMs = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - kernelStart);
            long enclosing = run.enclosingOomKills();
            if (samples.maxOomKills() == 0 && outcome.exitCode() == ExitEvidence.SIGKILL_EXIT && enclosing > 0) {
                console.printf("[oomlab] the container's cgroup went before a sample saw its oom_kill; its"
                        + " enclosing cgroup counted %d during the run%n", enclosing);
            }
            return new RawRun(outcome, run.samplerSource(), run.samplerCpuMs(), run.recordedPeakBytes(), enclosing,
                    kernel, load == null ? null : load.outcome(), run.phases(kernelMs));
        }
    }

    private LabContainer container(ContainerSpec spec) {
        LabContainer container = new LabContainer(spec.image()).withOwner(invocation)
                .withCommand(spec.command().toArray(String[]::new));
        if (spec.hardened()) {
            container.withHardening();
        }
        spec.readOnlyMounts().forEach(container::withReadOnly);
        container.withEnv(spec.env());
        return container;
    }
}

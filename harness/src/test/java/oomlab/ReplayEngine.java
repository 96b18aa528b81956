package oomlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import oomlab.analysis.Replays;
import oomlab.container.ContainerEngine;
import oomlab.container.ContainerRunner;
import oomlab.container.ContainerSpec;
import oomlab.container.RawRun;
import oomlab.layout.RunFiles;
import oomlab.result.ResultJson;

/**
 * An engine that replays recorded real runs (src/test/resources/replay) instead of starting containers: each
 * container spec the lab asks for gets the files and the raw run of the fixture {@code fixtureFor} names, in the
 * run's own folder, and the lab's stages after it do the rest as they would. What was asked for, in order, is kept:
 * the tests read the sequence of runs from it.
 */
public final class ReplayEngine implements ContainerEngine {
    /** The files the lab writes itself around a run (the launch before it, the raw run and the result after). */
    private static final Set<String> LAB_WRITES = Set.of(RunFiles.LAUNCH, RunFiles.RAW_RUN, RunFiles.RESULT);

    private final Function<ContainerSpec, String> fixtureFor;
    private final Path scratch;
    private final List<ContainerSpec> asked = new CopyOnWriteArrayList<>();

    public ReplayEngine(Path scratch, Function<ContainerSpec, String> fixtureFor) {
        this.scratch = scratch;
        this.fixtureFor = fixtureFor;
    }

    /** The specs the lab asked to run, in order. */
    public List<ContainerSpec> asked() {
        return List.copyOf(asked);
    }

    /** Their labels ("scenario / run name"), in order. */
    public List<String> labels() {
        return asked.stream().map(ContainerSpec::label).toList();
    }

    @Override
    public String workloadImage(int jdk) {
        return "oomlab/workloads:jdk" + jdk + "-replayed";
    }

    @Override
    public ContainerRunner runner() {
        return (spec, loadEnd) -> {
            asked.add(spec);
            try {
                RunFiles recorded = Replays.unpack(fixtureFor.apply(spec), scratch.resolve("run-" + asked.size()));
                try (Stream<Path> files = Files.list(recorded.dir())) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        if (!LAB_WRITES.contains(file.getFileName().toString())) {
                            Files.copy(file, spec.outputDir().resolve(file.getFileName()));
                        }
                    }
                }
                return ResultJson.readRecord(recorded.file(RunFiles.RAW_RUN), RawRun.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public boolean answers() {
        return true;
    }

    @Override
    public void sweepOwn() {
    }

    @Override
    public Path copyOutOfImage(String image, List<String> paths) {
        throw new UnsupportedOperationException("a replayed run has no image to copy files out of");
    }
}

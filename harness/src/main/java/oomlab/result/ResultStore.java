package oomlab.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The result store: the results folder, {@code <root>/<scenario>/<run>/} per run (result.json beside the run's own
 * files) and {@code <root>/summary.json}, rewritten after every run so an interrupted matrix still lists what
 * finished. Every file of it is written beside and moved into place: a reader never sees half of one.
 */
public final class ResultStore {
    private final Path root;
    private final List<RunResult> runs = new ArrayList<>();

    public ResultStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** An empty folder for this run; the container writes into it, so anyone may write. */
    public Path freshRunDir(String scenario, String runName) {
        Path dir = oomlab.layout.RunFiles.under(root, scenario, runName).dir();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(dir);
            // The container's root has no CAP_DAC_OVERRIDE (all capabilities dropped) and may not be our uid.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void write(RunResult result, Path runDir) {
        runs.add(result);
        AtomicFile.write(runDir.resolve(ResultJson.RESULT_FILE), ResultJson.write(result));
        writeSummary(root, runs);
    }

    /** summary.json for these runs (a whole folder judged again writes it too: after a merge of CI shards, one). */
    public static void writeSummary(Path root, List<RunResult> results) {
        AtomicFile.write(root.resolve(ResultJson.SUMMARY_FILE), ResultJson.summary(results));
    }
}

package oomlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The results folder: {@code <root>/<scenario>/<config>/} per run (result.json, rss.csv, probe.jsonl,
 * container.log) and {@code <root>/summary.json}, rewritten after every run so an interrupted matrix
 * still lists what finished.
 */
public final class ResultFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final List<RunResult> runs = new ArrayList<>();

    public ResultFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** An empty folder for this run; the container writes into it, so anyone may write. */
    public Path freshRunDir(String scenario, String config) {
        Path dir = root.resolve(scenario).resolve(config);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    old.sorted(Comparator.reverseOrder()).forEach(ResultFiles::delete);
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
        try {
            JSON.writeValue(runDir.resolve("result.json").toFile(), result);
            runs.add(result);
            JSON.writeValue(root.resolve("summary.json").toFile(), Map.of("runs", runs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

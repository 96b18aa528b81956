package oomlab.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one reader and writer of result.json and summary.json. Everything that reads results (the summary
 * table, re-judging, and later the report and the baseline comparison) reads them here, into
 * {@link RunResult}, so there is one copy of the schema: the records.
 */
public final class ResultJson {
    public static final String RESULT_FILE = "result.json";
    public static final String SUMMARY_FILE = "summary.json";

    // Map keys sorted: the same run gives the same bytes, which the golden-file test and diffs rely on.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // derived values (peakOfCap, timeToExitMs, ...) are written for readers of the file, not read back
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** summary.json: every run of one invocation, in the order they finished. */
    public record Summary(int formatVersion, List<RunResult> runs) {
        public Summary {
            runs = List.copyOf(runs);
        }
    }

    private ResultJson() {
    }

    public static String write(RunResult result) {
        return json(result);
    }

    public static String write(Summary summary) {
        return json(summary);
    }

    /** summary.json's text for these runs, in this format version. */
    public static String summary(List<RunResult> runs) {
        return json(new Summary(RunResult.FORMAT_VERSION, runs));
    }

    /** Any record of a stage (launch.json, raw-run.json), in the same JSON as result.json, written atomically. */
    public static void writeRecord(Path file, Object record) {
        AtomicFile.write(file, json(record));
    }

    /** Any record in the same JSON as result.json (cures.json's answers). */
    public static String recordText(Object record) {
        return json(record);
    }

    /** @throws IllegalArgumentException naming the file when it cannot be read as that record */
    public static <T> T readRecord(Path file, Class<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a readable " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not be written as JSON: " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the file when it is not a result of this format version
     */
    public static RunResult read(Path file) {
        try {
            return fromTree(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a readable result: " + e.getMessage(), e);
        }
    }

    public static RunResult parse(String text) {
        try {
            return fromTree(Path.of("(text)"), JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a readable result: " + e.getOriginalMessage(), e);
        }
    }

    private static RunResult fromTree(Path source, JsonNode tree) throws JsonProcessingException {
        requireThisFormat(source, tree);
        List<String> problems = ResultSchema.problemsReadingBack(tree);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": not a result of format " + RunResult.FORMAT_VERSION
                    + " (" + ResultSchema.RESOURCE + "): " + String.join("; ", problems));
        }
        return JSON.treeToValue(tree, RunResult.class);
    }

    /**
     * The results of a folder, and the result files in it that could not be read (another format, cut short).
     */
    public record Folder(List<RunResult> results, List<String> unreadable) {
    }

    /** Every result.json under a results folder, sorted by scenario, JDK and start time. */
    public static Folder readFolder(Path root) {
        List<RunResult> results = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals(RESULT_FILE)).sorted().toList()) {
                try {
                    results.add(read(file));
                } catch (IllegalArgumentException e) {
                    unreadable.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        results.sort(Comparator.comparing((RunResult r) -> r.run().scenario())
                .thenComparingInt(r -> r.run().jdkMajor())
                .thenComparing(r -> r.container().startedAt(), Comparator.nullsLast(Comparator.naturalOrder())));
        return new Folder(List.copyOf(results), List.copyOf(unreadable));
    }

    private static void requireThisFormat(Path file, JsonNode tree) {
        int version = tree.path("formatVersion").asInt(1);
        if (version != RunResult.FORMAT_VERSION) {
            throw new IllegalArgumentException(file + ": result format " + version + ", this lab reads format "
                    + RunResult.FORMAT_VERSION + (version < RunResult.FORMAT_VERSION
                    ? " (written by an older oomlab: run the scenario again to get a result of this format)"
                    : " (written by a newer oomlab)"));
        }
    }
}

package oomlab.scenario;

import java.nio.file.Path;

/**
 * A problem in scenarios.yaml, told the way a compiler tells it: {@code file:line:column: field: problem}.
 * Users fix the file from this message alone, so it never depends on a stack trace.
 */
public class ScenarioFileException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String field;

    public ScenarioFileException(Path file, int line, int column, String field, String problem) {
        super(file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}

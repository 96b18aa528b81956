package oomlab.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import oomlab.scenario.FileShapes.FileSpec;

/**
 * Reads scenarios.yaml into a {@link LabDefinition}. Every problem, from a YAML syntax error to a cap too
 * small for the heap, comes out as a {@link ScenarioFileException} naming file, line and field. The reading is
 * here; the file's shapes are {@link FileShapes}, the configurations' catalogue {@link Catalogue}, the rules
 * {@link ScenarioRules}, and where a mistake sits {@link FileErrors}.
 */
public final class ScenarioFile {
    // A key given twice would otherwise keep its last value silently.
    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * The machine the file is checked against, beyond its own rules: where runs will start, a cap must fit the
     * machine and the program's files must be there; where results are only judged again (a CI artifact on a
     * laptop), none of that matters, and {@link #NONE} checks the file's own rules alone.
     *
     * @param memoryBytes the machine's memory (caps above half of it need allowLargeCap); 0 = not checked
     * @param filesPresent the program's files (jars, classpath entries, extra files) must exist
     */
    public record Host(long memoryBytes, boolean filesPresent) {
        /** No host: the file's own rules only, the same everywhere. */
        public static final Host NONE = new Host(0, false);

        public static Host thisMachine() {
            return new Host(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize(), true);
        }
    }

    private final Path file;
    private final String text;
    private final Host host;
    private final FileErrors errors;

    private ScenarioFile(Path file, String text, Host host) {
        this.file = file;
        this.text = text;
        this.host = host;
        this.errors = new FileErrors(file, text);
    }

    /** For runs on this machine: the file's own rules, and this host's (memory, the program's files). */
    public static LabDefinition load(Path file) {
        return load(file, Host.thisMachine());
    }

    /** The file's own rules, checked against {@code host} ({@link Host#NONE}: the rules alone, for a re-judge). */
    public static LabDefinition load(Path file, Host host) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioFileException(file, 0, 0, "", "cannot read the scenario file: " + e);
        }
        return new ScenarioFile(file, text, host).parse();
    }

    static LabDefinition parse(Path file, String text) {
        return new ScenarioFile(file, text, Host.thisMachine()).parse();
    }

    static LabDefinition parse(Path file, String text, Host host) {
        return new ScenarioFile(file, text, host).parse();
    }

    private LabDefinition parse() {
        FileSpec spec;
        try {
            spec = YAML.readValue(text, FileSpec.class);
        } catch (JsonMappingException e) {
            throw errors.fromMappingError(e);
        } catch (StreamReadException e) {
            Optional<ScenarioFileException> duplicate = errors.duplicateKey(e);
            if (duplicate.isPresent()) {
                throw duplicate.get();
            }
            JsonLocation at = e.getLocation();
            throw new ScenarioFileException(file, FileErrors.line(at), FileErrors.column(at), "",
                    "not valid YAML: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScenarioFileException(file, FileErrors.line(at), FileErrors.column(at), "",
                    "not valid YAML: " + e.getOriginalMessage());
        }
        if (spec == null) {
            throw errors.problem(List.of(), "the file is empty; it needs 'scenarios:' (configurations come from the"
                    + " lab's catalogue, " + Catalogue.CATALOGUE + ", and the file's own 'configurations:')");
        }
        return new ScenarioRules(file, host, errors).validate(spec);
    }

    /**
     * A problem found later than reading, with a field of the file (e.g. Maven could not resolve a program's
     * coordinates): said as the file's own mistakes are, naming file, line and field.
     */
    public static ScenarioFileException problemAt(Path file, List<String> path, String message) {
        try {
            return new FileErrors(file, Files.readString(file)).problem(path, message);
        } catch (IOException e) {
            return new ScenarioFileException(file, 0, 0, String.join(".", path), message);
        }
    }
}

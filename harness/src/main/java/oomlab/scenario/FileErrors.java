package oomlab.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A scenario file's mistakes said where they are: a field's path to its line and column (the parser walked again
 * over the text), Jackson's errors in the file's own words (a list where a list belongs, a key given twice with
 * both its lines), so that every mistake is one line naming file, line and field.
 */
final class FileErrors {
    /** For finding where a field sits, duplicates and all. */
    private static final YAMLFactory LOCATING = YAMLFactory.builder().build();

    private final Path file;
    private final String text;

    FileErrors(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** A problem with a field of the file, at the field's line (the deepest part of its path the file has). */
    ScenarioFileException problem(List<String> path, String message) {
        JsonLocation at = locate(path);
        return new ScenarioFileException(file, line(at), column(at), String.join(".", path), message);
    }

    /** Jackson's mapping error, said in the file's words at the field's line. */
    ScenarioFileException fromMappingError(JsonMappingException e) {
        if (e.getCause() instanceof StreamReadException syntax && duplicateKey(syntax).isPresent()) {
            return duplicateKey(syntax).get();
        }
        if (e.getCause() instanceof StreamReadException syntax) {
            // YAML syntax errors reach databind wrapped; SnakeYAML's own text spans several lines
            List<String> lines = syntax.getOriginalMessage().lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("in ") && !line.startsWith("^")).toList();
            JsonLocation at = syntax.getLocation();
            return new ScenarioFileException(file, line(at), column(at), "",
                    "not valid YAML: " + String.join(": ", lines.isEmpty() ? List.of("?") : List.of(lines.get(0),
                            lines.get(lines.size() - 1))));
        }
        List<String> path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .takeWhile(name -> name != null).toList();
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'; known fields: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            message = "'" + invalid.getValue() + "' is not one of "
                    + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
            message = e.getCause().getMessage();
        } else if (e instanceof MismatchedInputException mismatch) {
            message = wrongKind(mismatch, path);
        } else {
            message = e.getOriginalMessage();
        }
        // Jackson's own location is where it stopped reading, often past the field; name the field's line.
        JsonLocation at = path.isEmpty() ? e.getLocation() : locate(path);
        return new ScenarioFileException(file, line(at), column(at), String.join(".", path), message);
    }

    /**
     * A key given twice in one mapping, named with both of its lines. The parser stops at the second one and
     * its context holds the path; both places are then found by walking the file without the check.
     */
    Optional<ScenarioFileException> duplicateKey(StreamReadException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field") || !(e.getProcessor() instanceof JsonParser)) {
            return Optional.empty();
        }
        List<String> path = fieldPath((JsonParser) e.getProcessor());
        List<JsonLocation> places = occurrences(path);
        JsonLocation first = places.isEmpty() ? null : places.get(0);
        JsonLocation second = places.size() < 2 ? e.getLocation() : places.get(1);
        String key = path.isEmpty() ? "?" : path.get(path.size() - 1);
        return Optional.of(new ScenarioFileException(file, line(second), column(second), String.join(".", path),
                "'" + key + "' is given twice, on line " + line(first) + " and line " + line(second)
                        + "; keep one (YAML would silently use the last)"));
    }

    /** Every place a field with exactly this path is named, in file order. */
    private List<JsonLocation> occurrences(List<String> path) {
        List<JsonLocation> places = new java.util.ArrayList<>();
        try (JsonParser parser = LOCATING.createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && fieldPath(parser).equals(path)) {
                    places.add(parser.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            // the places found so far are what can be told
        }
        return places;
    }

    /**
     * A value of the wrong kind, said in plain words with the right form, e.g. {@code args: --x} for a list.
     * Jackson's own text names Java types, which a scenario file's author should not need to know.
     */
    private String wrongKind(MismatchedInputException e, List<String> path) {
        Class<?> target = e.getTargetType();
        String field = path.isEmpty() ? "" : path.get(path.size() - 1);
        JsonNode given = givenValue(path);
        String got = given == null ? "" : ", got " + (given.isValueNode() ? "'" + given.asText() + "'" : given);
        if (target == null) {
            return "a value of another kind is expected here" + got;
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            String item = given != null && given.isValueNode() ? given.asText() : "a, b";
            return "a list is expected" + got + "; write it as [" + item + "], or one item per line starting"
                    + " with '- '";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "a mapping of names to values is expected" + got + "; write it as " + mappingExample(field)
                    + ", or one 'name: value' per line indented below '" + field + ":'";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number is expected" + got + (field.equals("jdks") ? ", e.g. 17" : ", e.g. 120");
        }
        if (target == Double.class || target == double.class) {
            return "a number is expected" + got + ", e.g. 0.85";
        }
        if (target == String.class) {
            return "a single value (text) is expected" + got + ", e.g. " + field + ": some-value";
        }
        return "a value of another kind is expected" + got;
    }

    private static String mappingExample(String field) {
        return switch (field) {
            case "expect" -> "{c2: OOM_KILLED, c1: SURVIVED}";
            case "env" -> "{MALLOC_ARENA_MAX: \"2\"}";
            case "checks" -> "{peakAtMost: 0.85}";
            case "program" -> "{jar: group:artifact:version}";
            case "load" -> "{port: 8080, path: /hello, rate: 100}";
            default -> "{name: value}";
        };
    }

    /** The value at a path as the file gives it, or null. */
    private JsonNode givenValue(List<String> path) {
        try {
            JsonNode node = ScenarioFile.YAML.readTree(text);
            for (String name : path) {
                node = node == null ? null : node.get(name);
            }
            return node == null || node.isMissingNode() || node.isNull() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** Where a field sits in the file: the deepest part of {@code path} that exists (its first occurrence). */
    private JsonLocation locate(List<String> path) {
        JsonLocation best = null;
        int bestDepth = -1;
        try (JsonParser parser = LOCATING.createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() != JsonToken.FIELD_NAME) {
                    continue;
                }
                List<String> here = fieldPath(parser);
                int depth = here.size();
                if (depth <= path.size() && here.equals(path.subList(0, depth)) && depth > bestDepth) {
                    best = parser.currentTokenLocation();
                    bestDepth = depth;
                }
            }
        } catch (IOException e) {
            // the file parsed once already; if it cannot be walked now, report without a position
        }
        return best;
    }

    private static List<String> fieldPath(JsonParser parser) {
        java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
        for (var context = parser.getParsingContext(); context != null; context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                names.addFirst(context.getCurrentName());
            }
        }
        return List.copyOf(names);
    }

    static int line(JsonLocation at) {
        return at == null ? 0 : at.getLineNr();
    }

    static int column(JsonLocation at) {
        return at == null ? 0 : at.getColumnNr();
    }
}

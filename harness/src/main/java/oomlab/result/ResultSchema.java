package oomlab.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * result.json's JSON Schema ({@value #RESOURCE} in the harness jar, generated from the records and checked in; see
 * ResultSchemaTest), and validation against it: what other tools can do with it, the lab does to every file it
 * reads back, so a file cut short, edited or of another shape is named, not half read.
 */
public final class ResultSchema {
    public static final String RESOURCE = "/oomlab/result.schema.json";
    private static final JsonSchema SCHEMA = load();

    private ResultSchema() {
    }

    /**
     * What is wrong with the tree as a result.json of this format, read strictly: every field the records have must
     * be there (what the lab writes now). Empty when it is one.
     */
    public static List<String> problems(JsonNode resultJson) {
        return problems(resultJson, true);
    }

    /**
     * The same, leniently: a field the file lacks is no problem (an older lab of the same format wrote it, before
     * a field was added; a new field keeps the format), a field of the wrong type or shape is.
     */
    public static List<String> problemsReadingBack(JsonNode resultJson) {
        return problems(resultJson, false);
    }

    private static List<String> problems(JsonNode resultJson, boolean strict) {
        Set<ValidationMessage> messages = SCHEMA.validate(resultJson);
        return messages.stream().filter(message -> strict || !"required".equals(message.getType()))
                .map(ValidationMessage::getMessage).sorted().limit(5).toList();
    }

    private static JsonSchema load() {
        try (InputStream in = ResultSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " in the harness jar");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

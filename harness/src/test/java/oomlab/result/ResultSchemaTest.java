package oomlab.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * result.json's JSON Schema is generated from the records (victools' generator, with its Jackson module so the
 * names are Jackson's), and checked in (src/main/resources/oomlab/result.schema.json) for other tools to validate
 * what they read. A field the records no longer have, under a formatVersion that did not change, fails here:
 * put the field back, or move to a new format with a reader for the old one.
 */
class ResultSchemaTest {
    private static final Path CHECKED_IN = Path.of(System.getProperty("basedir", "harness"),
            "src/main/resources/oomlab/result.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_ORDER,
                        JacksonOption.INCLUDE_ONLY_JSONPROPERTY_ANNOTATED_METHODS,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                // derived values (timeToExitMs, peakOfCap, ...) are written too: they are part of the contract
                .with(Option.NONSTATIC_NONVOID_NONGETTER_METHODS, Option.FIELDS_DERIVED_FROM_ARGUMENTFREE_METHODS)
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT, Option.NULLABLE_METHOD_RETURN_VALUES_BY_DEFAULT)
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS);
        // a derived value is named as Jackson writes it: its @JsonProperty's name, else the method's
        config.forMethods().withPropertyNameOverrideResolver(method -> {
            com.fasterxml.jackson.annotation.JsonProperty named =
                    method.getAnnotationConsideringFieldAndGetter(com.fasterxml.jackson.annotation.JsonProperty.class);
            return named != null && !named.value().isEmpty() ? named.value() : method.getDeclaredName();
        });
        // every field is written (nulls too): a file without one was not written by this format
        // (but for a field written only where it has something to say, @JsonInclude(NON_NULL))
        config.forFields().withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(
                com.fasterxml.jackson.annotation.JsonInclude.class) == null);
        config.forMethods().withRequiredCheck(method -> true);
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(RunResult.class);
        schema.put("title", "oomlab result.json, format " + RunResult.FORMAT_VERSION);
        schema.put("$comment", "generated from the records by ResultSchemaTest; regenerate with"
                + " -Doomlab.schema.update=true");
        return schema;
    }

    @Test
    void theCheckedInSchemaIsTheOneTheRecordsGive() throws IOException {
        ObjectNode generated = generate();
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n";
        // written only when asked: a missing schema is a failure, not a file this test makes and then agrees with
        if (!Boolean.getBoolean("oomlab.schema.update")) {
            assertThat(CHECKED_IN).as("the checked-in schema (write it with -Doomlab.schema.update=true)").exists();
        }
        if (Boolean.getBoolean("oomlab.schema.update")) {
            JsonNode previous = Files.exists(CHECKED_IN) ? JSON.readTree(CHECKED_IN.toFile()) : null;
            if (previous != null) {
                assertNoFieldGoneWithoutANewFormat(previous, generated);
            }
            Files.writeString(CHECKED_IN, text);
        }
        JsonNode checkedIn = JSON.readTree(CHECKED_IN.toFile());
        assertNoFieldGoneWithoutANewFormat(checkedIn, generated);
        assertThat(text).as("the records changed: regenerate the schema with -Doomlab.schema.update=true and"
                + " read its diff").isEqualTo(Files.readString(CHECKED_IN));
    }

    /** A field the checked-in schema has and the records lost: a rename or a removal, which needs a new format. */
    static void assertNoFieldGoneWithoutANewFormat(JsonNode checkedIn, JsonNode generated) {
        Set<String> gone = new TreeSet<>(fields(checkedIn));
        gone.removeAll(fields(generated));
        boolean sameFormat = checkedIn.path("title").asText().equals(generated.path("title").asText());
        assertThat(sameFormat && !gone.isEmpty())
                .as("fields gone from result.json under the same formatVersion " + RunResult.FORMAT_VERSION + ": "
                        + gone + " (put them back, or move to format " + (RunResult.FORMAT_VERSION + 1)
                        + " with a reader for " + RunResult.FORMAT_VERSION + ")")
                .isFalse();
    }

    /** Every property as definition.property (and the top level's as property). */
    static Set<String> fields(JsonNode schema) {
        Set<String> fields = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(name -> fields.add(name));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("$defs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> definition = it.next();
            definition.getValue().path("properties").fieldNames()
                    .forEachRemaining(name -> fields.add(definition.getKey() + "." + name));
        }
        return fields;
    }
}

package oomlab.scenario;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import oomlab.scenario.FileShapes.ConfigSpec;
import oomlab.scenario.FileShapes.FileSpec;

/**
 * The lab's catalogue of JVM configurations (c2, c1, graal, ...), each defined once in the jar's
 * {@value #CATALOGUE}; a scenario file's own {@code configurations:} come after it and win on a name they share.
 */
public final class Catalogue {
    private Catalogue() {
    }

    /** The lab's catalogue of configurations, in the jar beside this class: every file's, before its own. */
    public static final String CATALOGUE = "oomlab/configurations.yaml";

    /** The catalogue as read once from the jar (it cannot change while the JVM runs): every file's load copies it. */
    private static volatile Map<String, RunConfig> catalogue;

    /** The catalogue's configurations, in its order (c2, c1, ...): a copy the caller may add to. */
    public static Map<String, RunConfig> catalogue() {
        if (catalogue == null) {
            catalogue = java.util.Collections.unmodifiableMap(readCatalogue());
        }
        return new LinkedHashMap<>(catalogue);
    }

    private static Map<String, RunConfig> readCatalogue() {
        try (java.io.InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException(CATALOGUE + " is missing from the lab's jar");
            }
            FileSpec spec = ScenarioFile.YAML.readValue(in, FileSpec.class);
            return configurations(spec.configurations());
        } catch (IOException e) {
            throw new IllegalStateException("the lab's own " + CATALOGUE + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Configurations as a file defines them ({@code configurations:}), in its order. */
    static Map<String, RunConfig> configurations(Map<String, ConfigSpec> specs) {
        Map<String, RunConfig> configurations = new LinkedHashMap<>();
        if (specs == null) {
            return configurations;
        }
        specs.forEach((name, config) -> {
            ConfigSpec c = config == null ? new ConfigSpec(null, null, null, null) : config;
            configurations.put(name, new RunConfig(name, c.description() == null ? "" : c.description(),
                    c.jvmFlags() == null ? List.of() : c.jvmFlags(), c.env() == null ? Map.of() : c.env(),
                    c.jdks() == null ? List.of() : c.jdks()));
        });
        return configurations;
    }
}

package oomlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void defaultsAreTheProjectLayout() {
        Settings settings = Settings.from(new Properties(), Map.of());

        assertThat(settings.scenarioFile()).isEqualTo(Path.of("scenarios.yaml"));
        assertThat(settings.resultsRoot()).isEqualTo(Path.of("target/oomlab"));
        assertThat(settings.registryReachable()).isTrue();
        assertThat(settings.dockerStatsSampler()).isFalse();
        assertThat(settings.baseImages()).isEmpty();
        assertThat(settings.ryukDisabled()).isFalse();
        assertThat(settings.selection().scenarios()).isNull();
    }

    @Test
    void aTimeoutFactorStretchesEveryTimeoutOfASlowMachine() {
        assertThat(Settings.from(new Properties(), Map.of()).timeout(120)).isEqualTo(java.time.Duration.ofSeconds(120));
        Properties slow = new Properties();
        slow.setProperty("oomlab.timeoutFactor", "10");
        assertThat(Settings.from(slow, Map.of()).timeout(120)).isEqualTo(java.time.Duration.ofSeconds(1200));
        slow.setProperty("oomlab.timeoutFactor", "0");
        assertThatThrownBy(() -> Settings.from(slow, Map.of())).hasMessageStartingWith("-Doomlab.timeoutFactor=0: ");
    }

    @Test
    void propertiesAndEnvironmentAreReadOnce() {
        Properties properties = new Properties();
        properties.setProperty("scenario", "c2-leak");
        properties.setProperty("config", "c2,c1");
        properties.setProperty("jdk", "17");
        properties.setProperty("oomlab.results", "/tmp/r");
        properties.setProperty("oomlab.registryReachable", "false");
        properties.setProperty("oomlab.sampler", "docker-stats");
        properties.setProperty("oomlab.baseImage.17", "my-registry/jdk:17");
        properties.setProperty("oomlab.jdkHome.25", "/opt/jdk25");

        Settings settings = Settings.from(properties, Map.of("TESTCONTAINERS_RYUK_DISABLED", "true"));

        assertThat(settings.selection().configs()).isEqualTo("c2,c1");
        assertThat(settings.resultsRoot()).isEqualTo(Path.of("/tmp/r"));
        assertThat(settings.registryReachable()).isFalse();
        assertThat(settings.dockerStatsSampler()).isTrue();
        assertThat(settings.baseImages()).containsExactly(Map.entry(17, "my-registry/jdk:17"));
        assertThat(settings.jdkHomes()).containsExactly(Map.entry(25, Path.of("/opt/jdk25")));
        assertThat(settings.ryukDisabled()).isTrue();
    }

    @Test
    void anUnknownSamplerOrJdkSuffixIsRefused() {
        Properties sampler = new Properties();
        sampler.setProperty("oomlab.sampler", "statsd");
        assertThatThrownBy(() -> Settings.from(sampler, Map.of())).hasMessageContaining("-Doomlab.sampler=statsd");

        Properties image = new Properties();
        image.setProperty("oomlab.baseImage.latest", "x");
        assertThatThrownBy(() -> Settings.from(image, Map.of())).hasMessageContaining("-Doomlab.baseImage.latest");
    }

    /** Defaults, then what the properties and the environment set, then what a caller sets: each layer by name. */
    @Test
    void settingsAreLayered() {
        Settings defaults = Settings.defaults();
        assertThat(defaults.resultsRoot()).isEqualTo(java.nio.file.Path.of("target/oomlab"));
        assertThat(defaults.probe()).isTrue();
        assertThat(defaults.selection().reportRuns()).isFalse();

        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("oomlab.results", " /tmp/elsewhere ");
        properties.setProperty("oomlab.probe", "false");
        Settings read = Settings.from(properties, java.util.Map.of("TESTCONTAINERS_RYUK_DISABLED", "true"));
        assertThat(read.resultsRoot()).isEqualTo(java.nio.file.Path.of("/tmp/elsewhere"));
        assertThat(read.probe()).isFalse();
        assertThat(read.ryukDisabled()).isTrue();
        assertThat(read.scenarioFile()).isEqualTo(defaults.scenarioFile()); // not set: the default

        Settings set = read.toBuilder().probe(true).timeoutFactor(10).build();
        assertThat(set.probe()).isTrue();
        assertThat(set.timeoutFactor()).isEqualTo(10);
        assertThat(set.resultsRoot()).isEqualTo(read.resultsRoot()); // the rest as read
    }
}

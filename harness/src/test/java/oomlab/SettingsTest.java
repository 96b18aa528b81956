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
}

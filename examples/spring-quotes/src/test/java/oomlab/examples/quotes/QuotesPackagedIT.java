package oomlab.examples.quotes;

import static oomlab.assertj.LabAssertions.assertThat;

import java.nio.file.Path;
import oomlab.junit.LabScenario;
import oomlab.junit.OomLab;
import oomlab.junit.OomLabTest;
import org.junit.jupiter.api.Test;

/**
 * The jar as it ships (Spring Boot's fat jar, java -jar): it exists only after `package`, so this is failsafe's, run
 * by `mvn verify` (.ci/run runs it for this example after the lab's `mvn test`).
 */
@OomLabTest
class QuotesPackagedIT {
    @Test
    void theShippedJarHoldsItsPodUnderLoad(OomLab lab) {
        LabScenario shipped = LabScenario.named("quotes-jar")
                .program(LabScenario.jar(Path.of("target/spring-quotes-1.0.jar")))
                .args("--server.port=8080", "--quotes.cache-entries=2000")
                .memory("512m").heap("256m")
                .timeoutSeconds(120)
                .load(LabScenario.http(8080, "/quote/{n}").rate(200).warmupSeconds(10).durationSeconds(20))
                .configurations("c2");

        assertThat(lab.run(shipped, "c2")).survived().peakAtMost(0.85).answered(0.99);
    }
}

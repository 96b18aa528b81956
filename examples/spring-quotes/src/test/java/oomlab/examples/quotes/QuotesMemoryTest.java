package oomlab.examples.quotes;

import static oomlab.assertj.LabAssertions.assertThat;

import oomlab.junit.LabRun;
import oomlab.junit.LabScenario;
import oomlab.junit.OomLab;
import oomlab.junit.OomLabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The service's memory, tested by its own build as a team would: its pod (512 MB, a 256 MB heap) under 200
 * requests/s with the default JIT and with C1 only, each a real run in a real memory-capped container. The service
 * is this project as `mvn test` has it (its classes and its runtime dependencies, resolved by Maven). Results and
 * report.html: target/oomlab.
 */
@OomLabTest
class QuotesMemoryTest {
    static LabScenario quotes(String pod) {
        return LabScenario.named("quotes-" + pod)
                .program(LabScenario.thisProject("oomlab.examples.quotes.QuotesApplication"))
                .args("--server.port=8080", "--quotes.cache-entries=2000")
                .memory(pod).heap("256m")
                .timeoutSeconds(120)
                .load(LabScenario.http(8080, "/quote/{n}").rate(200).warmupSeconds(5).durationSeconds(10))
                .configurations("c2", "c1");
    }

    @Test
    // `mvn test -Dscenario=...` in the lab's repository asks for some of the lab's scenarios: this example is none
    // (on the method, so the lab's extension says why in the build's log)
    @DisabledIfSystemProperty(named = "scenario", matches = ".+",
            disabledReason = "-Dscenario selects the lab's scenarios, and this example is none of them")
    void itsPodHoldsItUnderItsLoadWithC2AndWithC1(OomLab lab) {
        LabRun c2 = lab.run(quotes("512m"), "c2");
        LabRun c1 = lab.run(quotes("512m"), "c1");

        assertThat(c2).survived().peakAtMost(0.85).answered(0.99);
        assertThat(c1).survived().peakAtMost(0.85).answered(0.99);
    }
}

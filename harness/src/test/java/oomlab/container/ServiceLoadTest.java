package oomlab.container;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generator that never started is closed without a word of its own: its start's failure is the news. */
class ServiceLoadTest {
    @Test
    void aGeneratorThatFailedToStartIsClosedWithoutANullPointerException(@TempDir Path dir) {
        LabContainer neverStarted = new LabContainer("oomlab/no-such-image:0");

        assertThatCode(() -> ServiceLoad.stopGenerator(neverStarted, null, new LogFile(dir.resolve("load.log")),
                "svc / c2")).doesNotThrowAnyException();
    }
}

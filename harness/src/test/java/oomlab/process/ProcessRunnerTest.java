package oomlab.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import oomlab.process.ProcessRunner.ProcessResult;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {
    @Test
    void theTimeoutFiresEvenWhileTheCommandKeepsItsOutputOpen() {
        long start = System.nanoTime();
        ProcessResult result = ProcessRunner.run(List.of("sh", "-c", "echo started; sleep 30"), Duration.ofSeconds(1));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("started");
        assertThat(seconds).isLessThan(15);
        assertThat(result.describe()).contains("did not finish in time");
    }

    @Test
    void moreOutputThanAPipeHoldsDoesNotBlockTheCommand() {
        ProcessResult result = ProcessRunner.run(List.of("sh", "-c", "head -c 1000000 /dev/zero | tr '\\0' x; echo; exit 3"),
                Duration.ofSeconds(30));

        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).hasSizeGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    void aCommandThatCannotStartSaysWhich() {
        assertThatThrownBy(() -> ProcessRunner.run(List.of("no-such-command-oomlab"), Duration.ofSeconds(5)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("no-such-command-oomlab");
    }
}

package oomlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import oomlab.container.RawRun;
import oomlab.launch.Launch;
import oomlab.layout.RunFiles;
import oomlab.result.ResultJson;
import oomlab.result.RunResult;
import oomlab.verdict.Verdict;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recorded real runs (scripts/record-replay.sh) go through the pipeline after the container — observations,
 * verdict, diagnosis, judgement — without Docker, and must give the result.json the live run wrote, byte for
 * byte. They test the lab's reading of real files, not the JVM: a parser broken on purpose fails here.
 */
class ReplayTest {
    /** Each fixture, and the verdict its live run had (said here too, so a fixture cannot drift unseen). */
    private static final List<Object[]> FIXTURES = List.of(
            new Object[] {"c2-oom-killed", Verdict.OOM_KILLED},
            new Object[] {"c1-survived", Verdict.SURVIVED},
            new Object[] {"java-oom", Verdict.JAVA_OOM},
            new Object[] {"native-crash", Verdict.CRASHED},
            new Object[] {"printed-oom", Verdict.CRASHED},
            new Object[] {"caught-oom", Verdict.SURVIVED},
            new Object[] {"service-under-load", Verdict.OOM_KILLED},
            new Object[] {"jdk25-memlimit", Verdict.OOM_KILLED},
            new Object[] {"deopt-storm", Verdict.SURVIVED},
            new Object[] {"nativemem-allocations", Verdict.OOM_KILLED},
            new Object[] {"incident-c2-jdk17", Verdict.OOM_KILLED},
            new Object[] {"user-service-until-steady", Verdict.SURVIVED},
            new Object[] {"user-service-still-growing", Verdict.SURVIVED});

    static Stream<Object[]> fixtures() {
        return FIXTURES.stream();
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aRecordedRunGivesTheResultItsLiveRunGave(String fixture, Verdict verdict) throws IOException {
        RunFiles files = unpack(fixture);

        RunResult replayed = replay(files);
        if (fixture.equals(System.getProperty("oomlab.replay.update"))) {
            // a deliberate change of what the analysis says of a recorded run: the fixture's result.json written
            // again (the run's own files untouched), the lines that changed printed for the commit's note
            Replays.rewriteResult(fixture, files, ResultJson.write(replayed));
        }

        assertThat(replayed.exit().verdict()).isEqualTo(verdict);
        assertThat(ResultJson.write(replayed)).as("result.json of " + fixture).isEqualTo(files.text(RunFiles.RESULT));
        // and the recorded file is a result.json of this format, every field there, by the checked-in schema
        assertThat(oomlab.result.ResultSchema.problems(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(files.text(RunFiles.RESULT)))).isEmpty();
        assertThat(ResultJson.parse(files.text(RunFiles.RESULT))).isEqualTo(replayed);
    }

    /** JDK 17 has no MemStat: PrintCompilation2's end lines say which compilations never ended, by name. */
    @Test
    void theCompilationsInFlightAtTheKillAreNamedOnJdk17() throws IOException {
        RunResult incident = replay(unpack("incident-c2-jdk17"));
        assertThat(incident.run().jdkMajor()).isEqualTo(17);
        assertThat(incident.jit().compilations().inFlightFor(1_000))
                .extracting(oomlab.output.Compilations.InFlight::method)
                .isNotEmpty().allMatch(method -> method.startsWith("oomlab.workloads.StackedConcat::stacked"));
        assertThat(incident.diagnosis().summary()).contains("tier-4 compilations still running at the end: "
                + "oomlab.workloads.StackedConcat::stacked");
    }

    @Test
    void theWitnessesAreTheJvmsNotTheProgramsOutput() throws IOException {
        RunResult printed = replay(unpack("printed-oom"));
        assertThat(printed.exit().outOfMemoryErrors()).isEmpty();
        assertThat(printed.container().exitCode()).isEqualTo(3);

        RunResult caught = replay(unpack("caught-oom"));
        assertThat(caught.exit().survivedAnOutOfMemoryError()).isTrue();
        assertThat(caught.diagnosis().summary()).contains("OutOfMemoryError (Java heap space) was thrown and caught");

        RunResult crashed = replay(unpack("native-crash"));
        assertThat(crashed.exit().crashReport()).matches("hs_err_pid\\d+\\.log");
        assertThat(Files.readString(dir.resolve("native-crash").resolve(crashed.exit().crashReport())))
                .contains("SIGSEGV");
    }

    @Test
    void theCompilationLogIsReadFromItsOwnFile() throws IOException {
        RunResult storm = replay(unpack("deopt-storm"));
        assertThat(storm.jit().compilations().byTier()).containsKeys("1", "2", "3", "4").doesNotContainKey("unknown");
        assertThat(storm.jit().deopt()).isNotNull();
        // C1's tiers and CITime's count of C1's compilations are two witnesses of the same thing
        long c1 = storm.jit().compilations().byTier().entrySet().stream()
                .filter(e -> List.of("1", "2", "3").contains(e.getKey())).mapToLong(java.util.Map.Entry::getValue).sum();
        // (CITime counts the finished ones: a C1 compilation or two may still be running when the JVM exits)
        assertThat(c1 - storm.jit().compiledMethods().get("C1")).isBetween(0L, 2L);
    }

    /**
     * A program of the user's under load (the Spring Boot example's fat jar, C1, 400 requests/s, until steady): its
     * windows, where it settled and why, the heap after GC, and the load the lab ended once its answer was known.
     */
    @Test
    void aUsersServiceUnderLoadHasItsWindowsAndItsSteadyCost() throws IOException {
        RunResult quotes = replay(unpack("user-service-until-steady"));
        oomlab.analysis.SteadyState steady = quotes.load().steady();
        assertThat(quotes.run().program()).contains("spring-quotes-1.0.jar");
        assertThat(steady.windows()).hasSizeGreaterThanOrEqualTo(6)
                .allMatch(w -> w.answered() > 1900 && w.cpuMsPer1000() != null && w.heapAfterGcMb() != null);
        assertThat(steady.steadyFromS()).isBetween(5.0, 20.0);
        assertThat(steady.cpuMsPer1000()).isBetween(500.0, 1000.0);
        assertThat(steady.why()).startsWith("steady from 8 s: 3 windows of 5 s in a row with at most 2 tier-4");
        assertThat(steady.memory().settled()).isTrue();
        assertThat(quotes.load().run().endedEarly()).startsWith("steady from 8 s, 30 s of steady windows counted");
        assertThat(quotes.load().ending()).isEqualTo("ended once steady");
    }

    /** Every part of result.json with values somewhere among the fixtures: a renamed field shows in a diff here. */
    @Test
    void theFixturesHoldEveryPartWithValues() throws IOException {
        RunResult service = replay(unpack("service-under-load"));
        assertThat(service.load().measured().ok()).isPositive();
        assertThat(service.load().run().isolated()).isTrue();

        RunResult jdk25 = replay(unpack("jdk25-memlimit"));
        assertThat(jdk25.run().jdkMajor()).isEqualTo(25);
        assertThat(jdk25.service().steadyCpuCores()).isNotNull();
        assertThat(jdk25.jit().compilations().biggest()).isNotEmpty(); // MemStat
        assertThat(jdk25.jit().found(oomlab.output.JitFinding.MEMLIMIT_HIT)).isTrue();
        assertThat(jdk25.exit().kernelLog()).isNotEmpty();

        RunResult profiled = replay(unpack("nativemem-allocations"));
        assertThat(profiled.allocations().topFrames()).isNotEmpty();
        assertThat(profiled.allocations().topFrames().get(0).name()).isEqualTo("Unsafe_AllocateMemory0");

        RunResult storm = replay(unpack("deopt-storm"));
        assertThat(storm.jit().deopt().optimizedMadeNotEntrantAfter())
                .isGreaterThan(10 * Math.max(1, storm.jit().deopt().optimizedMadeNotEntrantBefore()));
    }

    private RunResult replay(RunFiles files) {
        return Replays.replay(files);
    }

    private RunFiles unpack(String fixture) throws IOException {
        return Replays.unpack(fixture, dir);
    }
}

package oomlab.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The workloads at toy sizes: they must do exactly the work they report (the unit of throughput). */
class WorkloadsTest {
    @Test
    void jitChurnDefinesVerifiableClassesAndCallsEachOneAsOften() throws Exception {
        long calls = new JitChurn().run(new Args(List.of("--classes=3", "--calls=5", "--threads=2", "--waves=2")));

        assertThat(calls).isEqualTo(2 * 3 * 5);
    }

    @Test
    void generatedClassesDifferPerIndexButNotPerRun() {
        assertThat(GeneratedCode.classBytes(1, 10)).isEqualTo(GeneratedCode.classBytes(1, 10))
                .isNotEqualTo(GeneratedCode.classBytes(2, 10));
    }

    @Test
    void directBuffersStopsAtItsTotal() throws Exception {
        assertThat(new DirectBuffers().run(new Args(List.of("--chunk-mb=1", "--rate-mb-per-s=1000", "--total-mb=8"))))
                .isEqualTo(8);
    }

    @Test
    void steadyAndTheOthersReportTheirUnits() throws Exception {
        assertThat(new Steady().run(new Args(List.of("--iterations=3", "--array-length=1000")))).isEqualTo(3);
        assertThat(new ThreadStorm().run(new Args(List.of("--threads=20", "--depth=10", "--hold-ms=10",
                "--threads-per-s=10000")))).isEqualTo(20);
        assertThat(new NativeLeak().run(new Args(List.of("--total=10", "--deflaters-per-s=10000")))).isEqualTo(10);
    }

    /** A thread storm is killed before it returns; its progress lines must still count the threads it started. */
    @Test
    void threadStormCountsEachStartedThreadAsProgress() throws Exception {
        long before = Progress.done();
        new ThreadStorm().run(new Args(List.of("--threads=20", "--depth=10", "--hold-ms=10", "--threads-per-s=10000")));

        assertThat(Progress.done() - before).isEqualTo(20);
    }

    /** Open loop at a fixed rate: every request is served and each window reports CPU, rate and latency. */
    @Test
    void serviceServesEveryRequestAtItsRateAndReportsWindows() throws Exception {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        long requests;
        long start = System.nanoTime();
        System.setOut(new java.io.PrintStream(captured, true));
        try {
            requests = new Service().run(new Args(List.of("--rate=400", "--duration-s=2", "--warmup-s=1",
                    "--window-s=1", "--workers=2")));
        } finally {
            System.setOut(original);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(requests).isEqualTo(800);
        assertThat(seconds).as("paced, not as fast as possible").isGreaterThan(1.9);
        List<String> windows = captured.toString().lines().filter(l -> l.startsWith("oomlab-window ")).toList();
        assertThat(windows).hasSizeGreaterThanOrEqualTo(2);
        assertThat(windows.get(0)).contains("\"window\":0").contains("\"phase\":\"warmup\"").contains("\"p99Ms\":");
        assertThat(windows.get(1)).contains("\"phase\":\"steady\"");
        // a request's answer is its form's: repeated fields merged (a=1 and a=3 are a=4), another form another answer
        assertThat(Service.handle("a=1,b=2,a=3")).isEqualTo(Service.handle("b=2,a=4"))
                .isNotEqualTo(Service.handle("a=1,b=2"));
    }

    /** The one percentile definition (the load generator's and the service's), to HdrHistogram's 0.1%. */
    @Test
    void percentilesOfTheLatencies() {
        Latencies latencies = new Latencies();
        for (long ms : new long[] {1, 2, 3, 4, 100}) {
            latencies.record(ms * 1000);
        }
        var all = latencies.all();
        assertThat(Latencies.percentileMs(all, 50)).isCloseTo(3.0, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(Latencies.percentileMs(all, 99)).isCloseTo(100.0, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(Latencies.maxMs(all)).isCloseTo(100.0, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(Latencies.percentileMs(new Latencies().all(), 99)).isZero();
    }

    /** A window takes what came since the last one; everything so far stays for the closing line. */
    @Test
    void aWindowTakesOnlyItsOwnLatencies() {
        Latencies latencies = new Latencies();
        latencies.record(1_000);
        assertThat(latencies.sinceLastTaken().getTotalCount()).isEqualTo(1);
        latencies.record(50_000);
        latencies.record(60_000);
        var second = latencies.sinceLastTaken();
        assertThat(second.getTotalCount()).isEqualTo(2);
        assertThat(Latencies.percentileMs(second, 50)).isCloseTo(50.0, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(latencies.all().getTotalCount()).isEqualTo(3);
    }

    /** Bounded memory at any rate and duration: a million latencies take no more room than a thousand. */
    @Test
    void latenciesTakeRoomByTheirRangeNotTheirNumber() {
        Latencies few = new Latencies();
        Latencies many = new Latencies();
        few.record(5_000_100); // the same range for both: the longest latency decides the buckets
        many.record(5_000_100);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < 1_000_000; i++) {
            long micros = 100 + random.nextLong(5_000_000); // 0.1 ms to 5 s
            if (i < 1_000) {
                few.record(micros);
            }
            many.record(micros);
        }
        assertThat(many.all().getEstimatedFootprintInBytes()).isLessThanOrEqualTo(few.all().getEstimatedFootprintInBytes());
    }

    @Test
    void phases() {
        long s = 1_000_000_000L;
        assertThat(Service.phase(0, 5 * s, 10, -1)).isEqualTo("warmup");
        assertThat(Service.phase(10 * s, 15 * s, 10, -1)).isEqualTo("steady");
        assertThat(Service.phase(20 * s, 25 * s, 10, 20)).isEqualTo("after-deploy");
    }

    @Test
    void argumentsMustBeNamed() {
        assertThatThrownBy(() -> new Args(List.of("512"))).hasMessageContaining("expected --name=value");
    }

    /** The generator's JSON whatever the machine's locale (a German one writes 1,5). */
    @Test
    void theLoadGeneratorsSummaryIsJsonInAnyLocale() throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            String line = LoadGenerator.forTest("--rate=150", "--protocol=http").summaryLine();
            assertThat(line).startsWith("oomlab-load-summary {").contains("\"targetRate\":150.0");
            assertThat(line).doesNotContainPattern("\\d,\\d"); // no decimal comma anywhere
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}

package oomlab.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import oomlab.layout.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each witness is read from its own file; the program's output can pass for none of them. */
class JvmLogsTest {
    @TempDir
    Path dir;

    private RunFiles files(String... nameThenText) throws IOException {
        for (int i = 0; i < nameThenText.length; i += 2) {
            Files.writeString(dir.resolve(nameThenText[i]), nameThenText[i + 1]);
        }
        return new RunFiles(dir);
    }

    @Test
    void aProgramPrintingAnOutOfMemoryErrorIsNotAWitnessOfOne() throws IOException {
        JvmLogs logs = JvmLogs.read(files(
                RunFiles.STDOUT, "ERROR ... upstream reported java.lang.OutOfMemoryError: Metaspace\n",
                RunFiles.STDERR, "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n"));

        assertThat(logs.outOfMemoryErrors()).isEmpty();
    }

    @Test
    void theJvmsOwnReportOfAnOutOfMemoryErrorIsInItsTtyLog() throws IOException {
        JvmLogs logs = JvmLogs.read(files(RunFiles.JVM_TTY, """
                <?xml version='1.0' encoding='UTF-8'?>
                <hotspot_log version='160 1' process='1' time_ms='1'>
                <tty>
                <writer thread='2836'/>
                #
                # java.lang.OutOfMemoryError: Java heap space
                # -XX:OnOutOfMemoryError=&quot;true&quot;
                #   Executing /bin/sh -c &quot;true&quot;...
                </tty>
                """));

        assertThat(logs.outOfMemoryErrors()).containsExactly(new JvmLogs.OutOfMemory("jvm", "Java heap space", null));
    }

    @Test
    void anOutOfMemoryErrorThatEndedAThreadIsTheProbesRecord() throws IOException {
        JvmLogs logs = JvmLogs.read(files(RunFiles.UNCAUGHT, """
                {"thread":"worker-1","error":"java.lang.IllegalStateException","message":"no","uptimeMs":5}
                {"thread":"main","error":"java.lang.OutOfMemoryError","message":"Cannot reserve 1048576 bytes of direct buffer memory","uptimeMs":900}
                {"thread":"main","error":"java.lang.OutOfMemo"""));

        assertThat(logs.uncaught()).hasSize(2);
        assertThat(logs.outOfMemoryErrors()).containsExactly(new JvmLogs.OutOfMemory("uncaught",
                "Cannot reserve 1048576 bytes of direct buffer memory", "main"));
    }

    @Test
    void theLaunchersRejectionsAreShown() throws IOException {
        JvmLogs logs = JvmLogs.read(files(RunFiles.STDERR, """
                Unrecognized VM option 'TrimNativeHeapIntervall=1000'
                Error: Could not create the Java Virtual Machine.
                ordinary output
                """));

        assertThat(logs.jvmErrors()).containsExactly("Unrecognized VM option 'TrimNativeHeapIntervall=1000'",
                "Error: Could not create the Java Virtual Machine.");
    }

    @Test
    void theTtyLogIsTheJvmsTextWithoutItsXml() {
        assertThat(JvmLogs.ttyText(java.util.List.of("<hotspot_log>", "<tty>", "<writer thread='1'/>",
                "c1 (1) (ok) Arena usage java/lang/Object::&lt;init&gt;(()V): Total Usage: 65456 [ra 65456]",
                "<dependency_failed type='x' stamp='0.1'/>", "  C2 {speed: 1 bytes/s}", "</tty>", "<after>")))
                .containsExactly("c1 (1) (ok) Arena usage java/lang/Object::<init>(()V): Total Usage: 65456 [ra 65456]",
                        "  C2 {speed: 1 bytes/s}");
    }

    @Test
    void theWorkloadsEventsGiveItsWorkAndWindows() throws IOException {
        JvmLogs logs = JvmLogs.read(files(
                RunFiles.STDOUT, "oomlab-work {\"workload\":\"fake\",\"ops\":1,\"unit\":\"x\",\"elapsedMs\":1,\"cpuMs\":1}\n",
                RunFiles.WORKLOAD_EVENTS, """
                {"event":"progress","workload":"steady","ops":40,"unit":"iterations","elapsedMs":1000,"cpuMs":900}
                {"event":"window","window":0,"fromS":0.0,"toS":5.0,"phase":"steady","cpuCores":0.3,"rate":300.0,"p50Ms":1.0,"p99Ms":9.0,"p999Ms":20.0}
                {"event":"work","workload":"steady","ops":100,"unit":"iterations","elapsedMs":4000,"cpuMs":5000}
                {"event":"progress","workload":"steady","ops":100,"unit":"iterations","elapsedMs":4100,"cpuMs":5100}
                {"event":"progre"""));

        WorkReport work = logs.events().work().orElseThrow();
        assertThat(work.complete()).isTrue();
        assertThat(work.workload()).isEqualTo("steady"); // not the program's printed line
        assertThat(work.opsPerSecond()).isEqualTo(25.0);
        assertThat(logs.events().service().steadyCpuCores()).isEqualTo(0.3);
    }

    @Test
    void aRunKilledBeforeTheEndHasItsLastProgress() throws IOException {
        JvmLogs logs = JvmLogs.read(files(RunFiles.WORKLOAD_EVENTS, """
                {"event":"progress","workload":"jit-churn","ops":1,"unit":"calls","elapsedMs":1000,"cpuMs":900}
                {"event":"progress","workload":"jit-churn","ops":7,"unit":"calls","elapsedMs":2000,"cpuMs":1900}
                """));

        WorkReport work = logs.events().work().orElseThrow();
        assertThat(work.complete()).isFalse();
        assertThat(work.ops()).isEqualTo(7);
        assertThat(JvmLogs.read(new RunFiles(dir.resolve("empty"))).events().work()).isEmpty();
    }

    @Test
    void whatEndedACrashedProgramIsTheInnermostCauseOfWhatEndedMain() throws IOException {
        JvmLogs logs = JvmLogs.read(files(RunFiles.UNCAUGHT, """
                {"thread":"worker-1","error":"java.lang.IllegalStateException","message":"no","uptimeMs":5}
                {"thread":"main","error":"java.lang.reflect.InvocationTargetException","message":"null","uptimeMs":900,\
                "rootCause":"java.lang.IllegalStateException","rootMessage":"quotes.cache-mb must be > 0, was -1",\
                "frames":["com.example.Quotes.cache(Quotes.java:31)","com.example.Quotes.main(Quotes.java:12)"]}
                """, RunFiles.STDERR, "Exception in thread \"main\" ...\n"));

        assertThat(logs.endedBy()).contains("uncaught in thread main: java.lang.IllegalStateException: quotes.cache-mb"
                + " must be > 0, was -1 at com.example.Quotes.cache(Quotes.java:31), com.example.Quotes.main(Quotes.java:12)");
    }

    @Test
    void withoutAnUncaughtRecordTheProgramsLastStderrLinesSayIt() throws IOException {
        JvmLogs logs = JvmLogs.read(files(RunFiles.STDERR, "starting\n\nError: could not bind port 8080\n"
                + "  address in use\n", RunFiles.STDOUT, "ignored\n"));

        assertThat(logs.endedBy()).contains("the program's stderr ended: starting | Error: could not bind port 8080"
                + " | address in use");
        assertThat(JvmLogs.read(files(RunFiles.STDERR, "")).endedBy()).isEmpty();
    }

    /** Spring Boot logs a failed start itself and keeps the exception from the default handler: its stdout says. */
    @Test
    void aFrameworkThatLogsItsOwnFailureIsQuotedFromTheInnermostCauseOfItsTrace() throws IOException {
        JvmLogs logs = JvmLogs.read(files(RunFiles.STDOUT, """
                2026-12-05T22:45:14.150Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed
                org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'quotesApplication'
                \tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.createBean(AbstractAutowireCapableBeanFactory.java:1) ~[spring-beans-6.2.12.jar:6.2.12]
                Caused by: java.lang.IllegalArgumentException: quotes.entries must be positive, was -1
                \tat com.example.quotes.QuotesApplication.<init>(QuotesApplication.java:19) ~[classes/:na]
                \tat org.springframework.beans.BeanUtils.instantiateClass(BeanUtils.java:210) ~[spring-beans-6.2.12.jar:6.2.12]
                \t... 23 common frames omitted
                """, RunFiles.STDERR, ""));

        assertThat(logs.endedBy()).contains("the program's stdout ends in a stack trace:"
                + " java.lang.IllegalArgumentException: quotes.entries must be positive, was -1"
                + " at com.example.quotes.QuotesApplication.<init>(QuotesApplication.java:19)");
    }

    /**
     * A long-running service's tty log (examples: hello-service-tight, a Spring Boot fat jar): threads write by
     * turns, and an end line came in pieces between other threads' lines. Joined again per thread, the compilation
     * ended; read as pieces, it was named "still running" for 20-34 s.
     */
    @Test
    void aLineAThreadWroteInPiecesBetweenOtherThreadsIsJoinedAgain() {
        List<String> tty = JvmLogs.ttyText(List.of(
                "<tty>",
                "    807 1094       4       java.lang.String::startsWith (138 bytes)",
                "    811 1091       3       org.springframework.boot.loader.zip.ZipContent::getEntry (95 bytes)",
                "<writer thread='13'/>",
                "    811 ",
                "<writer thread='14'/>",
                "    811 ",
                "<writer thread='13'/>",
                "1094 ",
                "<writer thread='14'/>",
                "1091   ",
                "<writer thread='13'/>",
                "  size: 1720(1216) time: 4 inlined: 82 bytes",
                "<writer thread='14'/>",
                "size: 2704(2048) time: 0 inlined: 53 bytes",
                "</tty>"));

        assertThat(tty).containsExactly(
                "    807 1094       4       java.lang.String::startsWith (138 bytes)",
                "    811 1091       3       org.springframework.boot.loader.zip.ZipContent::getEntry (95 bytes)",
                "    811 1094   size: 1720(1216) time: 4 inlined: 82 bytes",
                "    811 1091   size: 2704(2048) time: 0 inlined: 53 bytes");
    }
}

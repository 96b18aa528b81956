package oomlab.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativememProfileTest {
    @TempDir
    Path run;

    /** Two of the agent's per-second dumps, the second cut short by the kill, as a c2 run leaves them. */
    @Test
    void theDumpsAreAddedUpRankedByFrameAndDrawn() throws IOException {
        Files.writeString(run.resolve("nativemem-part-20261123-183754.collapsed"), """
                start_thread;thread_native_entry;Thread::call_run;JavaThread::thread_main_inner;CompileBroker::compiler_thread_loop;CompileBroker::invoke_compiler_on_method;C2Compiler::compile_method;Compile::Compile;Compile::Code_Gen;PhaseChaitin::Register_Allocate;Arena::grow;os::malloc;malloc 900
                start_thread;thread_native_entry;Thread::call_run;JavaThread::thread_main_inner;CompileBroker::compiler_thread_loop;CompileBroker::invoke_compiler_on_method;Compiler::compile_method;Compilation::compile_method;Arena::grow;os::malloc;malloc 50
                java/lang/Thread.run;java/util/zip/Deflater.init;Java_java_util_zip_Deflater_init;deflateInit2_;malloc 50
                """);
        Files.writeString(run.resolve("nativemem-part-20261123-183755.collapsed"), """
                start_thread;thread_native_entry;Thread::call_run;JavaThread::thread_main_inner;CompileBroker::compiler_thread_loop;CompileBroker::invoke_compiler_on_method;C2Compiler::compile_method;Compile::Compile;Compile::Code_Gen;PhaseChaitin::Register_Allocate;Arena::grow;os::malloc;malloc 1000
                start_thread;thread_native_entry;Thread::call_run;JavaThread::thread_main_inner;CompileBr""");

        AllocationProfile profile = NativememProfile.collect(run, "c2-leak / c2");

        assertThat(profile.problem()).isNull();
        assertThat(profile.totalBytes()).isEqualTo(2000);
        assertThat(profile.topFrames()).extracting(Frame::name).startsWith("Arena::grow",
                "CompileBroker::compiler_thread_loop", "CompileBroker::invoke_compiler_on_method",
                "C2Compiler::compile_method")
                .doesNotContain("start_thread", "malloc", "os::malloc", "java/lang/Thread.run");
        assertThat(profile.topFrames()).filteredOn(f -> f.name().equals("C2Compiler::compile_method")).singleElement()
                .satisfies(f -> assertThat(f.share()).isEqualTo(0.95));
        assertThat(profile.files()).containsExactly("nativemem.collapsed", "nativemem.html");
        assertThat(Files.readString(run.resolve("nativemem.html"))).contains("c2-leak / c2").contains("C2Compiler");
        try (var left = Files.list(run)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("nativemem.collapsed",
                    "nativemem.html");
        }
    }

    @Test
    void aRunWithoutDumpsSaysWhy() {
        AllocationProfile profile = NativememProfile.collect(run, "x");

        assertThat(profile.topFrames()).isEmpty();
        assertThat(profile.problem()).contains("no dump");
    }

    @Test
    void theAgentDumpsEverySecondIntoTheRunsFolder() {
        assertThat(NativememProfile.agentFlag("/oomlab-out")).isEqualTo("-agentpath:/opt/oomlab/profiler/"
                + "libasyncProfiler.so=start,nativemem=256k,total,loop=1s,collapsed,file=/oomlab-out/nativemem-part-%t.collapsed");
    }
}

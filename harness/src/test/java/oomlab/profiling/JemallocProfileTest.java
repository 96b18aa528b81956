package oomlab.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JemallocProfileTest {
    /** As jeprof --text --show_bytes --cum printed it for a C2-heavy run (trimmed). */
    private static final String JEPROF = """
            Using local file /x/opt/jdk/bin/java.
            Total: 140078012 B
            138462870  98.8%  98.8% 138462870  98.8% os::malloc
                   0   0.0%  98.8% 138446326  98.8% clone3
                   0   0.0%  98.8% 138446326  98.8% start_thread
                   0   0.0%  98.8% 130420041  93.1% CompileBroker::compiler_thread_loop
                   0   0.0%  98.8% 129901999  92.7% Arena::grow
                   0   0.0%  98.8% 105465314  75.3% ChunkPool::allocate
                   0   0.0%  98.8% 97349163  69.5% C2Compiler::compile_method
                   0   0.0% 100.0%   540847   0.4% ?? ??:0
            """;

    @Test
    void theFramesThatHoldTheMemoryComeFirstWithoutTheThreadRoots() {
        AllocationProfile profile = JemallocProfile.parse(JEPROF, List.of("jeprof.txt"));

        assertThat(profile.totalBytes()).isEqualTo(140078012L);
        assertThat(profile.topFrames()).extracting(Frame::name).containsExactly("CompileBroker::compiler_thread_loop",
                "Arena::grow", "ChunkPool::allocate", "C2Compiler::compile_method");
        assertThat(profile.topFrames().get(3).share()).isCloseTo(0.695, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void theLastProfileIsTheNewestIntervalOrFinalDumpAndNamesTheJvm(@TempDir Path run) throws IOException {
        for (String name : List.of("jeprof.1.0.i0.heap", "jeprof.1.1.i1.heap", "jeprof.1.10.i10.heap",
                "jeprof.1.2.i2.heap", "rss.csv")) {
            Files.writeString(run.resolve(name), "heap_v2/524288\n");
        }
        assertThat(JemallocProfile.lastProfile(run)).hasValueSatisfying(p ->
                assertThat(p.getFileName()).hasToString("jeprof.1.10.i10.heap"));

        Files.writeString(run.resolve("jeprof.1.11.f.heap"), """
                heap_v2/524288
                MAPPED_LIBRARIES:
                55d0c0a00000-55d0c0a01000 r--p 00000000 00:2e 1234                       /opt/jdk/bin/java
                7f0000000000-7f0000001000 r-xp 00000000 00:2e 1235                       /opt/jdk/lib/server/libjvm.so
                """);
        Path last = JemallocProfile.lastProfile(run).orElseThrow();
        assertThat(last.getFileName()).hasToString("jeprof.1.11.f.heap");
        assertThat(JemallocProfile.javaInImage(last)).contains("/opt/jdk/bin/java");
    }

    @Test
    void jemallocIsPreloadedWithProfilingIntoTheRunsFolder() {
        assertThat(JemallocProfile.environment("/oomlab-out")).containsEntry("LD_PRELOAD",
                "/opt/oomlab/lib/libjemalloc.so.2").containsEntry("MALLOC_CONF",
                "prof:true,prof_final:true,lg_prof_interval:28,prof_prefix:/oomlab-out/jeprof");
    }
}

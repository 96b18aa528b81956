package oomlab.cure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import oomlab.analysis.Replays;
import oomlab.result.RunResult;
import oomlab.scenario.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Candidates derived from recorded real runs: what each diagnosis leads to, and the evidence said with it. */
class CureCandidatesTest {
    private static final Map<String, RunConfig> CATALOGUE = Map.of(
            "c1", new RunConfig("c1", "C1 only", List.of("-XX:TieredStopAtLevel=1"), Map.of()),
            "graal", new RunConfig("graal", "Graal", List.of("-XX:+UseJVMCICompiler"), Map.of()));
    private static final RunConfig C2 = new RunConfig("c2", "default", List.of(), Map.of());

    @TempDir
    Path dir;

    @Test
    void compilerArenasOnJdk17LeadToTheJitCuresAndTheTargetedOnes() throws IOException {
        RunResult incident = Replays.replay(Replays.unpack("incident-c2-jdk17", dir));

        List<Cure> cures = CureCandidates.derive(new CureCandidates.Original(incident, C2, 17, CATALOGUE,
                MethodBytecode.on(List.of()), 2));

        assertThat(cures).extracting(Cure::name).containsExactly("cure-c1", "cure-graal", "cure-cicount2",
                "cure-exclude-inflight", "cure-no-concat-opt");
        assertThat(cures.get(0).jvmFlags()).as("taken from the catalogue").containsExactly("-XX:TieredStopAtLevel=1");
        Cure exclude = cures.get(3);
        assertThat(exclude.jvmFlags()).contains("-XX:CompileCommand=exclude,oomlab.workloads.StackedConcat::stackedA");
        assertThat(exclude.evidence()).startsWith("still compiling at the kill: oomlab.workloads.StackedConcat::stackedA (");
        // the bytecode of the never-ending method, read from the workloads' own class file
        assertThat(cures.get(4).evidence()).contains("StackedConcat::stackedA: ").contains("StringBuilder.append calls");
        assertThat(cures.get(2).evidence()).contains("8 C2 threads"); // CICompilerCount=12: 4 for C1, 8 for C2
        assertThat(cures).noneMatch(cure -> cure.name().equals("cure-memlimit")); // JDK 22+ only
    }

    @Test
    void onJdk25TheMemLimitIsSizedFromThePod() throws IOException {
        RunResult jdk25 = Replays.replay(Replays.unpack("jdk25-memlimit", dir));

        List<Cure> cures = CureCandidates.derive(new CureCandidates.Original(jdk25, C2, 25, CATALOGUE,
                MethodBytecode.on(List.of()), 2));

        Cure limit = cures.stream().filter(cure -> cure.name().equals("cure-memlimit")).findFirst().orElseThrow();
        assertThat(limit.jvmFlags()).singleElement().asString().matches("-XX:CompileCommand=MemLimit,\\*\\.\\*,\\d+m~stop");
        long perCompilation = Long.parseLong(limit.jvmFlags().get(0).replaceAll(".*,(\\d+)m~stop", "$1"));
        long cap = jdk25.run().capBytes() >> 20;
        long heap = jdk25.run().heapBytes() >> 20;
        assertThat(perCompilation * 8).as("the C2 threads' limits together fit what the cap leaves beside the heap")
                .isLessThan(cap - heap);
        assertThat(limit.evidence()).contains("shared by 8 C2 threads");
    }

    @Test
    void aHeapThatOutgrewThePodLeadsToAHeapThatFitsAndAPodThatFits() throws IOException {
        RunResult service = Replays.replay(Replays.unpack("service-under-load", dir)); // hello-service-tight

        List<Cure> cures = CureCandidates.derive(new CureCandidates.Original(service, C2, 17, CATALOGUE,
                MethodBytecode.on(List.of()), 2));

        assertThat(cures).extracting(Cure::kind).containsExactly(Cure.Kind.HEAP, Cure.Kind.POD);
        long heap = service.run().heapBytes();
        assertThat(Long.parseLong(cures.get(0).jvmFlags().get(0).replaceAll("-Xmx(\\d+)m", "$1")) << 20)
                .isLessThan(heap);
        assertThat(cures.get(1).memoryBytes()).isGreaterThan(service.run().capBytes());
        assertThat(cures.get(1).evidence()).contains("the heap grew most");
    }

    @Test
    void theCompilerThreadsAreCountedAsTheJvmSplitsThem() {
        assertThat(CureCandidates.c2Threads(List.of("-XX:CICompilerCount=12"), 2)).isEqualTo(8);
        assertThat(CureCandidates.c2Threads(List.of("-XX:CICompilerCount=3", "-XX:CICompilerCount=2"), 2)).isEqualTo(1);
        assertThat(CureCandidates.compilerCount(List.of(), 2)).isEqualTo(2);
        assertThat(CureCandidates.compilerCount(List.of(), 64)).isEqualTo(23); // 6 * log2(6) * 3/2 = 23.3
    }
}

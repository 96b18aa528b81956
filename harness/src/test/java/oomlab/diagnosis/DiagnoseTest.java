package oomlab.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import oomlab.output.Compilations;
import oomlab.output.Compilations.CompilationMemory;
import oomlab.sampling.MemoryCurve;
import oomlab.sampling.NmtStats;
import oomlab.sampling.ProbeLine;
import oomlab.verdict.Verdict;
import org.junit.jupiter.api.Test;

class DiagnoseTest {
    private static final long MB = 1 << 20;
    private static final List<String> FLAGS = List.of("-Xmx768m", "-XX:ReservedCodeCacheSize=256m");

    private static ProbeLine line(long rssMb, long compilerMb, long codeMb) {
        Map<String, Long> nmt = Map.of("Java Heap", 768 * MB, "Compiler", compilerMb * MB, "Arena Chunk", 2 * MB,
                "Code", codeMb * MB, "GC", 67 * MB, "Metaspace", 10 * MB, "Class", 1 * MB, "Thread", 3 * MB,
                "Symbol", 1 * MB, "Total", (768 + compilerMb + 2 + codeMb + 67 + 10 + 1 + 3 + 1) * MB);
        return new ProbeLine(0, 0, 0, rssMb * MB, 40, 0, codeMb * MB, 0, "17.0.15", "glibc", nmt, null);
    }

    /** c2-leak's c2 run, in miniature: C2's arenas take the container to its cap. */
    @Test
    void c2sArenasAreNamedAndTheFormulaHasNoSlotForThem() {
        NmtStats nmt = NmtStats.of(List.of(line(880, 3, 10), line(2040, 1135, 38)));
        MemoryCurve memory = MemoryCurve.builder("cgroup-v1").samples(600, 40).createdToFirstSampleMs(400)
                .peak(2048 * MB, 1.0).cpuSeconds(26.8).build();

        // two compilations in flight at the kill: one for 4.2 s (named), one cut short after 30 ms (no finding)
        Compilations compilations = new Compilations(Map.of("3", 900L, "4", 60L), 5, 10, List.of(
                new CompilationMemory("c2", 812, "oomlab/gen/Run17::run((I)J)", "ok", 190 * MB)), 2,
                List.of("oomlab.gen.Run18::run", "oomlab.gen.Run19::run"), 0, List.of(), List.of(), List.of(
                new Compilations.InFlight("oomlab.gen.Run18::run", 813, false, 14_000, 4_200),
                new Compilations.InFlight("oomlab.gen.Run19::run", 900, true, 18_170, 30)));
        Diagnosis diagnosis = Diagnose.of(Verdict.OOM_KILLED, 2048 * MB, 768 * MB, FLAGS, memory, nmt,
                new oomlab.output.JitEvidence(Map.of(), List.of(), compilations), null);

        assertThat(diagnosis.summary()).isEqualTo("OOM-killed at the 2048 MB cap; compiler arenas 98% of the growth"
                + " (+1132 MB), then code cache 2% (+28 MB); tier-4 compilations still running at the end:"
                + " oomlab.gen.Run18::run (4.2 s); biggest finished compilation: c2 oomlab/gen/Run17::run((I)J), 190 MB;"
                + " sizing formula 1295 MB vs peak 2048 MB, 1219 MB of it where the formula has no slot");
        assertThat(diagnosis.suspects().get(0)).extracting(Suspect::name, Suspect::source)
                .containsExactly("compiler arenas", "NMT Compiler + Arena Chunk");
        Budget budget = diagnosis.budget();
        assertThat(budget.measuredBytes()).isGreaterThan(budget.budgetBytes());
        assertThat(budget.lines()).filteredOn(line -> !line.hasSlot()).extracting(BudgetLine::item)
                .containsExactly("compiler arenas", "GC structures", "malloc outside NMT");
        assertThat(budget.lines()).filteredOn(line -> line.item().equals("reserved code cache")).singleElement()
                .extracting(BudgetLine::budgetBytes, BudgetLine::basis)
                .containsExactly(256 * MB, "-XX:ReservedCodeCacheSize");
    }

    @Test
    void aQuietSurvivorHasNoSuspect() {
        NmtStats nmt = NmtStats.of(List.of(line(880, 3, 10), line(882, 4, 11)));
        MemoryCurve memory = MemoryCurve.builder("cgroup-v1").samples(600, 40).createdToFirstSampleMs(400)
                .peak(1100 * MB, 0.537).cpuSeconds(10).build();

        assertThat(Diagnose.of(Verdict.SURVIVED, 2048 * MB, 768 * MB, FLAGS, memory, nmt, null, null).summary())
                .startsWith("survived, peak 1100 MB (54% of the cap); no suspect grew by more than 4 MB");
        assertThat(Diagnose.of(Verdict.CRASHED, 2048 * MB, 768 * MB, FLAGS, memory, NmtStats.of(List.of()),
                null, null).summary())
                .startsWith("crashed; no NMT sample, so no suspect can be named");
    }

    /** Pinned at the cap: a thrash only where the kernel re-read a megabyte or more of the container's own files. */
    @Test
    void aFewFaultsAtTheCapAreReclaimNotAThrash() {
        NmtStats nmt = NmtStats.of(List.of(line(880, 3, 10), line(2040, 1135, 38)));
        java.util.function.Function<MemoryCurve.AtCap, String> summary = atCap -> Diagnose.of(Verdict.OOM_KILLED,
                2048 * MB, 768 * MB, FLAGS, MemoryCurve.builder("cgroup-v1").samples(600, 40).peak(2048 * MB, 1.0)
                        .atCap(atCap).build(), nmt, null, null).summary();

        assertThat(summary.apply(new MemoryCurve.AtCap(4, 0, 6, 0, 6)))
                .contains("; pinned at the cap for 4 s (the kernel re-read 0 KB, 6 major faults of the container's files"
                        + " meanwhile: reclaim, no thrash)").doesNotContain("a thrash");
        assertThat(summary.apply(new MemoryCurve.AtCap(4, 0, 0, 0, 0)))
                .contains("(the kernel re-read none of the container's files meanwhile: reclaim, no thrash)");
        assertThat(summary.apply(new MemoryCurve.AtCap(50, 44_000 * MB, 37_909, 44_000 * MB, 37_909)))
                .contains("; pinned at the cap for 50 s while the kernel re-read 44000 MB of the container's own files"
                        + " (37909 major faults): reclaim instead of a kill, a thrash");
    }

    @Test
    void theFormulaReadsTheLastOfEachFlagAndFallsBackToTheCalculatorsDefaults() {
        assertThat(Budget.flag(List.of("-Xss512k", "-Xss1m"), "-Xss")).contains(MB);
        assertThat(Budget.flag(List.of("-XX:MaxDirectMemorySize=8g"), "-XX:MaxDirectMemorySize=")).contains(8192 * MB);
        assertThat(Budget.flag(List.of("-Xmx1g"), "-Xss")).isEmpty();

        Budget defaults = Budget.of(768 * MB, List.of(), NmtStats.of(List.of()), 0);
        assertThat(defaults.budgetBytes()).isEqualTo((768 + 10 + 0 + 240 + 250) * MB);
    }
}

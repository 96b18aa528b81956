package oomlab.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import oomlab.scenario.MemorySize;
import oomlab.sampling.NmtStats;

/**
 * What a common container-sizing formula budgets for a JVM, beside what it used. The formula is the one of the
 * Paketo / Cloud Foundry memory calculator: heap + direct memory + metaspace + reserved code cache + threads ×
 * stack + headroom, with its defaults (direct memory 10 MB, code cache 240 MB, 250 threads, 1 MB stacks, no
 * headroom) where the JVM flags set nothing. It has no slot for the JIT compilers' arenas, the garbage
 * collector's own structures, or malloc outside NMT, which is how a pod sized by it can still be killed.
 *
 * @param budgetBytes   the formula's total
 * @param measuredBytes the container's peak (cgroup), the figure the kernel compares with the cap
 * @param noSlotBytes   the measured peaks of the items the formula has no slot for, added up
 */
public record Budget(List<BudgetLine> lines, long budgetBytes, long measuredBytes, long noSlotBytes) {
    static final long MB = 1 << 20;
    static final long DEFAULT_DIRECT = 10 * MB;
    static final long DEFAULT_CODE_CACHE = 240 * MB;
    static final int DEFAULT_THREADS = 250;
    static final long DEFAULT_STACK = MB;

    public Budget {
        lines = List.copyOf(lines);
    }

    /**
     * @param jvmFlags every flag of the run, in order (the last of a flag wins, as in the JVM)
     */
    public static Budget of(long heapBytes, List<String> jvmFlags, NmtStats nmt, long measuredPeakBytes) {
        List<BudgetLine> lines = new ArrayList<>();
        lines.add(new BudgetLine("heap", heapBytes, peak(nmt, "Java Heap"), "-Xmx"));
        Optional<Long> direct = flag(jvmFlags, "-XX:MaxDirectMemorySize=");
        lines.add(new BudgetLine("direct memory", direct.orElse(DEFAULT_DIRECT), peak(nmt, "Other"),
                direct.isPresent() ? "-XX:MaxDirectMemorySize" : "default 10 MB"));
        Optional<Long> metaspace = flag(jvmFlags, "-XX:MaxMetaspaceSize=");
        long metaspaceUsed = peak(nmt, "Metaspace") + peak(nmt, "Class");
        // The calculator sizes metaspace from the application's class count; the measured peak stands in for
        // that estimate, which can only flatter the formula.
        lines.add(new BudgetLine("metaspace", metaspace.orElse(metaspaceUsed), metaspaceUsed,
                metaspace.isPresent() ? "-XX:MaxMetaspaceSize" : "class-count estimate (here: the measured peak)"));
        Optional<Long> codeCache = flag(jvmFlags, "-XX:ReservedCodeCacheSize=");
        lines.add(new BudgetLine("reserved code cache", codeCache.orElse(DEFAULT_CODE_CACHE), peak(nmt, "Code"),
                codeCache.isPresent() ? "-XX:ReservedCodeCacheSize" : "default 240 MB"));
        Optional<Long> stack = flag(jvmFlags, "-Xss");
        lines.add(new BudgetLine("thread stacks", DEFAULT_THREADS * stack.orElse(DEFAULT_STACK),
                peak(nmt, "Thread") + peak(nmt, "Thread Stack"),
                DEFAULT_THREADS + " threads × " + (stack.isPresent() ? "-Xss" : "1 MB")));
        lines.add(new BudgetLine("headroom", 0L, 0, "default 0%"));
        lines.add(new BudgetLine("compiler arenas", null, peak(nmt, "Compiler") + peak(nmt, "Arena Chunk"), "no slot"));
        lines.add(new BudgetLine("GC structures", null, peak(nmt, "GC"), "no slot"));
        lines.add(new BudgetLine("malloc outside NMT", null, Math.max(0, nmt.unexplainedBytes()), "no slot"));
        long budget = lines.stream().filter(BudgetLine::hasSlot).mapToLong(BudgetLine::budgetBytes).sum();
        long noSlot = lines.stream().filter(line -> !line.hasSlot()).mapToLong(BudgetLine::measuredBytes).sum();
        return new Budget(lines, budget, measuredPeakBytes, noSlot);
    }

    private static long peak(NmtStats nmt, String category) {
        return nmt.peak().getOrDefault(category, 0L);
    }

    /** The size a flag sets, the last occurrence winning. */
    static Optional<Long> flag(List<String> jvmFlags, String prefix) {
        Optional<Long> value = Optional.empty();
        for (String flag : jvmFlags) {
            if (flag.startsWith(prefix)) {
                try {
                    value = Optional.of(MemorySize.parse(flag.substring(prefix.length())).bytes());
                } catch (IllegalArgumentException e) {
                    // the JVM itself rejects such a flag (jvmErrors); the formula keeps its default
                }
            }
        }
        return value;
    }
}

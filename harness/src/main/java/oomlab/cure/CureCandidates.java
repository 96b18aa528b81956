package oomlab.cure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import oomlab.diagnosis.Diagnose;
import oomlab.diagnosis.Suspect;
import oomlab.output.Compilations;
import oomlab.profiling.Frame;
import oomlab.result.RunResult;
import oomlab.scenario.RunConfig;

/**
 * The cures worth trying for one killed run, each derived from what that run's diagnosis measured: the suspect
 * that grew most decides the family (compiler arenas, thread stacks, direct buffers, malloc outside NMT, the
 * heap), and the run's own figures size them (the cap, the heap, the other areas' peaks, the compilations in
 * flight at the kill, their bytecode). Pure: the runs are made by the search.
 */
public final class CureCandidates {
    private static final long MB = 1 << 20;
    /** What a sized cure leaves free of the cap, for what one run cannot show (another burst, another deploy). */
    static final double HEADROOM = 0.05;
    /** The first JDK with a per-compilation memory limit (CompileCommand MemLimit). */
    static final int MEMLIMIT_SINCE_JDK = 22;
    private static final Pattern COMPILER_COUNT = Pattern.compile("^-XX:CICompilerCount=(\\d+)$");
    private static final Pattern STACK_SIZE = Pattern.compile("^-Xss(\\d+)([kKmM]?)$");

    /**
     * What the search knows of the original run besides its result.
     *
     * @param config      the original run's configuration
     * @param jdk         its JDK
     * @param catalogue   the scenario file's configurations: a cure the file already defines (c1, graal, c2-arena2,
     *                    ...) is taken from there, flags and all, so it is defined once
     * @param cpus        the processors the container sees (the JVM sizes its compiler threads from them)
     */
    public record Original(RunResult result, RunConfig config, int jdk, Map<String, RunConfig> catalogue,
                           MethodBytecode bytecode, int cpus) {
    }

    private CureCandidates() {
    }

    /** The candidates, in the order they are run; empty when the diagnosis names nothing a setting acts on. */
    public static List<Cure> derive(Original original) {
        RunResult result = original.result();
        List<Suspect> suspects = result.diagnosis() == null ? List.of() : result.diagnosis().suspects();
        Suspect top = suspects.isEmpty() || suspects.get(0).growthBytes() < 4 * MB ? null : suspects.get(0);
        Compilations compilations = result.jit() == null ? null : result.jit().compilations();
        boolean compilerLeads = top != null && top.name().equals("compiler arenas")
                || compilations != null && !compilations.inFlightFor(Diagnose.LONG_COMPILATION_MS).isEmpty()
                && top != null && top.name().equals("malloc outside NMT");
        List<Cure> cures = new ArrayList<>();
        if (compilerLeads) {
            compilerCures(original, top, compilations, cures);
        } else if (top != null) {
            switch (top.name()) {
                case "thread stacks" -> threadCures(original, top, cures);
                case "direct buffers and Unsafe" -> directBufferCures(original, suspects, cures);
                case "malloc outside NMT" -> mallocCures(original, top, cures);
                case "heap" -> heapCures(original, suspects, cures);
                default -> {
                }
            }
        }
        return List.copyOf(cures);
    }

    private static void compilerCures(Original original, Suspect top, Compilations compilations, List<Cure> cures) {
        String grew = top == null ? "compilations that never ended" : String.format(Locale.ROOT,
                "%s grew %d MB (%.0f%% of the growth)", top.name(), top.growthBytes() / MB, top.share() * 100);
        cures.add(fromCatalogue(original, "c1", "cure-c1", "C1 only", Cure.Kind.COMPILER,
                List.of("-XX:TieredStopAtLevel=1"), grew + ": no C2, no C2 arenas"));
        RunConfig graal = original.catalogue().get("graal");
        if (graal != null && graal.jdksIn(List.of(original.jdk())).contains(original.jdk())) {
            cures.add(fromCatalogue(original, "graal", "cure-graal", "Graal as the JIT", Cure.Kind.COMPILER, List.of(),
                    grew + ": Graal compiles in Java, its working memory is heap"));
        }
        List<Compilations.InFlight> inFlight = compilations == null ? List.of()
                : compilations.inFlightFor(Diagnose.LONG_COMPILATION_MS);
        int c2Threads = c2Threads(original.result().run().jvmFlags(), original.cpus());
        if (compilerCount(original.result().run().jvmFlags(), original.cpus()) > 2) {
            cures.add(new Cure("cure-cicount2", "fewer compiler threads", Cure.Kind.COMPILER,
                    List.of("-XX:CICompilerCount=2"), Map.of(), 0, String.format(Locale.ROOT,
                    "%s; %d C2 threads, %d compilations still running at the kill: one C2 thread grows one arena at a"
                            + " time", grew, c2Threads, inFlight.size())));
        }
        Set<String> methods = new LinkedHashSet<>();
        inFlight.forEach(compilation -> methods.add(compilation.method()));
        if (!methods.isEmpty()) {
            List<String> flags = new ArrayList<>(List.of("-XX:CompileCommand=quiet"));
            methods.forEach(method -> flags.add("-XX:CompileCommand=exclude," + method));
            cures.add(new Cure("cure-exclude-inflight", "the never-ending compilations' methods excluded",
                    Cure.Kind.COMPILER, flags, Map.of(), 0, "still compiling at the kill: " + String.join(", ",
                    inFlight.stream().map(c -> String.format(Locale.ROOT, "%s%s (%.1f s)", c.method(),
                            c.osr() ? " (OSR)" : "", c.runningMs() / 1000.0)).toList())));
        }
        Optional<String> concat = concatenationEvidence(original, methods);
        concat.ifPresent(why -> cures.add(new Cure("cure-no-concat-opt", "C2's string-concatenation merging off",
                Cure.Kind.COMPILER, List.of("-XX:-OptimizeStringConcat"), Map.of(), 0, why)));
        if (original.jdk() >= MEMLIMIT_SINCE_JDK) {
            memLimitCure(original, c2Threads).ifPresent(cures::add);
        }
    }

    /** String concatenation in the never-ending methods' bytecode, or in the allocation profile's frames. */
    private static Optional<String> concatenationEvidence(Original original, Set<String> methods) {
        List<String> shapes = methods.stream().map(method -> original.bytecode().concatenationIn(method))
                .flatMap(Optional::stream).filter(MethodBytecode.Concatenation::stacked)
                .map(MethodBytecode.Concatenation::describe).toList();
        if (!shapes.isEmpty()) {
            return Optional.of("the bytecode of the methods still compiling is stacked string concatenation ("
                    + String.join("; ", shapes) + "), the shape C2's OptimizeStringConcat merges");
        }
        if (original.result().allocations() != null) {
            Optional<Frame> frame = original.result().allocations().topFrames().stream()
                    .filter(f -> f.name().contains("PhaseStringOpts") || f.name().contains("StringConcat")).findFirst();
            if (frame.isPresent()) {
                return Optional.of(String.format(Locale.ROOT, "the allocation profile's frame %s holds %.0f%%: C2's"
                        + " string-concatenation optimisation", frame.get().name(), frame.get().share() * 100));
            }
        }
        return Optional.empty();
    }

    /**
     * JDK 22+: a per-compilation arena limit sized from the pod: what the cap leaves after the heap, the run's
     * measured peaks of everything but the compiler, and the headroom, shared by the C2 threads that can each hold
     * one compilation's arenas at once.
     */
    private static Optional<Cure> memLimitCure(Original original, int c2Threads) {
        RunResult result = original.result();
        long others = otherPeaks(result.diagnosis().suspects(), Set.of("heap", "compiler arenas"));
        long headroom = Math.round(result.run().capBytes() * HEADROOM);
        long left = result.run().capBytes() - result.run().heapBytes() - others - headroom;
        long perCompilation = left / Math.max(1, c2Threads) / MB;
        if (perCompilation < 16) {
            return Optional.empty(); // nothing left to share: no limit a compiler could work under
        }
        return Optional.of(new Cure("cure-memlimit", "a per-compilation memory limit sized from the pod",
                Cure.Kind.COMPILER, List.of("-XX:CompileCommand=MemLimit,*.*," + perCompilation + "m~stop"), Map.of(),
                0, String.format(Locale.ROOT, "cap %d MB - heap %d MB - the other areas' measured peaks %d MB - %d MB"
                                + " headroom, shared by %d C2 threads: %d MB per compilation",
                        result.run().capBytes() / MB, result.run().heapBytes() / MB, others / MB, headroom / MB,
                        c2Threads, perCompilation)));
    }

    private static void threadCures(Original original, Suspect top, List<Cure> cures) {
        long stack = stackSize(original.result().run().jvmFlags());
        long smaller = Math.max(256 * 1024, stack / 2);
        cures.add(new Cure("cure-smaller-stacks", "smaller thread stacks", Cure.Kind.THREAD_STACKS,
                List.of("-Xss" + smaller / 1024 + "k"), Map.of(), 0, String.format(Locale.ROOT,
                "thread stacks grew %d MB (%.0f%% of the growth) with -Xss%dk: a thread's stack is reserved at -Xss and"
                        + " committed as it is touched", top.growthBytes() / MB, top.share() * 100, stack / 1024)));
        cures.add(new Cure("cure-fewer-jvm-threads", "fewer JVM threads (GC and compiler)", Cure.Kind.THREAD_STACKS,
                List.of("-XX:ParallelGCThreads=1", "-XX:ConcGCThreads=1", "-XX:CICompilerCount=2"), Map.of(), 0,
                "thread stacks grew most: the JVM's own threads are the ones a flag can remove (the program's are"
                        + " its own)"));
    }

    private static void directBufferCures(Original original, List<Suspect> suspects, List<Cure> cures) {
        RunResult result = original.result();
        long others = otherPeaks(suspects, Set.of("heap", "direct buffers and Unsafe"));
        long headroom = Math.round(result.run().capBytes() * HEADROOM);
        long limit = (result.run().capBytes() - result.run().heapBytes() - others - headroom) / MB;
        if (limit >= 16) {
            cures.add(new Cure("cure-max-direct", "direct buffers capped inside the pod", Cure.Kind.DIRECT_BUFFERS,
                    List.of("-XX:MaxDirectMemorySize=" + limit + "m"), Map.of(), 0, String.format(Locale.ROOT,
                    "direct buffers grew most; cap %d MB - heap %d MB - the other areas' peaks %d MB - %d MB headroom"
                            + " = %d MB: the JVM then throws OutOfMemoryError (Direct buffer memory) instead of"
                            + " the kernel killing it", result.run().capBytes() / MB, result.run().heapBytes() / MB,
                    others / MB, headroom / MB, limit)));
        }
    }

    private static void mallocCures(Original original, Suspect top, List<Cure> cures) {
        String why = String.format(Locale.ROOT, "RSS beyond NMT's account grew %d MB (%.0f%% of the growth): malloc"
                + " the JVM does not track, or glibc's arenas holding freed memory", top.growthBytes() / MB,
                top.share() * 100);
        cures.add(fromCatalogue(original, "c2-arena2", "cure-arena2", "glibc limited to 2 malloc arenas",
                Cure.Kind.MALLOC, List.of(), why, Map.of("MALLOC_ARENA_MAX", "2")));
        cures.add(fromCatalogue(original, "c2-trim", "cure-trim", "freed malloc memory returned every second",
                Cure.Kind.MALLOC, List.of("-XX:TrimNativeHeapInterval=1000"), why));
        RunConfig jemalloc = original.catalogue().get("c2-jemalloc");
        if (jemalloc != null) {
            cures.add(fromCatalogue(original, "c2-jemalloc", "cure-jemalloc", "jemalloc instead of glibc malloc",
                    Cure.Kind.MALLOC, List.of(), why));
        }
    }

    /**
     * The heap grew until the pod was full: the heap that fits the pod beside the rest's measured peaks, and the
     * pod that fits the heap the program was given.
     */
    private static void heapCures(Original original, List<Suspect> suspects, List<Cure> cures) {
        RunResult result = original.result();
        long others = otherPeaks(suspects, Set.of("heap"));
        long cap = result.run().capBytes();
        long heap = result.run().heapBytes();
        long headroom = Math.round(cap * HEADROOM);
        long fits = (cap - others - headroom) / (8 * MB) * 8 * MB;
        String measured = String.format(Locale.ROOT, "the heap grew most; heap %d MB + the other areas' measured peaks"
                + " %d MB = %d MB against a %d MB cap", heap / MB, others / MB, (heap + others) / MB, cap / MB);
        if (heap > 0 && fits >= 32 * MB && fits < heap) {
            List<String> flags = new ArrayList<>(List.of("-Xmx" + fits / MB + "m"));
            if (result.run().jvmFlags().stream().anyMatch(flag -> flag.startsWith("-Xms"))) {
                flags.add("-Xms" + fits / MB + "m");
            }
            cures.add(new Cure("cure-heap-fits", "a heap that fits the pod", Cure.Kind.HEAP, flags, Map.of(), 0,
                    measured + String.format(Locale.ROOT, "; %d MB - %d MB - %d MB headroom leaves a %d MB heap", cap / MB,
                            others / MB, headroom / MB, fits / MB)));
        }
        if (heap > 0) {
            long pod = (long) Math.ceil((heap + others) / (1 - 2 * HEADROOM) / (16 * MB)) * 16 * MB;
            cures.add(new Cure("cure-pod-fits", "a pod that fits the heap", Cure.Kind.POD, List.of(), Map.of(), pod,
                    measured + String.format(Locale.ROOT, "; with 10%% headroom: a %d MB pod", pod / MB)));
        }
    }

    /** The sum of the peaks of every suspect but {@code except}: a bound, as the peaks may come at different times. */
    static long otherPeaks(List<Suspect> suspects, Set<String> except) {
        return suspects.stream().filter(s -> !except.contains(s.name())).mapToLong(s -> Math.max(0, s.peakBytes()))
                .sum();
    }

    private static Cure fromCatalogue(Original original, String catalogueName, String name, String title,
                                      Cure.Kind kind, List<String> flags, String evidence) {
        return fromCatalogue(original, catalogueName, name, title, kind, flags, evidence, Map.of());
    }

    /** A cure the scenario file defines as a configuration is taken from there: its flags are defined once. */
    private static Cure fromCatalogue(Original original, String catalogueName, String name, String title,
                                      Cure.Kind kind, List<String> flags, String evidence, Map<String, String> env) {
        RunConfig defined = original.catalogue().get(catalogueName);
        return defined == null ? new Cure(name, title, kind, flags, env, 0, evidence)
                : new Cure(name, title, kind, defined.jvmFlags(), defined.env(), 0, evidence);
    }

    /** The compiler threads the JVM starts: CICompilerCount when set (the last one wins), else its ergonomics. */
    static int compilerCount(List<String> flags, int cpus) {
        int count = -1;
        for (String flag : flags) {
            Matcher matcher = COMPILER_COUNT.matcher(flag);
            if (matcher.matches()) {
                count = Integer.parseInt(matcher.group(1));
            }
        }
        if (count > 0) {
            return count;
        }
        // CompilationPolicy's ergonomics for tiered compilation: log2(n) * log2(log2(n)) * 3 / 2, at least 2
        double log2 = Math.log(Math.max(cpus, 2)) / Math.log(2);
        double loglog = Math.log(Math.max(log2, 1)) / Math.log(2);
        return Math.max((int) (log2 * loglog * 3 / 2), 2);
    }

    /** Of them, C2's: two thirds (C1 gets a third, at least one). */
    static int c2Threads(List<String> flags, int cpus) {
        int count = compilerCount(flags, cpus);
        return Math.max(count - Math.max(count / 3, 1), 1);
    }

    private static long stackSize(List<String> flags) {
        long size = 1 << 20;
        for (String flag : flags) {
            Matcher matcher = STACK_SIZE.matcher(flag);
            if (matcher.matches()) {
                long value = Long.parseLong(matcher.group(1));
                size = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                    case "k" -> value * 1024;
                    case "m" -> value << 20;
                    default -> value;
                };
            }
        }
        return size;
    }
}

package oomlab.diagnosis;

import oomlab.output.JvmLogs;
import oomlab.verdict.ExitAnalysis;

import java.util.List;
import java.util.Locale;
import oomlab.output.Compilations;
import oomlab.output.JitEvidence;
import oomlab.profiling.AllocationProfile;
import oomlab.sampling.MemoryCurve;
import oomlab.sampling.NmtStats;
import oomlab.verdict.Verdict;

/**
 * Walks the incident's diagnosis path for one run: how it ended, which suspect grew, and whether a sizing
 * formula would have seen it coming. Reads only what the earlier stages recorded.
 */
public final class Diagnose {
    private static final long MB = 1 << 20;
    /** Below this a suspect's growth is noise at the probe's resolution, not a finding. */
    static final long NOTABLE_GROWTH = 4 * MB;
    /** At the cap this long is worth a word: the kernel's reclaim before a kill takes a second or two at most. */
    static final double PINNED_SECONDS = 3;
    /**
     * What makes a stretch at the cap a thrash: the kernel re-reading at least a megabyte of the container's own
     * files (or as many major faults). A handful of faults (a run pinned 4 s with 6, 24 KB) is reclaim, not a thrash;
     * the thrash people see in production re-reads gigabytes (ZGC at its cap here: 44 GB, 37,909 major faults).
     */
    static final long THRASH_REREAD_BYTES = MB;
    static final long THRASH_MAJOR_FAULTS = MB / 4096;
    /**
     * A tier-4 compilation still running after this long is of the never-ending kind: C2 finishes an ordinary
     * one in milliseconds, and even on a busy 2-core machine in well under a second.
     */
    public static final long LONG_COMPILATION_MS = 1_000;

    /** The diagnosis line's last part, the sizing formula against the peak: later findings go before it. */
    static final String SIZING_FORMULA = "; sizing formula";

    /**
     * Frames every compiler thread's allocation passes through (the thread loop, the arena's own growth): true
     * for C1, C2 and the rest alike, so the one line names the frames below them, which say whose it was.
     */
    static final List<String> MECHANICS = List.of("CompileBroker::", "Arena::", "ChunkPool::", "Chunk::");

    private Diagnose() {
    }

    /**
     * @param jit          what the JIT compiled and reported (null where the log had nothing)
     * @param allocations  who allocated, from a profiler (null where none ran)
     */
    public static Diagnosis of(Verdict verdict, long capBytes, long heapBytes, List<String> jvmFlags,
                               MemoryCurve memory, NmtStats nmt, JitEvidence jit,
                               AllocationProfile allocations) {
        return of(verdict, List.of(), null, null, capBytes, heapBytes, jvmFlags, memory, nmt, jit, allocations);
    }

    /**
     * The same, with what the exit's witnesses said: the OutOfMemoryErrors seen, the crash report kept, and what
     * ended a program that crashed ({@code endedBy}, null where nothing says: see {@link JvmLogs#endedBy()}).
     */
    public static Diagnosis of(ExitAnalysis exit, String endedBy, long capBytes, long heapBytes, List<String> jvmFlags,
                               MemoryCurve memory, NmtStats nmt, JitEvidence jit,
                               AllocationProfile allocations) {
        return of(exit.verdict(), exit.outOfMemoryErrors(), exit.crashReport(), endedBy, capBytes, heapBytes, jvmFlags,
                memory, nmt, jit, allocations);
    }

    private static Diagnosis of(Verdict verdict, List<JvmLogs.OutOfMemory> outOfMemory, String crashReport,
                                String endedBy, long capBytes, long heapBytes, List<String> jvmFlags,
                                MemoryCurve memory, NmtStats nmt, JitEvidence jit, AllocationProfile allocations) {
        Compilations compilations = jit == null ? null : jit.compilations();
        List<Suspect> suspects = Suspects.of(nmt);
        Budget budget = Budget.of(heapBytes, jvmFlags, nmt, memory.peakBytes());
        StringBuilder line = new StringBuilder(ending(verdict, capBytes, memory));
        if (!outOfMemory.isEmpty()) {
            JvmLogs.OutOfMemory first = outOfMemory.get(0);
            String kind = first.kind() == null || first.kind().isBlank() || first.kind().equals("null") ? ""
                    : " (" + first.kind() + ")";
            line.append(verdict == Verdict.JAVA_OOM ? "" : verdict == Verdict.SURVIVED
                    ? "; an OutOfMemoryError" + kind + " was thrown and caught: the program went on"
                    : "; an OutOfMemoryError" + kind + " was thrown before");
            if (verdict == Verdict.JAVA_OOM) {
                line.append("; OutOfMemoryError").append(kind).append(first.witness().equals("jvm")
                        ? ", reported by the JVM" : ", uncaught in thread " + first.thread());
            }
        }
        if (crashReport != null) {
            line.append("; the JVM's crash report: ").append(crashReport);
        } else if (verdict == Verdict.CRASHED && endedBy != null) {
            // why it crashed, first: the rest of the line (suspects, the formula) means little for a program that
            // failed at start-up
            line.append("; ").append(endedBy);
        }
        MemoryCurve.AtCap atCap = memory.atCap();
        if (atCap != null && atCap.pinnedSeconds() >= PINNED_SECONDS) {
            // the symptom people see in production: a pod that hangs at its limit, re-reading its own files
            // a thrash only where the kernel re-read the container's files: pinned without re-reads is reclaim alone
            boolean thrash = atCap.refaultedFileBytes() >= THRASH_REREAD_BYTES
                    || atCap.majorFaults() >= THRASH_MAJOR_FAULTS;
            line.append(thrash ? String.format(Locale.ROOT, "; pinned at the cap for %.0f s while the kernel re-read %d"
                            + " MB of the container's own files (%d major faults): reclaim instead of a kill, a thrash",
                    atCap.pinnedSeconds(), atCap.refaultedFileBytes() / MB, atCap.majorFaults())
                    : String.format(Locale.ROOT, "; pinned at the cap for %.0f s (the kernel re-read %s of the"
                            + " container's files meanwhile: reclaim, no thrash)", atCap.pinnedSeconds(),
                    atCap.refaultedFileBytes() == 0 && atCap.majorFaults() == 0 ? "none"
                            : String.format(Locale.ROOT, "%d KB, %d major faults", atCap.refaultedFileBytes() / 1024,
                            atCap.majorFaults())));
        }
        List<Suspect> grew = suspects.stream().filter(s -> s.growthBytes() >= NOTABLE_GROWTH).limit(2).toList();
        if (nmt.probeSamples() == 0) {
            line.append("; no NMT sample, so no suspect can be named");
        } else if (grew.isEmpty()) {
            line.append("; no suspect grew by more than ").append(NOTABLE_GROWTH / MB).append(" MB");
        } else {
            line.append("; ").append(describe(grew.get(0), " of the growth"));
            if (grew.size() > 1) {
                line.append(", then ").append(describe(grew.get(1), ""));
            }
        }
        List<String> naming = allocations == null ? List.of() : allocations.topFrames().stream()
                .filter(frame -> MECHANICS.stream().noneMatch(frame.name()::startsWith)).limit(2)
                .map(frame -> String.format(Locale.ROOT, "%s %.0f%%", frame.name(), frame.share() * 100)).toList();
        if (!naming.isEmpty()) {
            line.append("; allocator profile (").append(allocations.profiler()).append("): ")
                    .append(String.join(", ", naming));
        }
        if (compilations != null && verdict != Verdict.SURVIVED) {
            List<Compilations.InFlight> running = compilations.inFlightFor(LONG_COMPILATION_MS);
            if (!running.isEmpty()) { // the never-ending compilations, by name: what a targeted cure excludes
                line.append("; tier-4 compilations still running at the end: ").append(running.stream().limit(4)
                        .map(c -> String.format(Locale.ROOT, "%s%s (%.1f s)", c.method(), c.osr() ? " (OSR)" : "",
                                c.runningMs() / 1000.0)).collect(java.util.stream.Collectors.joining(", ")));
                if (running.size() > 4) {
                    line.append(" and ").append(running.size() - 4).append(" more");
                }
            } // a compilation of a few ms that the end cut short is no finding: only the long-running ones are
        }
        if (compilations != null && !compilations.biggest().isEmpty()) {
            Compilations.CompilationMemory biggest = compilations.biggest().get(0);
            line.append(String.format(Locale.ROOT, "; biggest finished compilation: %s %s, %d MB", biggest.compiler(),
                    biggest.method(), biggest.bytes() / MB));
        }
        if (jit != null) {
            // a disabled compiler or a compilation stopped at its limit changes what the run's CPU and code mean
            jit.findings().forEach(finding -> line.append("; the JVM reported: ").append(finding.kind()));
            if (jit.deopt() != null) {
                line.append(String.format(Locale.ROOT, "; optimised code made not entrant around '%s': %d in the %d s"
                                + " before, %d after", jit.deopt().phase(), jit.deopt().optimizedMadeNotEntrantBefore(),
                        jit.deopt().windowSeconds(), jit.deopt().optimizedMadeNotEntrantAfter()));
            }
        }
        line.append(String.format(Locale.ROOT, SIZING_FORMULA + " %d MB vs peak %d MB", budget.budgetBytes() / MB,
                memory.peakBytes() / MB));
        if (budget.noSlotBytes() >= NOTABLE_GROWTH) {
            line.append(String.format(Locale.ROOT, ", %d MB of it where the formula has no slot",
                    budget.noSlotBytes() / MB));
        }
        return new Diagnosis(line.toString(), suspects, budget);
    }

    private static String ending(Verdict verdict, long capBytes, MemoryCurve memory) {
        return switch (verdict) {
            case OOM_KILLED -> String.format(Locale.ROOT, "OOM-killed at the %d MB cap", capBytes / MB);
            case KILLED -> "killed (SIGKILL without OOM evidence)";
            case JAVA_OOM -> String.format(Locale.ROOT, "Java OutOfMemoryError at %d MB (%.0f%% of the cap)",
                    memory.peakBytes() / MB, memory.peakOfCap() * 100);
            case SURVIVED -> String.format(Locale.ROOT, "survived, peak %d MB (%.0f%% of the cap)",
                    memory.peakBytes() / MB, memory.peakOfCap() * 100);
            case CRASHED -> "crashed";
            case STALLED -> String.format(Locale.ROOT, "stalled at the %d MB cap until the timeout (the kernel"
                    + " reclaimed instead of killing)", capBytes / MB);
            case ENGINE_LOST -> String.format(Locale.ROOT, "the Docker engine stopped answering mid-run: a failure of the"
                    + " lab's machine, not of the JVM; peak %d MB until then", memory.peakBytes() / MB);
            case INTERRUPTED -> String.format(Locale.ROOT, "interrupted (the harness was stopped), peak %d MB so far",
                    memory.peakBytes() / MB);
            case TIMEOUT -> String.format(Locale.ROOT, "still running at the timeout, peak %d MB",
                    memory.peakBytes() / MB);
        };
    }

    private static String describe(Suspect suspect, String ofWhat) {
        return String.format(Locale.ROOT, "%s %.0f%%%s (+%d MB)", suspect.name(), suspect.share() * 100, ofWhat,
                suspect.growthBytes() / MB);
    }
}

package oomlab.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JIT compiled, from the JVM's own compilation log (unified logging's jit+compilation, in a file of
 * its own, one line per compilation as {@code -XX:+PrintCompilation} has it: timestamp, id, attributes such as
 * {@code %} for on-stack replacement, tier 0–4, method), the end of each compilation from the JVM's tty log
 * ({@code -XX:+PrintCompilation2}: one "time: N inlined: M bytes" line per compilation that ended, on every JDK)
 * and, on JDK 22 and later, its per-compilation arena memory ({@code -XX:CompileCommand=MemStat,*.*,print}: one
 * line per finished compilation with its {@code Total Usage}). A compilation still running at a kill has no end
 * line and no MemStat line: the biggest ones listed are the biggest that finished, and the ones in flight are
 * named by what the log shows started and never ended.
 *
 * @param byTier          compilations per tier ("0" native wrappers, "1"–"3" C1, "4" C2 or, under Graal, JVMCI)
 * @param osr             on-stack-replacement compilations among them
 * @param madeNotEntrant  compiled methods thrown away again (deoptimised, or replaced by a higher tier)
 * @param biggest         the compilations that used the most arena memory, biggest first (JDK 22+; else empty)
 * @param unfinishedCount tier-4 compilations the log shows started but never finished, i.e. still running when
 *                        the JVM ended (0 where nothing in the logs marks an end: a run before the lab asked for
 *                        PrintCompilation2 on a JDK before 22): at an OOM kill these are the compilations that held
 *                        the arenas
 * @param unfinished      the first of them, by method
 * @param inFlight        the longest-running of them, longest first, with how long each had run at the end
 * @param recompiledTier4 tier-4 compilations of a method that already had one: code thrown away and compiled
 *                        again, as after a deoptimisation
 * @param madeNotEntrantBySecond how many compiled methods were made not entrant in each second of the JVM's life
 *                        (index = second; the log's timestamps are milliseconds since the JVM started)
 * @param optimizedMadeNotEntrantBySecond the same for tier-4 code only (C2's, or under Graal JVMCI's): optimised code
 *                        thrown away is a deoptimisation, while tier 1-3 code is made not entrant at every tier-up
 */
public record Compilations(Map<String, Long> byTier, long osr, long madeNotEntrant, List<CompilationMemory> biggest,
                           long unfinishedCount, List<String> unfinished, long recompiledTier4,
                           List<Long> madeNotEntrantBySecond, List<Long> optimizedMadeNotEntrantBySecond,
                           List<InFlight> inFlight) {
    static final int BIGGEST = 5;
    /**
     * PrintCompilation2's line when a compilation ended: timestamp, id, {@code %} for OSR, the code's size when it
     * made code, its time. A line another thread wrote into may be cut in two by the tty log: the part with the id
     * is the one that counts.
     */
    private static final Pattern ENDED = Pattern.compile(
            "^\\s*(\\d+)\\s+(\\d+)\\s+%?\\s*(?:size: \\d+\\(\\d+\\)\\s*)?(?:time: \\d+ inlined: \\d+ bytes)?\\s*$");

    /**
     * A tier-4 compilation that had started and not ended when the JVM did.
     *
     * @param startedMs when it started, on the JVM's clock
     * @param runningMs how long it had run by the last line of the log (the JVM's end, near enough at a kill)
     */
    public record InFlight(String method, long compileId, boolean osr, long startedMs, long runningMs) {
    }
    private static final Pattern MEMSTAT = Pattern.compile(
            "^(c1|c2) \\((\\d+)\\) \\((\\w+)\\) Arena usage (.+?): Total Usage: (\\d+)");

    /**
     * One compilation's arena memory at its peak.
     *
     * @param result "ok", or how the compilation ended otherwise (e.g. "oom" when MemLimit stopped it)
     */
    public record CompilationMemory(String compiler, long id, String method, String result, long bytes) {
    }

    static final int UNFINISHED_SHOWN = 10;

    public Compilations {
        byTier = Map.copyOf(byTier);
        biggest = List.copyOf(biggest);
        unfinished = List.copyOf(unfinished);
        inFlight = inFlight == null ? List.of() : List.copyOf(inFlight);
        madeNotEntrantBySecond = madeNotEntrantBySecond == null ? List.of() : List.copyOf(madeNotEntrantBySecond);
        optimizedMadeNotEntrantBySecond = optimizedMadeNotEntrantBySecond == null ? List.of()
                : List.copyOf(optimizedMadeNotEntrantBySecond);
    }

    public Compilations(Map<String, Long> byTier, long osr, long madeNotEntrant, List<CompilationMemory> biggest,
                        long unfinishedCount, List<String> unfinished) {
        this(byTier, osr, madeNotEntrant, biggest, unfinishedCount, unfinished, 0, List.of(), List.of(), List.of());
    }

    /** The compilations in flight at the end that had run at least {@code minMs}: the never-ending kind. */
    public List<InFlight> inFlightFor(long minMs) {
        return inFlight.stream().filter(compilation -> compilation.runningMs() >= minMs).toList();
    }

    /** Compiled methods made not entrant from second {@code from} (inclusive) to {@code to} (exclusive). */
    public long madeNotEntrantBetween(int from, int to) {
        return sum(madeNotEntrantBySecond, from, to);
    }

    /** Tier-4 code made not entrant from second {@code from} (inclusive) to {@code to} (exclusive). */
    public long optimizedMadeNotEntrantBetween(int from, int to) {
        return sum(optimizedMadeNotEntrantBySecond, from, to);
    }

    private static long sum(List<Long> bySecond, int from, int to) {
        long sum = 0;
        for (int second = Math.max(0, from); second < Math.min(to, bySecond.size()); second++) {
            sum += bySecond.get(second);
        }
        return sum;
    }

    private static void count(List<Long> bySecond, int second) {
        while (bySecond.size() <= second) {
            bySecond.add(0L);
        }
        bySecond.set(second, bySecond.get(second) + 1);
    }

    /** Unified logging's decoration of a compilation-log line: the JVM's uptime in ms. */
    private static final Pattern UPTIME = Pattern.compile("^\\[(\\d+)ms\\]");

    /**
     * From the JVM's compilation log ({@code -Xlog:jit+compilation=debug} with the uptimemillis decoration: one
     * whole line per event, in a file of its own) and its tty output: PrintCompilation2's line for each
     * compilation that ended and MemStat's lines (JDK 22+). The tty has PrintCompilation's start lines too (the
     * JVM prints PrintCompilation2's only with them): those are left to the unified log, whose lines are whole.
     */
    public static Compilations fromLog(List<String> compilationLog, List<String> tty) {
        List<String> lines = new ArrayList<>(printCompilationShape(compilationLog));
        tty.stream().filter(line -> MEMSTAT.matcher(line).find() || ENDED.matcher(line).find()).forEach(lines::add);
        return fromLines(lines);
    }

    /**
     * The JVM's uptime (ms) at the start of each tier-4 compilation in its compilation log: when the optimising
     * compiler was at work, which the load's windows count to tell a settled JIT from a busy one.
     */
    public static List<Long> tier4StartsMs(List<String> compilationLog) {
        List<Long> starts = new ArrayList<>();
        for (String line : printCompilationShape(compilationLog)) {
            Event event = Event.of(line);
            if (event != null && event.started() && "4".equals(event.tier())) {
                starts.add(event.ms());
            }
        }
        return starts;
    }

    /** The unified log's lines in PrintCompilation's shape: "[123ms]  45   %  4  a.B::c" -> "123  45   %  4  a.B::c". */
    private static List<String> printCompilationShape(List<String> compilationLog) {
        List<String> lines = new ArrayList<>(compilationLog.size());
        for (String line : compilationLog) {
            Matcher uptime = UPTIME.matcher(line);
            if (uptime.find()) {
                lines.add(uptime.group(1) + line.substring(uptime.end()));
            }
        }
        return lines;
    }

    /**
     * One line in PrintCompilation's shape, "<ms> <compile id> <flags> <tier> <method> ...": a compilation started, or
     * code made not entrant (or a zombie, or a compilation skipped); null for any other line.
     *
     * @param tier   the tier (0-4), null where the line says none (two threads' lines written into each other)
     * @param method the method, null where the line names none
     */
    private record Event(String line, long ms, long compileId, String tier, boolean osr, String method) {
        static Event of(String line) {
            String[] tokens = line.trim().split("\\s+");
            if (tokens.length < 4 || !isNumber(tokens[0]) || !isNumber(tokens[1]) || tokens[0].length() > 12) {
                return null;
            }
            String tier = null;
            boolean osr = false;
            String method = null;
            for (int i = 2; i < tokens.length; i++) {
                if (tokens[i].contains("::")) {
                    method = tokens[i];
                    break;
                }
                if (tokens[i].matches("[0-4]")) {
                    tier = tokens[i];
                } else if (tokens[i].contains("%")) {
                    osr = true;
                }
            }
            return new Event(line, Long.parseLong(tokens[0]), Long.parseLong(tokens[1]), tier, osr, method);
        }

        /** Not a compilation: a zombie is code already counted (and made not entrant); a skipped one never existed. */
        boolean notACompilation() {
            return method == null || line.contains("made zombie") || line.contains("COMPILE SKIPPED");
        }

        boolean madeNotEntrant() {
            return line.contains("made not entrant");
        }

        boolean started() {
            return !notACompilation() && !madeNotEntrant();
        }
    }

    /** From lines in PrintCompilation's shape (a timestamp in ms first) and MemStat's. */
    static Compilations fromLines(List<String> lines) {
        Map<String, Long> byTier = new TreeMap<>();
        long osr = 0;
        long notEntrant = 0;
        List<CompilationMemory> memory = new ArrayList<>();
        // each tier-4 compilation as it started, by id; those left at the end never ended (InFlight's runningMs is
        // filled in once the log's last moment is known)
        Map<Long, InFlight> tier4Started = new java.util.LinkedHashMap<>();
        java.util.Set<Long> ended = new java.util.HashSet<>();
        long lastMs = 0;
        java.util.Set<String> tier4Methods = new java.util.HashSet<>();
        long recompiled = 0;
        List<Long> notEntrantBySecond = new ArrayList<>();
        List<Long> optimizedNotEntrantBySecond = new ArrayList<>();
        for (String line : lines) {
            Matcher memstat = MEMSTAT.matcher(line);
            if (memstat.find()) {
                memory.add(new CompilationMemory(memstat.group(1), Long.parseLong(memstat.group(2)),
                        memstat.group(4), memstat.group(3), Long.parseLong(memstat.group(5))));
                continue;
            }
            Matcher end = ENDED.matcher(line);
            if (end.find()) {
                ended.add(Long.parseLong(end.group(2)));
                lastMs = Math.max(lastMs, Long.parseLong(end.group(1)));
                continue;
            }
            Event event = Event.of(line);
            if (event == null) {
                continue;
            }
            String tier = event.tier();
            boolean isOsr = event.osr();
            lastMs = Math.max(lastMs, event.ms());
            if (event.notACompilation()) {
                continue;
            }
            if (event.madeNotEntrant()) {
                notEntrant++;
                int second = (int) Math.min(event.ms() / 1000, 24 * 3600);
                count(notEntrantBySecond, second);
                if ("4".equals(tier)) {
                    count(optimizedNotEntrantBySecond, second);
                }
                continue;
            }
            byTier.merge(tier == null ? "unknown" : tier, 1L, Long::sum); // a line two threads wrote into each other
            if ("4".equals(tier)) {
                String compiled = event.method();
                if (!tier4Methods.add(compiled + (isOsr ? " (OSR)" : ""))) {
                    recompiled++;
                }
                long id = event.compileId();
                tier4Started.put(id, new InFlight(compiled, id, isOsr, event.ms(), 0));
            }
            if (isOsr) {
                osr++;
            }
        }
        if (memory.isEmpty() && ended.isEmpty()) { // nothing in the logs says when a compilation ended
            tier4Started.clear();
        }
        memory.forEach(finished -> tier4Started.remove(finished.id()));
        ended.forEach(tier4Started::remove);
        memory.sort(Comparator.comparingLong(CompilationMemory::bytes).reversed());
        long endMs = lastMs;
        List<InFlight> inFlight = tier4Started.values().stream()
                .map(started -> new InFlight(started.method(), started.compileId(), started.osr(), started.startedMs(),
                        endMs - started.startedMs()))
                .sorted(Comparator.comparingLong(InFlight::runningMs).reversed()).limit(UNFINISHED_SHOWN).toList();
        return new Compilations(byTier, osr, notEntrant, memory.subList(0, Math.min(BIGGEST, memory.size())),
                tier4Started.size(), tier4Started.values().stream().limit(UNFINISHED_SHOWN)
                        .map(started -> started.method() + (started.osr() ? " (OSR)" : "")).toList(), recompiled,
                notEntrantBySecond, optimizedNotEntrantBySecond, inFlight);
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }
}

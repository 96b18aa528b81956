package oomlab.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import oomlab.layout.RunFiles;

/**
 * The JVM's own accounts of one run, each from the file it wrote (see {@link RunFiles}), read once: its tty
 * output, its compilation log, its unified-logging warnings, the throwables that ended a thread (the probe
 * agent's record), and the lab's workloads' events. Like OpenJDK's OutputAnalyzer, everything the lab reads of a
 * JVM is read here; unlike a merged stdout, nothing a program prints can pass for any of it. The program's own
 * stdout and stderr are only looked at for the launcher's words when the JVM would not start, shown as such and
 * never deciding a verdict.
 */
public final class JvmLogs {
    private static final Pattern REJECTION = Pattern.compile(
            "Unrecognized VM option|Improperly specified VM option|Could not create the Java Virtual Machine"
                    + "|^Error: |Error occurred during initialization of VM|cannot be preloaded"
                    + "|JVMCI compiler .*not found|Unrecognized option|must be enabled via");
    /** How the JVM reports an OutOfMemoryError it threw itself (printed with -XX:OnOutOfMemoryError set). */
    private static final Pattern JVM_OOM_REPORT = Pattern.compile("^# java\\.lang\\.OutOfMemoryError: (.*)$");
    private static final String OUT_OF_MEMORY_ERROR = "java.lang.OutOfMemoryError";
    private static final int MAX_ERROR_LINES = 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final List<String> tty;
    private final List<String> compilationLog;
    private final List<String> warnings;
    private final List<UncaughtError> uncaught;
    private final List<String> launcherLines;
    private final List<String> stderr;
    private final List<String> stdout;
    private final WorkloadEvents events;

    private JvmLogs(List<String> tty, List<String> compilationLog, List<String> warnings, List<UncaughtError> uncaught,
                    List<String> launcherLines, List<String> stderr, List<String> stdout, WorkloadEvents events) {
        this.tty = tty;
        this.compilationLog = compilationLog;
        this.warnings = warnings;
        this.uncaught = uncaught;
        this.launcherLines = launcherLines;
        this.stderr = stderr;
        this.stdout = stdout;
        this.events = events;
    }

    public static JvmLogs read(RunFiles files) {
        List<String> launcher = new ArrayList<>(files.lines(RunFiles.STDERR));
        launcher.addAll(files.lines(RunFiles.STDOUT));
        return new JvmLogs(ttyText(files.lines(RunFiles.JVM_TTY)), files.lines(RunFiles.JIT_COMPILATION),
                files.lines(RunFiles.JVM_WARNINGS), uncaught(files.lines(RunFiles.UNCAUGHT)), launcher,
                files.lines(RunFiles.STDERR), files.lines(RunFiles.STDOUT), WorkloadEvents.of(files.lines(RunFiles.WORKLOAD_EVENTS)));
    }

    /**
     * A throwable that ended a thread, as the probe agent recorded it.
     *
     * @param uptimeMs when, on the JVM's own clock
     */
    public record UncaughtError(String thread, String error, String message, long uptimeMs, String rootCause,
                                String rootMessage, List<String> frames) {
        public UncaughtError {
            frames = frames == null ? List.of() : List.copyOf(frames);
        }

        boolean isOutOfMemoryError() {
            return OUT_OF_MEMORY_ERROR.equals(error);
        }

        /** "class: message at frame, frame", the innermost cause where the probe recorded one. */
        String quoted() {
            boolean root = rootCause != null && !rootCause.isBlank();
            String message = root ? rootMessage : this.message;
            String text = (root ? rootCause : error) + (message == null || message.equals("null") ? "" : ": " + message)
                    + (frames.isEmpty() ? "" : " at " + String.join(", ", frames));
            return "uncaught in thread " + thread + ": " + text;
        }
    }

    /** Lines of the program's stderr quoted where nothing else says what ended it. */
    private static final int STDERR_TAIL = 3;
    private static final int QUOTE_CHARS = 300;

    /**
     * What ended a program that ended badly, in its own words: the throwable that ended its main thread (or, where
     * main was not among them, the last thread's), as the probe recorded it; where none was recorded, the last
     * lines of the program's stderr. Empty when neither has anything.
     */
    public java.util.Optional<String> endedBy() {
        java.util.Optional<UncaughtError> ended = uncaught.stream().filter(e -> e.thread().equals("main")).findFirst()
                .or(() -> uncaught.isEmpty() ? java.util.Optional.empty()
                        : java.util.Optional.of(uncaught.get(uncaught.size() - 1)));
        if (ended.isPresent()) {
            return ended.map(e -> shorten(e.quoted()));
        }
        // a framework that logs the exception itself and keeps it from the default handler (Spring Boot's
        // SpringBootExceptionHandler does): the program's own output, stderr first, ends in its stack trace
        for (java.util.Map.Entry<String, List<String>> stream : List.of(java.util.Map.entry("stderr", stderr),
                java.util.Map.entry("stdout", stdout))) {
            java.util.Optional<String> trace = innermostCause(stream.getValue());
            if (trace.isPresent()) {
                return java.util.Optional.of(shorten("the program's " + stream.getKey() + " ends in a stack trace: "
                        + trace.get()));
            }
        }
        List<String> tail = stderr.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (tail.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(shorten("the program's stderr ended: "
                + String.join(" | ", tail.subList(Math.max(0, tail.size() - STDERR_TAIL), tail.size()))));
    }

    /** A throwable's line in a printed stack trace: "[Caused by: |Exception in thread "x" ]class[: message]". */
    private static final Pattern THROWABLE_LINE = Pattern.compile(
            "^(?:Caused by: |Exception in thread \"[^\"]*\" )?((?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error|Throwable))(?::\\s*(.*))?$");

    /**
     * The innermost cause of the last stack trace in {@code lines} (its last throwable line followed by a frame),
     * with its first frame; empty where no trace is printed. The lines are the program's: quoted, never judged.
     */
    static java.util.Optional<String> innermostCause(List<String> lines) {
        for (int i = lines.size() - 2; i >= 0; i--) {
            Matcher throwable = THROWABLE_LINE.matcher(lines.get(i).strip());
            if (throwable.matches() && lines.get(i + 1).strip().startsWith("at ")) {
                String frame = lines.get(i + 1).strip().substring(3).replaceAll(" ~?\\[.*\\]$", "");
                return java.util.Optional.of(throwable.group(1) + (throwable.group(2) == null ? ""
                        : ": " + throwable.group(2)) + " at " + frame);
            }
        }
        return java.util.Optional.empty();
    }

    private static String shorten(String text) {
        return text.length() <= QUOTE_CHARS ? text : text.substring(0, QUOTE_CHARS - 1) + "…";
    }

    /**
     * One OutOfMemoryError a witness of the lab saw.
     *
     * @param witness "jvm" (the JVM's own report of one it threw: heap, metaspace, GC overhead) or "uncaught" (it
     *                ended a thread, recorded by the probe agent's handler; direct buffers and native threads too)
     * @param kind    the error's message, e.g. "Java heap space"
     * @param thread  the thread it ended ("uncaught" only)
     */
    public record OutOfMemory(String witness, String kind, String thread) {
    }

    /** Every OutOfMemoryError the JVM reported or that ended a thread: empty when none was seen. */
    public List<OutOfMemory> outOfMemoryErrors() {
        List<OutOfMemory> seen = new ArrayList<>();
        for (String line : tty) {
            Matcher report = JVM_OOM_REPORT.matcher(line.strip());
            if (report.find()) {
                seen.add(new OutOfMemory("jvm", report.group(1).strip(), null));
            }
        }
        uncaught.stream().filter(UncaughtError::isOutOfMemoryError)
                .forEach(error -> seen.add(new OutOfMemory("uncaught", error.message(), error.thread())));
        return List.copyOf(seen);
    }

    public List<UncaughtError> uncaught() {
        return uncaught;
    }

    /** The lines in which the JVM's launcher or the loader said it rejected part of the configuration. */
    public List<String> jvmErrors() {
        return launcherLines.stream().filter(line -> REJECTION.matcher(line).find()).map(String::strip)
                .limit(MAX_ERROR_LINES).toList();
    }

    public WorkloadEvents events() {
        return events;
    }

    public JitEvidence jit() {
        return JitEvidence.of(tty, compilationLog, warnings, events);
    }

    /**
     * The text of -XX:LogFile's tty sections. The file is XML: the tty output stands between {@code <tty>} and
     * {@code </tty>}, escaped, with the JVM's own elements (writer switches, dependency failures) on lines of
     * their own between, which are not the JVM's words and are left out.
     */
    static List<String> ttyText(List<String> logFile) {
        List<String> text = new ArrayList<>();
        // The JVM's threads write the tty by turns: at each turn it writes <writer thread='N'/> on a line of its
        // own, ending the previous writer's line there even where that thread was in the middle of one (a
        // PrintCompilation2 end line "   811 1094   size: ... time: 4 inlined: 82 bytes" came in four pieces from
        // one thread between three other threads' lines). A writer's text that stops at a turn with a line that
        // ends in blanks is such a piece: it is held, per thread, and joined to that thread's next text.
        java.util.Map<String, String> heldByWriter = new java.util.HashMap<>();
        String writer = "";
        boolean inTty = false;
        for (int i = 0; i < logFile.size(); i++) {
            String line = logFile.get(i);
            String stripped = line.strip();
            if (stripped.equals("<tty>")) {
                inTty = true;
            } else if (stripped.equals("</tty>")) {
                inTty = false;
            } else if (stripped.startsWith("<writer thread=")) {
                writer = stripped;
            } else if (inTty && !(stripped.startsWith("<") && stripped.endsWith(">"))) {
                String piece = heldByWriter.getOrDefault(writer, "") + unescape(line);
                heldByWriter.remove(writer);
                boolean atTurn = i + 1 < logFile.size() && logFile.get(i + 1).strip().startsWith("<writer thread=");
                if (atTurn && !piece.isEmpty() && Character.isWhitespace(piece.charAt(piece.length() - 1))) {
                    heldByWriter.put(writer, piece);
                } else {
                    text.add(piece);
                }
            }
        }
        text.addAll(heldByWriter.values());
        return text;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static List<UncaughtError> uncaught(List<String> lines) {
        List<UncaughtError> errors = new ArrayList<>();
        for (String line : lines) {
            try {
                errors.add(JSON.readValue(line, UncaughtError.class));
            } catch (Exception e) {
                // cut short by a kill
            }
        }
        return List.copyOf(errors);
    }
}

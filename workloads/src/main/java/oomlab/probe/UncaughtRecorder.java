package oomlab.probe;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The lab's witness of how a thread ended: installed by the probe agent before the program's main, as the JVM's
 * default uncaught-exception handler, it appends one JSON line per throwable that ended a thread (class, thread,
 * message, and the innermost cause with its first frames: what a crash's diagnosis quotes) to its own file, then prints what the JVM prints without a handler, so the program's stderr is
 * unchanged. A program that installs its own default handler replaces it, and then the lab only has the JVM's
 * own report of an OutOfMemoryError (see the harness's JvmLog).
 */
final class UncaughtRecorder implements Thread.UncaughtExceptionHandler {
    /** Frames of the innermost cause kept: enough to say where, short enough for one line of a diagnosis. */
    private static final int FRAMES = 3;
    private final OutputStream out;

    private UncaughtRecorder(OutputStream out) {
        this.out = out;
    }

    static void install(Path file) {
        try {
            Thread.setDefaultUncaughtExceptionHandler(new UncaughtRecorder(new FileOutputStream(file.toFile(), true)));
        } catch (IOException | SecurityException e) {
            System.err.println("oomlab probe: no uncaught-exception record: " + e);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        // the innermost cause says why: a launcher's InvocationTargetException or a framework's wrapper says only
        // that something failed beneath it
        Throwable root = error;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        StringBuilder frames = new StringBuilder();
        StackTraceElement[] trace = root.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, trace.length); i++) {
            frames.append(i == 0 ? "" : ",").append('"').append(escape(trace[i].toString())).append('"');
        }
        String line = "{\"thread\":\"" + escape(thread.getName()) + "\",\"error\":\"" + error.getClass().getName()
                + "\",\"message\":\"" + escape(String.valueOf(error.getMessage())) + "\",\"uptimeMs\":"
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                + ",\"rootCause\":\"" + root.getClass().getName() + "\",\"rootMessage\":\""
                + escape(String.valueOf(root.getMessage())) + "\",\"frames\":[" + frames + "]}\n";
        try {
            synchronized (out) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            // the record is lost; what the JVM prints below still says it
        }
        // what ThreadGroup.uncaughtException prints when no handler is set
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        error.printStackTrace(System.err);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

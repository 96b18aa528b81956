package oomlab.workloads;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The workloads' channel to the lab: one JSON object per line, {@code {"event":"<kind>", ...}}, appended to the
 * file named by the environment variable {@value #FILE_VARIABLE} (the lab sets it to a file in the run's output
 * folder). Each line is one {@code write} on an unbuffered stream, so a SIGKILL leaves every earlier line whole.
 * Nothing here goes to stdout: what a program prints is the program's own, and the lab never reads it for a
 * verdict. Run by hand without the variable, the same lines go to stdout as {@code oomlab-<kind> {...}} for a
 * person to read.
 */
public final class Events {
    public static final String FILE_VARIABLE = "OOMLAB_EVENTS";
    private static final OutputStream FILE = open(System.getenv(FILE_VARIABLE));

    private Events() {
    }

    /** {@code fieldsJson} is a JSON object's text, e.g. {@code {"name":"megamorphic","uptimeMs":8012}}. */
    public static void emit(String kind, String fieldsJson) {
        if (FILE == null) {
            System.out.println("oomlab-" + kind + " " + fieldsJson);
            return;
        }
        String body = fieldsJson.strip();
        String line = "{\"event\":\"" + kind + "\"" + (body.equals("{}") ? "}" : "," + body.substring(1)) + "\n";
        synchronized (FILE) {
            try {
                FILE.write(line.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                System.err.println("oomlab events: could not write: " + e);
            }
        }
    }

    private static OutputStream open(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        try {
            return new FileOutputStream(path, true);
        } catch (IOException e) {
            System.err.println("oomlab events: cannot open " + path + ": " + e);
            return null;
        }
    }
}

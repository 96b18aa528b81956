package oomlab.scenario;

import java.util.List;

/**
 * A program not written in this project, run under the same cap, configurations and recording as the
 * built-in workloads. Either a jar on the lab's JDK image, or a ready image of the user's own.
 *
 * @param jar       a jar file (relative to scenarios.yaml) or Maven coordinates group:artifact:version,
 *                  resolved by Maven before the run
 * @param mainClass the class to run; without it the jar's Main-Class ({@code java -jar})
 * @param image     a ready image whose {@code command} starts a JVM; the lab's flags and probe reach that
 *                  JVM through JAVA_TOOL_OPTIONS
 * @param command   the image's command, with {@code image}
 * @param classpath jar files or folders of jars (relative to scenarios.yaml) that make the program's classpath,
 *                  with {@code mainClass}
 * @param files     files the program reads (a script, a configuration; relative to scenarios.yaml), mounted
 *                  read-only at {@code /opt/program/files/<name>} for the program's {@code args} to name
 */
public record Program(String jar, String mainClass, String image, List<String> command, List<String> classpath,
                      List<String> files) {
    public Program {
        command = command == null ? List.of() : List.copyOf(command);
        classpath = classpath == null ? List.of() : List.copyOf(classpath);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public Program(String jar, String mainClass, String image, List<String> command) {
        this(jar, mainClass, image, command, List.of(), List.of());
    }

    public boolean isClasspath() {
        return !classpath.isEmpty();
    }

    public boolean isImage() {
        return image != null;
    }

    public boolean isMavenCoordinates() {
        return jar != null && !jar.contains("/") && jar.split(":").length >= 3;
    }
}

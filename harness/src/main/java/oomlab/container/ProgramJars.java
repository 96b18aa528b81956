package oomlab.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import oomlab.Settings;
import oomlab.process.ProcessRunner;
import oomlab.process.ProcessRunner.ProcessResult;
import oomlab.scenario.Program;

/**
 * Finds what a user's program needs to run, in one of three forms:
 * <ul>
 *   <li>Maven coordinates: Maven itself resolves the program's whole runtime classpath (the artifact and
 *       its dependencies, transitively) into a folder of the build, kept between runs;</li>
 *   <li>a jar file next to scenarios.yaml: run with {@code java -jar} when no main class is named (a fat jar,
 *       Spring Boot's nested layout included), else on the classpath;</li>
 *   <li>a classpath of jars and folders of jars next to scenarios.yaml, with a main class.</li>
 * </ul>
 */
public final class ProgramJars {
    /** Where a folder of jars goes: {@code /opt/program/lib/*} on the classpath. */
    static final String LIB = JavaCommand.PROGRAM_DIR + "/lib";
    private static final String RESOLVED_MARKER = ".oomlab-resolved";

    private final Path scenarioDir;
    private final Path downloads;

    public ProgramJars(Path scenarioFile, Path downloads) {
        Path parent = scenarioFile.toAbsolutePath().getParent();
        this.scenarioDir = parent == null ? Path.of(".") : parent;
        this.downloads = downloads;
    }

    /** Thrown when a program cannot be had: the message says why, for the scenario file's field. */
    public static final class Unresolvable extends RuntimeException {
        public Unresolvable(String message) {
            super(message);
        }
    }

    /** Where a program's {@code files} go: {@code /opt/program/files/<name>}. */
    public static final String FILES = JavaCommand.PROGRAM_DIR + "/files";

    public ResolvedProgram resolve(Program program) {
        ResolvedProgram code = code(program);
        if (program.files().isEmpty()) {
            return code;
        }
        Map<Path, String> mounts = new LinkedHashMap<>(code.mounts());
        for (String file : program.files()) {
            Path host = scenarioDir.resolve(file).normalize();
            mounts.put(host, FILES + "/" + host.getFileName());
        }
        return new ResolvedProgram(mounts, code.javaStart());
    }

    private ResolvedProgram code(Program program) {
        if (program.isClasspath()) {
            Map<Path, String> mounts = new LinkedHashMap<>();
            List<String> classpath = new ArrayList<>();
            int index = 0;
            for (String entry : program.classpath()) {
                Path host = scenarioDir.resolve(entry).normalize();
                String inContainer = JavaCommand.PROGRAM_DIR + "/cp" + index++ + "-" + host.getFileName();
                mounts.put(host, inContainer);
                // a folder of jars (dist/lib) gives its jars; a folder of classes (target/classes) is itself the entry
                classpath.add(Files.isDirectory(host) && holdsJars(host) ? inContainer + "/*" : inContainer);
            }
            return new ResolvedProgram(mounts, List.of("-cp", String.join(":", classpath), program.mainClass()));
        }
        if (!program.isMavenCoordinates()) {
            Path jar = scenarioDir.resolve(program.jar()).normalize();
            String inContainer = JavaCommand.PROGRAM_DIR + "/" + jar.getFileName();
            return new ResolvedProgram(Map.of(jar, inContainer), program.mainClass() == null
                    ? List.of("-jar", inContainer) : List.of("-cp", inContainer, program.mainClass()));
        }
        String[] gav = program.jar().split(":");
        Path folder = resolveClasspath(program.jar(), gav);
        String mainClass = program.mainClass() != null ? program.mainClass()
                : mainClassOf(folder.resolve(gav[1] + "-" + gav[gav.length - 1] + ".jar"), program.jar());
        return new ResolvedProgram(Map.of(folder, LIB), List.of("-cp", LIB + "/*", mainClass));
    }

    /** The artifact and its runtime dependencies, copied by Maven into a folder of their own (once). */
    private Path resolveClasspath(String coordinates, String[] gav) {
        Path folder = downloads.resolve(String.join("_", gav));
        if (Files.exists(folder.resolve(RESOLVED_MARKER))) {
            return folder;
        }
        System.out.printf("[oomlab] resolving %s and its runtime dependencies with Maven ...%n", coordinates);
        try {
            Files.createDirectories(folder);
            Path pom = folder.resolve("resolve-pom.xml");
            Files.writeString(pom, """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>oomlab.program</groupId>
                      <artifactId>resolve</artifactId>
                      <version>1</version>
                      <packaging>pom</packaging>
                      <dependencies>
                        <dependency>
                          <groupId>%s</groupId>
                          <artifactId>%s</artifactId>
                          <version>%s</version>
                        </dependency>
                      </dependencies>
                    </project>
                    """.formatted(gav[0], gav[1], gav[gav.length - 1]));
            ProcessResult mvn = ProcessRunner.run(List.of("mvn", "-B", "-q", "-f", pom.toString(),
                    "dependency:copy-dependencies", "-DincludeScope=runtime",
                    "-DoutputDirectory=" + folder.toAbsolutePath()), Settings.MAVEN_RESOLVE_TIMEOUT);
            Files.delete(pom);
            if (!mvn.succeeded()) {
                throw new Unresolvable("Maven could not resolve " + coordinates + " (is it on Maven Central or in"
                        + " your repositories, spelled group:artifact:version?): " + mvn.firstError());
            }
            Files.writeString(folder.resolve(RESOLVED_MARKER), coordinates + "\n");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mainClassOf(Path jar, String coordinates) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Main-Class");
            if (main != null) {
                return main.trim();
            }
        } catch (IOException e) {
            throw new Unresolvable("cannot read " + jar + ": " + e.getMessage());
        }
        throw new Unresolvable(coordinates + " names no Main-Class in its manifest: give 'mainClass'");
    }

    private static boolean holdsJars(Path folder) {
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(entry -> entry.getFileName().toString().endsWith(".jar"));
        } catch (java.io.IOException e) {
            return true; // unreadable here: as before, a folder of jars
        }
    }
}

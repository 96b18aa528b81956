package oomlab.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import oomlab.Settings;
import oomlab.process.ProcessRunner;
import oomlab.process.ProcessRunner.ProcessResult;
import oomlab.scenario.Program;

/**
 * Finds the jar of a user's program: a path relative to scenarios.yaml, or Maven coordinates that Maven
 * itself resolves (from the local repository or Maven Central) into a folder of the build.
 */
public final class ProgramJars {
    private final Path scenarioDir;
    private final Path downloads;

    public ProgramJars(Path scenarioFile, Path downloads) {
        Path parent = scenarioFile.toAbsolutePath().getParent();
        this.scenarioDir = parent == null ? Path.of(".") : parent;
        this.downloads = downloads;
    }

    public Path resolve(Program program) {
        if (!program.isMavenCoordinates()) {
            return scenarioDir.resolve(program.jar());
        }
        String[] gav = program.jar().split(":");
        Path jar = downloads.resolve(gav[1] + "-" + gav[2] + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        System.out.printf("[oomlab] resolving %s with Maven ...%n", program.jar());
        List<String> command = List.of("mvn", "-B", "-q", "dependency:copy", "-Dartifact=" + program.jar(),
                "-DoutputDirectory=" + downloads.toAbsolutePath(), "-Dmdep.overWriteIfNewer=true");
        try {
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessResult mvn = ProcessRunner.run(command, Settings.MAVEN_RESOLVE_TIMEOUT);
        if (!mvn.succeeded() || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("Maven could not resolve " + program.jar() + ": " + mvn.describe());
        }
        return jar;
    }
}

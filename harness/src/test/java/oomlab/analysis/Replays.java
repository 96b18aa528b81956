package oomlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import oomlab.container.RawRun;
import oomlab.launch.Launch;
import oomlab.layout.RunFiles;
import oomlab.result.ResultJson;
import oomlab.result.RunResult;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** The recorded real runs under src/test/resources/replay, unpacked and analysed again without Docker. */
public final class Replays {
    private Replays() {
    }

    public static RunResult replay(RunFiles files) {
        Launch launch = ResultJson.readRecord(files.file(RunFiles.LAUNCH), Launch.class);
        RawRun raw = ResultJson.readRecord(files.file(RunFiles.RAW_RUN), RawRun.class);
        return RunAnalysis.analyse(launch, raw, files, ImageFileSource.NONE);
    }

    /**
     * Writes the fixture again with {@code result} as its result.json (-Doomlab.replay.update=NAME, run from the
     * harness module): the other files as recorded, in the order and with the owner and time record-replay.sh gives.
     * Prints the lines of result.json that changed.
     */
    static void rewriteResult(String fixture, RunFiles files, String result) throws IOException {
        List<String> before = files.lines(RunFiles.RESULT);
        Files.writeString(files.file(RunFiles.RESULT), result);
        List<String> after = files.lines(RunFiles.RESULT);
        // the tests run from the project's root (scenarios.yaml's folder); from the module's own folder, as a fallback
        Path folder = Files.isDirectory(Path.of("harness/src/test/resources/replay"))
                ? Path.of("harness/src/test/resources/replay") : Path.of("src/test/resources/replay");
        Path out = folder.resolve(fixture + ".tar.gz");
        List<Path> entries;
        try (java.util.stream.Stream<Path> walk = Files.walk(files.dir())) {
            entries = walk.filter(path -> !path.equals(files.dir())).sorted(java.util.Comparator.comparing(
                    path -> files.dir().relativize(path).toString())).toList();
        }
        try (org.apache.commons.compress.archivers.tar.TarArchiveOutputStream tar =
                     new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                             new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(
                                     Files.newOutputStream(out)))) {
            tar.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path path : entries) {
                String name = "./" + files.dir().relativize(path) + (Files.isDirectory(path) ? "/" : "");
                TarArchiveEntry entry = new TarArchiveEntry(path.toFile(), name);
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName("");
                entry.setGroupName("");
                entry.setModTime(java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
                tar.putArchiveEntry(entry);
                if (!Files.isDirectory(path)) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
        }
        // the two result.json side by side for `diff -u`: what the analysis now says differently of the same run
        Path was = Path.of("target", "replay-" + fixture + ".before.json");
        Files.createDirectories(was.getParent());
        Files.write(was, before);
        Path now = Path.of("target", "replay-" + fixture + ".after.json");
        Files.write(now, after);
        System.out.println("[replay] " + out + " written again; what changed: diff -u " + was.toAbsolutePath() + " "
                + now.toAbsolutePath());
    }

    /** The fixture's files in a folder of their own under {@code dir}. */
    public static RunFiles unpack(String fixture, Path dir) throws IOException {
        Path target = dir.resolve(fixture);
        Files.createDirectories(target);
        try (InputStream resource = Replays.class.getResourceAsStream("/replay/" + fixture + ".tar.gz")) {
            assertThat(resource).as("fixture " + fixture + " (record it with scripts/record-replay.sh)").isNotNull();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(resource))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    Path to = target.resolve(entry.getName()).normalize();
                    if (!to.startsWith(target)) {
                        throw new IOException("entry outside the fixture: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(tar, to);
                    }
                }
            }
        }
        return new RunFiles(target);
    }
}

package oomlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

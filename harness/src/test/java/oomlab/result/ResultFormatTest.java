package oomlab.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds result.json's shape still. CI and other tools parse it: a field renamed, moved or dropped fails here,
 * so a change of shape is made on purpose, with a new formatVersion and a new golden file
 * (src/test/resources/golden/result.json; write it with -Doomlab.golden.update=true and read the diff).
 */
class ResultFormatTest {
    private static final String GOLDEN = "/golden/result.json";

    @Test
    void aResultIsWrittenExactlyAsTheGoldenFile() throws IOException {
        String written = ResultJson.write(ResultFixture.c1Survivor());
        if (Boolean.getBoolean("oomlab.golden.update")) {
            Files.writeString(Path.of(System.getProperty("basedir", "harness"), "src/test/resources" + GOLDEN), written);
        }

        assertThat(written).isEqualTo(golden());
    }

    @Test
    void theGoldenFileReadsBackIntoTheSameResult() throws IOException {
        RunResult read = ResultJson.parse(golden());
        assertThat(ResultSchema.problems(new com.fasterxml.jackson.databind.ObjectMapper().readTree(golden())))
                .as("the golden file against the checked-in schema").isEmpty();

        assertThat(read).isEqualTo(ResultFixture.c1Survivor());
        assertThat(ResultJson.write(read)).isEqualTo(golden());
    }

    @Test
    void aResultOfAnotherFormatIsRefusedWithItsFileNamed(@TempDir Path dir) throws IOException {
        Path old = dir.resolve("c2-leak/c2/result.json");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "{\"scenario\":\"c2-leak\",\"config\":\"c2\",\"verdict\":\"OOM_KILLED\"}");

        assertThatThrownBy(() -> ResultJson.read(old)).hasMessageContaining(old.toString())
                .hasMessageContaining("result format 1, this lab reads format 2");
        ResultJson.Folder folder = ResultJson.readFolder(dir);
        assertThat(folder.results()).isEmpty();
        assertThat(folder.unreadable()).hasSize(1);
    }

    private static String golden() throws IOException {
        try (InputStream in = ResultFormatTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

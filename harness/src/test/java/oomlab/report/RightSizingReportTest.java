package oomlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import oomlab.sizing.CapSearch;
import oomlab.sizing.SizingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The right-sizing page is a static page with its data as JSON: a run's name is data there, never markup. */
class RightSizingReportTest {
    private static final long MB = 1 << 20;

    @Test
    void aRunsNameCannotBreakOutOfThePage(@TempDir Path dir) throws IOException {
        String hostile = "c2</script><script>alert(1)</script>\"'<b>";
        CapSearch.Outcome outcome = CapSearch.search(512 * MB, 2_048 * MB, 64 * MB, cap -> cap >= 1_000 * MB);
        SizingResult sized = new SizingResult("c2-leak", "c2", 17, hostile, outcome, 1, outcome.steps().size(),
                1_303 * MB, 64 * MB);

        String page = Files.readString(Outputs.RIGHT_SIZING_PAGE.writeTo(dir, List.of(sized)));

        String open = "<script type=\"application/json\" id=\"oomlab-data\">";
        int from = page.indexOf(open) + open.length();
        String data = page.substring(from, page.indexOf("</script>", from));
        // the name is only in the data, whole and escaped, and the data element ends where it should
        assertThat(page.contains("alert(1)") && !page.replace(data, "").contains("alert(1)")).isTrue();
        assertThat(data).contains("c2<\\/script><script>alert(1)<\\/script>");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(data.replace("<\\/", "</"))
                .at("/runs/0/name").asText()).isEqualTo(hostile);
    }
}

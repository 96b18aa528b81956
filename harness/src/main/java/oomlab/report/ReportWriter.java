package oomlab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import oomlab.result.RunResult;

/**
 * Everything a results folder is read as, written from its results alone: each run's nmt-diff.txt, the
 * HTML report and the markdown summary. The end of {@code mvn test} and the re-judge command both call it,
 * so a CI artifact renders the same anywhere, without Docker.
 */
public final class ReportWriter {
    public static final String SUMMARY_MD = "summary.md";

    private ReportWriter() {
    }

    /** @return the report's path */
    public static Path writeAll(Path root, List<RunResult> results) {
        try {
            for (RunResult result : results) {
                Path runDir = oomlab.layout.RunFiles.under(root, result.run().scenario(), result.run().runName()).dir();
                if (Files.isDirectory(runDir)) {
                    Files.writeString(runDir.resolve(NmtDiff.FILE), NmtDiff.text(result));
                }
            }
            StringBuilder markdown = new StringBuilder("# oomlab results\n\n");
            new SummaryTable().write(results, markdown);
            markdown.append("\nCharts and every run's details: ").append(HtmlReport.FILE).append(" in this folder.\n");
            Files.writeString(root.resolve(SUMMARY_MD), markdown);
            // every run in the folder, as judged now: after a merge of CI shards, one summary.json for them all
            oomlab.result.ResultStore.writeSummary(root, results);
            return HtmlReport.write(root, results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

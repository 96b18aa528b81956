package oomlab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import oomlab.compare.BaselineComparison;
import oomlab.compare.RunComparison;
import oomlab.cure.CureAnswer;
import oomlab.cure.CureReport;
import oomlab.layout.RunFiles;
import oomlab.result.ResultJson;
import oomlab.result.RunResult;
import oomlab.sizing.SizingResult;

/**
 * Every file a results folder is read as, each an {@link Output} (its name and its {@link ResultFormat}), grouped
 * by the kind of result it presents: {@link #RUNS} (summary.json, summary.md, report.html; and per run
 * nmt-diff.txt), {@link #RIGHT_SIZING}, {@link #CURES}, and the comparison with a baseline
 * ({@link #comparisonWith}). The end of {@code mvn test}, the re-judge command, the library, the right-sizing and
 * the cure search all write through here, so a file has one format and one way of being written (atomically), and
 * a CI artifact renders the same anywhere, without Docker.
 */
public final class Outputs {
    /** Every run of the folder as judged now, the machine's form (after a merge of CI shards, one for them all). */
    public static final Output<RunResult> SUMMARY_JSON = new Output<>(ResultJson.SUMMARY_FILE,
            (root, runs, out) -> out.append(ResultJson.summary(runs)));
    /** The table of every run, as a person reads it. */
    public static final Output<RunResult> SUMMARY_MARKDOWN = new Output<>("summary.md", (root, runs, out) -> {
        out.append("# oomlab results\n\n");
        new SummaryTable().write(root, runs, out);
        out.append("\nCharts and every run's details: ").append(HtmlReport.FILE).append(" in this folder.\n");
    });
    /** The curves and every run's details on one self-contained page. */
    public static final Output<RunResult> REPORT = new Output<>(HtmlReport.FILE, HtmlReport.FORMAT);
    /** In each run's own folder: its NMT categories as jcmd's summary.diff shows them. */
    public static final Output<RunResult> NMT_DIFF = new Output<>(NmtDiff.FILE, (runDir, runs, out) -> {
        for (RunResult run : runs) {
            out.append(NmtDiff.text(run));
        }
    });
    public static final Output<SizingResult> RIGHT_SIZING_MARKDOWN = new Output<>("right-sizing.md",
            (root, sized, out) -> out.append("# Right-sizing\n\n").append(RightSizingReport.table(sized)));
    public static final Output<SizingResult> RIGHT_SIZING_PAGE = new Output<>("right-sizing.html",
            RightSizingReport.PAGE);
    public static final Output<CureAnswer> CURES_JSON = new Output<>(CureAnswer.JSON,
            (root, answers, out) -> out.append(ResultJson.recordText(new CureReport.Answers(answers))));
    public static final Output<CureAnswer> CURES_MARKDOWN = new Output<>(CureAnswer.MARKDOWN,
            (root, answers, out) -> out.append(CureReport.markdown(answers)));

    /** A folder of runs (the report last: it links the others). */
    public static final List<Output<RunResult>> RUNS = List.of(SUMMARY_JSON, SUMMARY_MARKDOWN, REPORT);
    public static final List<Output<SizingResult>> RIGHT_SIZING = List.of(RIGHT_SIZING_MARKDOWN, RIGHT_SIZING_PAGE);
    public static final List<Output<CureAnswer>> CURES = List.of(CURES_JSON, CURES_MARKDOWN);

    private Outputs() {
    }

    /** comparison.md: the runs against the baseline folder they were compared with, named in its title. */
    public static Output<RunComparison> comparisonWith(Path baseline) {
        return new Output<>("comparison.md", (root, compared, out) -> {
            out.append("# Against the baseline ").append(baseline.toString()).append("\n\n");
            BaselineComparison.write(compared, out);
        });
    }

    /** @return the files written, in the order of {@code outputs} */
    public static <T> List<Path> write(Path root, List<Output<T>> outputs, List<T> results) {
        List<Path> written = new ArrayList<>();
        for (Output<T> output : outputs) {
            written.add(output.writeTo(root, results));
        }
        return written;
    }

    /** A folder of runs: each run's nmt-diff.txt in its own folder, then {@link #RUNS}. @return the report */
    public static Path writeRuns(Path root, List<RunResult> results) {
        for (RunResult result : results) {
            Path runDir = RunFiles.under(root, result.run().scenario(), result.run().runName()).dir();
            if (Files.isDirectory(runDir)) {
                NMT_DIFF.writeTo(runDir, List.of(result));
            }
        }
        write(root, RUNS, results);
        return root.resolve(REPORT.file());
    }
}

package oomlab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One way of presenting results of one kind as the text of one file, as JMH's ResultFormat: the summary table,
 * the HTML report, summary.json, the right-sizing page, the cures, the comparison with a baseline. Each is an
 * {@link Output} of {@link Outputs}, which names its file and writes it; a format only renders.
 *
 * @param <T> what it presents: runs ({@code RunResult}), right-sizing answers, cure answers, comparisons
 */
@FunctionalInterface
public interface ResultFormat<T> {
    /**
     * @param root    the results folder the results came from (the HTML report links and draws each run's own
     *                files there; the other formats need only the results)
     * @param results in the order they are to be shown
     */
    void write(Path root, List<T> results, Appendable out) throws IOException;
}

package oomlab.report;

import java.io.IOException;
import java.util.List;
import oomlab.result.RunResult;

/** One way of presenting a set of results (a table for the terminal, and later markdown, HTML). */
public interface ResultFormat {
    void write(List<RunResult> results, Appendable out) throws IOException;
}

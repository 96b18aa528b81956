package oomlab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import oomlab.result.AtomicFile;

/**
 * A file of a results folder: its name and the {@link ResultFormat} that renders it. Written beside and moved
 * into place ({@link AtomicFile}), so a reader (a browser, a CI step, a second session) never sees half of one.
 *
 * @param file   the file's name in the folder it is written to
 * @param format renders its text
 */
public record Output<T>(String file, ResultFormat<T> format) {
    /** @return the file written */
    public Path writeTo(Path folder, List<T> results) {
        StringBuilder text = new StringBuilder();
        try {
            format.write(folder, results, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw; a format reading files may
        }
        Path written = folder.resolve(file);
        AtomicFile.write(written, text.toString());
        return written;
    }
}

package oomlab.sampling;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * rss.csv, written one flushed line per sample, so whatever kills the harness or the container, the curve
 * up to that moment is on disk. Also keeps the figures the result needs (count, peak, span).
 */
public final class SampleLog implements AutoCloseable {
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Sample.class).withHeader();

    private final Writer file;
    private final SequenceWriter rows;
    private volatile Sample first;
    private volatile Sample last;
    private volatile long count;
    private volatile long peakBytes;
    private volatile long maxOomKills;
    private final long atCapBytes;
    private volatile Sample atCapSince;

    public SampleLog(Path csv) {
        this(csv, Long.MAX_VALUE);
    }

    /** @param capBytes the container's cap: the log tracks since when usage has been at it (99% or more) */
    public SampleLog(Path csv, long capBytes) {
        this.atCapBytes = capBytes == Long.MAX_VALUE ? Long.MAX_VALUE : capBytes / 100 * 99;
        try {
            file = Files.newBufferedWriter(csv);
            rows = CSV.writer(SCHEMA).writeValues(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void add(Sample sample) {
        try {
            rows.write(sample);
            rows.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (first == null) {
            first = sample;
        }
        last = sample;
        count++;
        peakBytes = Math.max(peakBytes, sample.cgroupBytes());
        maxOomKills = Math.max(maxOomKills, sample.oomKills());
        if (sample.cgroupBytes() < atCapBytes) {
            atCapSince = null;
        } else if (atCapSince == null) {
            atCapSince = sample;
        }
    }

    /** How long usage had been at the cap without a break at the last sample; 0 when it was not at the cap. */
    public double secondsAtCapAtEnd() {
        Sample since = atCapSince;
        return since == null || last == null ? 0 : (last.tMs() - since.tMs()) / 1000.0;
    }

    public Sample first() {
        return first;
    }

    public Sample last() {
        return last;
    }

    public long count() {
        return count;
    }

    public long peakBytes() {
        return peakBytes;
    }

    public long maxOomKills() {
        return maxOomKills;
    }

    /** Samples per second over the span from the first to the last sample. */
    public double hz() {
        if (count < 2 || last.tMs() == first.tMs()) {
            return 0;
        }
        return (count - 1) * 1000.0 / (last.tMs() - first.tMs());
    }

    public static List<Sample> read(Path csv) throws IOException {
        try (var it = CSV.readerFor(Sample.class).with(SCHEMA).<Sample>readValues(csv.toFile())) {
            return it.readAll();
        }
    }

    @Override
    public synchronized void close() {
        try {
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

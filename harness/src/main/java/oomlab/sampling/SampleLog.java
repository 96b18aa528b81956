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

    /** A kill frees the container's memory within a second or two; samples taken meanwhile are not the end. */
    static final long END_GRACE_MS = 2_000;

    private final Writer file;
    private final SequenceWriter rows;
    private volatile Sample first;
    private volatile Sample last;
    private volatile long count;
    private volatile long withCpu;
    private volatile long peakBytes;
    private volatile long maxOomKills;
    private final long atCapBytes;
    private volatile Sample atCapSince;
    /** The latest unbroken stretch at the cap: its first and last samples (it may have ended since). */
    private volatile Sample stretchStart;
    private volatile Sample stretchEnd;
    /** Time at the cap over the whole run, and the file pages re-read and the major faults meanwhile. */
    private volatile long atCapMs;
    private volatile long refaultsAtCap;
    private volatile long majorFaultsAtCap;

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

    private SampleLog(long capBytes, Writer nowhere) {
        this.atCapBytes = capBytes == Long.MAX_VALUE ? Long.MAX_VALUE : capBytes / 100 * 99;
        try {
            file = nowhere;
            rows = CSV.writer(SCHEMA).writeValues(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log a run wrote, read again (the replay of a recorded run): the same figures the live log gave. */
    public static SampleLog replay(Path csv, long capBytes) {
        try {
            return replay(Files.exists(csv) ? read(csv) : List.of(), capBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same from samples already read (the analysis reads rss.csv once for the curve and the load's windows). */
    public static SampleLog replay(List<Sample> samples, long capBytes) {
        SampleLog log = new SampleLog(capBytes, Writer.nullWriter());
        samples.forEach(log::add);
        return log;
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
        Sample previous = last;
        if (previous != null && sample.cgroupBytes() >= atCapBytes) {
            if (previous.cgroupBytes() >= atCapBytes) {
                atCapMs += sample.tMs() - previous.tMs();
            }
            refaultsAtCap += increase(previous.refaultFile(), sample.refaultFile());
            majorFaultsAtCap += increase(previous.majorFaults(), sample.majorFaults());
        }
        last = sample;
        count++;
        if (sample.cpuNanos() >= 0) {
            withCpu++;
        }
        peakBytes = Math.max(peakBytes, sample.cgroupBytes());
        maxOomKills = Math.max(maxOomKills, sample.oomKills());
        if (sample.cgroupBytes() < atCapBytes) {
            atCapSince = null;
        } else {
            if (atCapSince == null) {
                atCapSince = sample;
            }
            stretchStart = atCapSince;
            stretchEnd = sample;
        }
    }

    /**
     * How long usage had been at the cap without a break when the container ended: the latest stretch at the
     * cap, if it lasted until {@link #END_GRACE_MS} before the last sample. The last samples may already show
     * the memory freed by the kill that ended the stretch (the kernel's, or the harness's at a timeout).
     * 0 when the container was not at the cap at its end.
     */
    public double secondsAtCapAtEnd() {
        Sample start = stretchStart;
        Sample end = stretchEnd;
        if (start == null || last == null || last.tMs() - end.tMs() > END_GRACE_MS) {
            return 0;
        }
        return (end.tMs() - start.tMs()) / 1000.0;
    }

    private static long increase(long before, long after) {
        return before < 0 || after < 0 ? 0 : Math.max(0, after - before);
    }

    /** 4 KB pages, as the kernel counts refaults on x86-64 and arm64's usual configuration. */
    static final long PAGE_BYTES = 4096;

    /**
     * The time the run spent at its cap (99% or more, every stretch together) and what the kernel re-read of the
     * cgroup's own files meanwhile, and in the whole run; null where the sampler counts no refaults.
     */
    public MemoryCurve.AtCap atCap() {
        Sample start = first;
        Sample end = last;
        if (start == null || end.refaultFile() < 0 || start.refaultFile() < 0) {
            return null;
        }
        return new MemoryCurve.AtCap(atCapMs / 1000.0, refaultsAtCap * PAGE_BYTES, majorFaultsAtCap,
                increase(start.refaultFile(), end.refaultFile()) * PAGE_BYTES,
                increase(start.majorFaults(), end.majorFaults()));
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

    /** Samples in which the container's CPU counter was read. */
    public long withCpu() {
        return withCpu;
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

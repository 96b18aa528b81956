package oomlab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NmtSummaryTest {
    // An excerpt of what JDK 17's VM.native_memory summary prints.
    private static final String SUMMARY = """
            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=1714398KB, committed=278926KB
            -                 Java Heap (reserved=131072KB, committed=131072KB)
                                        (mmap: reserved=131072KB, committed=131072KB)

            -                     Class (reserved=1048690KB, committed=242KB)
                                        (classes #538)

            -                  Compiler (reserved=170KB, committed=170KB)
                                        (malloc=37KB #120)
                                        (arena=133KB #5)

            -                     Other (reserved=409608KB, committed=409608KB)
                                        (malloc=409608KB #102)
            """;

    @Test
    void readsCommittedBytesPerCategoryWithTotalFirst() {
        Map<String, Long> committed = NmtSummary.committedBytes(SUMMARY);

        assertThat(committed).containsExactly(
                Map.entry("Total", 278926L * 1024),
                Map.entry("Java Heap", 131072L * 1024),
                Map.entry("Class", 242L * 1024),
                Map.entry("Compiler", 170L * 1024),
                Map.entry("Other", 409608L * 1024));
    }

    @Test
    void nothingWhenNmtIsOff() {
        assertThat(NmtSummary.committedBytes("Native memory tracking is not enabled\n")).isEmpty();
    }
}

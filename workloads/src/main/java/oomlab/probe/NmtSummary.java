package oomlab.probe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Committed bytes per category from the text of {@code VM.native_memory summary}. */
public final class NmtSummary {
    // e.g. "-                 Java Heap (reserved=524288KB, committed=131072KB)"
    private static final Pattern CATEGORY =
            Pattern.compile("^-\\s+(.+?)\\s+\\(reserved=(\\d+)KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);
    // e.g. "Total: reserved=1714398KB, committed=278926KB"
    private static final Pattern TOTAL =
            Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB", Pattern.MULTILINE);

    private NmtSummary() {
    }

    /** Category name to committed bytes, in NMT's order, with "Total" first; empty when NMT is off. */
    public static Map<String, Long> committedBytes(String summaryText) {
        Map<String, Long> committed = new LinkedHashMap<>();
        Matcher total = TOTAL.matcher(summaryText);
        if (total.find()) {
            committed.put("Total", Long.parseLong(total.group(2)) * 1024);
        }
        Matcher category = CATEGORY.matcher(summaryText);
        while (category.find()) {
            committed.put(category.group(1), Long.parseLong(category.group(3)) * 1024);
        }
        return committed;
    }
}

package oomlab.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import oomlab.sampling.NmtStats;

/**
 * The usual suspects of a container killed while its heap looked healthy, each measured from NMT's
 * categories (and RSS beyond NMT's total for malloc NMT does not see): the incident's checklist, made a table.
 */
public final class Suspects {
    /** Suspect name → the NMT categories that hold it (JDK 17 and 25 names). */
    static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("heap", List.of("Java Heap"));
        CATEGORIES.put("direct buffers and Unsafe", List.of("Other"));
        CATEGORIES.put("thread stacks", List.of("Thread", "Thread Stack"));
        CATEGORIES.put("code cache", List.of("Code"));
        CATEGORIES.put("metaspace", List.of("Metaspace", "Class"));
        CATEGORIES.put("compiler arenas", List.of("Compiler", "Arena Chunk"));
        CATEGORIES.put("GC structures", List.of("GC"));
    }

    static final String MALLOC_OUTSIDE_NMT = "malloc outside NMT";
    static final String REST_OF_NMT = "rest of NMT";
    private static final String TOTAL = "Total";

    private Suspects() {
    }

    /** Every suspect, biggest growth first. */
    public static List<Suspect> of(NmtStats nmt) {
        Map<String, long[]> growthAndPeak = new LinkedHashMap<>();
        Set<String> assigned = new java.util.HashSet<>();
        CATEGORIES.forEach((suspect, categories) -> {
            growthAndPeak.put(suspect, sum(nmt, categories));
            assigned.addAll(categories);
        });
        List<String> rest = nmt.peak().keySet().stream()
                .filter(category -> !category.equals(TOTAL) && !assigned.contains(category)).sorted().toList();
        growthAndPeak.put(REST_OF_NMT, sum(nmt, rest));
        growthAndPeak.put(MALLOC_OUTSIDE_NMT, new long[] {nmt.unexplainedGrowthBytes(),
                Math.max(0, nmt.unexplainedBytes())});
        long allGrowth = growthAndPeak.values().stream().mapToLong(v -> Math.max(0, v[0])).sum();
        List<Suspect> suspects = new ArrayList<>();
        growthAndPeak.forEach((name, v) -> suspects.add(new Suspect(name, source(name, rest), v[0],
                allGrowth == 0 ? 0 : Math.max(0, v[0]) / (double) allGrowth, v[1])));
        suspects.sort(Comparator.comparingLong(Suspect::growthBytes).reversed());
        return suspects;
    }

    private static long[] sum(NmtStats nmt, List<String> categories) {
        long growth = 0;
        long peak = 0;
        for (String category : categories) {
            growth += nmt.growth().getOrDefault(category, 0L);
            peak += nmt.peak().getOrDefault(category, 0L);
        }
        return new long[] {growth, peak};
    }

    private static String source(String suspect, List<String> rest) {
        if (suspect.equals(MALLOC_OUTSIDE_NMT)) {
            return "RSS beyond NMT's total";
        }
        if (suspect.equals(REST_OF_NMT)) {
            return rest.isEmpty() ? "NMT (no other category)" : "NMT " + String.join(", ", rest);
        }
        return "NMT " + String.join(" + ", CATEGORIES.get(suspect));
    }
}

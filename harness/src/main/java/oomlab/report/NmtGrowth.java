package oomlab.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How much each NMT category's committed memory changed from the first probe sample to the last. */
public record NmtGrowth(Map<String, Long> bytesByCategory) {
    private static final String TOTAL = "Total";

    public static NmtGrowth between(Map<String, Long> first, Map<String, Long> last) {
        Map<String, Long> growth = new LinkedHashMap<>();
        last.forEach((category, bytes) -> {
            if (!category.equals(TOTAL)) {
                growth.put(category, bytes - first.getOrDefault(category, 0L));
            }
        });
        return new NmtGrowth(growth);
    }

    /** The name {@link #shareOf} gives to RSS growth beyond NMT's total. */
    public static final String UNEXPLAINED = "unexplained";

    /**
     * The part of all growth (positive NMT category growth plus positive unexplained growth) that lies
     * in the named categories, from 0 to 1.
     */
    public double shareOf(java.util.Collection<String> categories, long unexplainedGrowth) {
        long all = Math.max(0, unexplainedGrowth);
        long named = categories.contains(UNEXPLAINED) ? Math.max(0, unexplainedGrowth) : 0;
        for (Map.Entry<String, Long> e : bytesByCategory.entrySet()) {
            long grew = Math.max(0, e.getValue());
            all += grew;
            if (categories.contains(e.getKey())) {
                named += grew;
            }
        }
        return all == 0 ? 0 : (double) named / all;
    }

    /** The category that grew the most, if any grew at all. */
    public Optional<String> dominant() {
        return bytesByCategory.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .max(Comparator.comparingLong(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }
}

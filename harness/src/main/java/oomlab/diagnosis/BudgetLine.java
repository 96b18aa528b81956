package oomlab.diagnosis;

/**
 * One item of a container-sizing formula beside what the run really used.
 *
 * @param budgetBytes   what the formula sets aside; null where the formula has no slot for this item
 * @param measuredBytes the item's highest committed size in any probe sample (NMT), or, for malloc outside NMT,
 *                      RSS beyond NMT's total at the RSS peak
 * @param basis         where the budget comes from, e.g. "-XX:ReservedCodeCacheSize=256m" or "default 240 MB"
 */
public record BudgetLine(String item, Long budgetBytes, long measuredBytes, String basis) {
    public boolean hasSlot() {
        return budgetBytes != null;
    }
}

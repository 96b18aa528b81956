package oomlab.sizing;

/**
 * The right size of one configuration's pod, measured, beside what the sizing formula would have given.
 *
 * @param config            the configuration (with its JDK in the run name)
 * @param search            the cap search: the smallest surviving cap, the margin, every step
 * @param repeats           how many runs each cap had to survive
 * @param runs              runs the search made in all
 * @param formulaBytes      the Paketo / Cloud Foundry formula for the same heap and flags (from the ceiling run)
 * @param precisionBytes    the precision asked for
 */
public record SizingResult(String scenario, String config, int jdk, String runName, CapSearch.Outcome search,
                           int repeats, int runs, long formulaBytes, long precisionBytes) {
}

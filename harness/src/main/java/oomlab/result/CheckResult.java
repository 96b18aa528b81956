package oomlab.result;

/**
 * One thing a run was judged on, with both sides as people read them.
 *
 * @param name     what was checked: "verdict", or a check's name from scenarios.yaml (peakAtMost, ...), or one
 *                 of the lab's own checks that every run must pass (samples, probeSamples, ...)
 * @param expected e.g. "OOM_KILLED", "<= 0.85", "Compiler"
 * @param actual   what the run gave, e.g. "SURVIVED", "0.552"
 */
public record CheckResult(String name, String expected, String actual, boolean passed) {
    @Override
    public String toString() {
        return name + ": expected " + expected + ", got " + actual + (passed ? "" : " (FAILED)");
    }
}

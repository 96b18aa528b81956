package oomlab.scenario;

/**
 * How far a run may drift from its baseline before the comparison calls it a regression, as fractions of the
 * baseline's value (0.1 = 10%), either way. Per scenario in scenarios.yaml ({@code tolerances:}); the
 * defaults are wide for time and CPU, which a shared 2-core machine moves a lot, and narrow for the peak.
 */
public record Tolerances(Double peak, Double timeToExit, Double cpu) {
    public static final Tolerances DEFAULT = new Tolerances(0.10, 0.50, 0.50);
    /**
     * Below these a change is not a drift, whatever its percentage: a 30 MB control program that peaks 9 MB
     * higher, or a run that ends a second later, is noise on a shared machine.
     */
    public static final long MIN_PEAK_CHANGE_BYTES = 32L << 20;
    public static final long MIN_TIME_CHANGE_MS = 2_000;
    public static final double MIN_CPU_CHANGE_SECONDS = 2.0;

    /** Each value given here, else the default's. */
    public Tolerances orDefaults() {
        return new Tolerances(peak == null ? DEFAULT.peak : peak, timeToExit == null ? DEFAULT.timeToExit : timeToExit,
                cpu == null ? DEFAULT.cpu : cpu);
    }
}

package oomlab.scenario;

/**
 * How the right-sizing search of a scenario looks for the smallest cap ({@code rightSizing:} in
 * scenarios.yaml, each part optional; used with {@code -Doomlab.search=cap}).
 *
 * @param floor     the smallest cap tried (default: the heap + 64 MB)
 * @param ceiling   the largest (default: twice the scenario's cap, at most half of the host's memory)
 * @param precision the search stops when the surviving and the failing cap are this close (default 64 MB)
 * @param repeats   runs a cap must survive, every one, to count as surviving (default 1)
 */
public record RightSizing(MemorySize floor, MemorySize ceiling, MemorySize precision, Integer repeats) {
    public static final RightSizing DEFAULTS = new RightSizing(null, null, null, null);
    private static final long MB = 1 << 20;

    public long floorBytes(Scenario scenario) {
        return floor != null ? floor.bytes() : scenario.heap().bytes() + 64 * MB;
    }

    public long ceilingBytes(Scenario scenario, long hostBytes) {
        return ceiling != null ? ceiling.bytes() : Math.min(2 * scenario.memory().bytes(), hostBytes / 2) / MB * MB;
    }

    public long precisionBytes() {
        return precision != null ? precision.bytes() : 64 * MB;
    }

    public int repeatsOrDefault() {
        return repeats != null ? repeats : 1;
    }
}

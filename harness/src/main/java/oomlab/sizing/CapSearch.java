package oomlab.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Bisection for the smallest memory cap at which a program survives: first the ceiling (if the program does
 * not survive there, there is nothing to find below it), then halving the gap between the largest cap that
 * failed and the smallest that survived until it is no wider than the precision. Caps are whole megabytes.
 * Knows nothing of containers: {@code survives} makes the runs.
 */
public final class CapSearch {
    private static final long MB = 1 << 20;

    /** One probe of the search: a cap, and whether the program survived there (every repeat). */
    public record Step(long capBytes, boolean survived) {
    }

    /**
     * @param smallestSurvivingBytes the smallest cap that survived, or -1 when even the ceiling did not
     * @param largestFailingBytes    the largest cap that did not survive, the other side of the margin; -1 when
     *                               every cap tried survived, the floor included
     */
    public record Outcome(long smallestSurvivingBytes, long largestFailingBytes, List<Step> steps) {
        public Outcome {
            steps = List.copyOf(steps);
        }

        public boolean found() {
            return smallestSurvivingBytes > 0;
        }

        /** How far the answer may be from the true smallest cap: the last gap the search left. */
        public long marginBytes() {
            return found() && largestFailingBytes > 0 ? smallestSurvivingBytes - largestFailingBytes : -1;
        }
    }

    private CapSearch() {
    }

    public static Outcome search(long floorBytes, long ceilingBytes, long precisionBytes, LongPredicate survives) {
        if (floorBytes >= ceilingBytes || precisionBytes < MB) {
            throw new IllegalArgumentException("the search needs floor < ceiling and a precision of at least 1 MB");
        }
        List<Step> steps = new ArrayList<>();
        boolean top = survives.test(ceilingBytes);
        steps.add(new Step(ceilingBytes, top));
        if (!top) {
            return new Outcome(-1, ceilingBytes, steps);
        }
        // the floor is a bound until a cap really fails; the floor itself is tried at the end
        return halve(floorBytes, floorBytes, false, ceilingBytes, precisionBytes, survives, steps);
    }

    /**
     * Halving between a cap that fails (or a bound below which none was tried) and one that survives, to the
     * precision; when nothing failed on the way down, the floor itself is tried last.
     *
     * @param failed whether {@code failing} is a cap that really failed, not just a bound
     */
    private static Outcome halve(long floorBytes, long failing, boolean failed, long surviving, long precisionBytes,
                                 LongPredicate survives, List<Step> steps) {
        while (surviving - failing > precisionBytes) {
            long mid = (failing + surviving) / 2 / MB * MB;
            if (mid <= failing || mid >= surviving) {
                break;
            }
            boolean ok = survives.test(mid);
            steps.add(new Step(mid, ok));
            if (ok) {
                surviving = mid;
            } else {
                failing = mid;
                failed = true;
            }
        }
        if (!failed) { // nothing failed on the way down: does the floor itself do?
            boolean atFloor = survives.test(floorBytes);
            steps.add(new Step(floorBytes, atFloor));
            return atFloor ? new Outcome(floorBytes, -1, steps) : new Outcome(surviving, floorBytes, steps);
        }
        return new Outcome(surviving, failing, steps);
    }

    /** What one cap's runs said: whether every one survived, and the highest peak any of them reached. */
    public record Probe(boolean survived, long peakBytes) {
    }

    /**
     * The search seeded by measurement: the run at the ceiling already measured how much the program uses, so the
     * bracket is put around that peak (a cap one precision above it, which should survive, and one precision below
     * it, which should not) before any halving; bisection then happens inside the bracket, and only where a run
     * contradicts the peak does the search widen to the old bounds. Same precision, same answer, and where the peak
     * decides the matter, four runs: the ceiling, above the peak, below it, and the middle. Where the run above the
 * peak is killed after all (the peak varies from run to run), the search gallops up from there (two precisions,
 * four, ...) until a cap survives, and halves between.
     */
    public static Outcome seeded(long floorBytes, long ceilingBytes, long precisionBytes,
                                 java.util.function.LongFunction<Probe> probe) {
        if (floorBytes >= ceilingBytes || precisionBytes < MB) {
            throw new IllegalArgumentException("the search needs floor < ceiling and a precision of at least 1 MB");
        }
        List<Step> steps = new ArrayList<>();
        Probe top = probe.apply(ceilingBytes);
        steps.add(new Step(ceilingBytes, top.survived()));
        if (!top.survived()) {
            return new Outcome(-1, ceilingBytes, steps);
        }
        long surviving = ceilingBytes;
        long failing = -1; // none has failed yet
        long above = roundUp(top.peakBytes() + precisionBytes);
        if (above < surviving && above > floorBytes) {
            boolean ok = probe.apply(above).survived();
            steps.add(new Step(above, ok));
            if (ok) {
                surviving = above;
            } else {
                // the peak moved (a program's peak varies run to run): gallop up from it, doubling the step, until
                // a cap survives, rather than halving the whole way from the ceiling
                failing = above;
                long step = 2 * precisionBytes;
                while (true) {
                    long next = roundUp(failing + step);
                    if (next >= surviving) {
                        break;
                    }
                    boolean survived = probe.apply(next).survived();
                    steps.add(new Step(next, survived));
                    if (survived) {
                        surviving = next;
                        break;
                    }
                    failing = next;
                    step *= 2;
                }
            }
        }
        if (failing < 0) {
            long below = Math.max(floorBytes, roundDown(top.peakBytes() - precisionBytes));
            if (below < surviving) {
                boolean ok = probe.apply(below).survived();
                steps.add(new Step(below, ok));
                if (ok) {
                    surviving = below; // it needs less than it took with room to spare: down to the floor
                    if (below == floorBytes) {
                        return new Outcome(floorBytes, -1, steps);
                    }
                    failing = floorBytes - MB; // a bound, the floor itself is tried as the old search does
                } else {
                    failing = below;
                }
            }
        }
        boolean failed = failing >= floorBytes;
        return halve(floorBytes, failed ? failing : floorBytes - MB, failed, surviving, precisionBytes,
                cap -> probe.apply(cap).survived(), steps);
    }

    private static long roundUp(long bytes) {
        return (bytes + MB - 1) / MB * MB;
    }

    private static long roundDown(long bytes) {
        return bytes / MB * MB;
    }
}

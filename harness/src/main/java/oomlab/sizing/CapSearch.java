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
        long failing = floorBytes; // a bound until a cap really fails; the floor itself is tried at the end
        boolean failed = false;
        long surviving = ceilingBytes;
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
}

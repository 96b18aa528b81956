package oomlab.programs;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills its heap until the JVM throws a real OutOfMemoryError, catches it, lets the memory go and ends well (exit
 * 0): the lab must say SURVIVED, and report the OutOfMemoryError it saw as a finding.
 */
public final class CatchesOutOfMemory {
    private CatchesOutOfMemory() {
    }

    public static void main(String[] args) {
        List<long[]> kept = new ArrayList<>();
        try {
            while (true) {
                kept.add(new long[128 * 1024]);
            }
        } catch (OutOfMemoryError expected) {
            int held = kept.size();
            kept = null;
            System.out.println("caught an OutOfMemoryError after " + held + " MB; going on");
        }
    }
}

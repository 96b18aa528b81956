package oomlab.workloads;

import java.util.concurrent.locks.LockSupport;

/**
 * The stacked string-concatenation shape: a known C2 bug class (JDK-8357105 / JDK-8362394). C2's
 * OptimizeStringConcat merges stacked {@code StringBuilder} concatenations, and the merged argument list
 * doubles with every level, so compiling {@link #stackedA} makes C2's compiler arena grow (~170 MB/s on these
 * machines) without ever finishing. The real work is tiny ({@code c} is empty, so every string stays empty):
 * only the compiler suffers. C1 and Graal compile it in milliseconds.
 *
 * <p>Written out by hand, not generated: the shape is the point, and javac keeps explicit {@code StringBuilder}
 * chains as they are (it only rewrites the {@code +} operator).
 */
final class StackedConcat {
    private StackedConcat() {
    }

    /**
     * Calls the four methods (four compilations, so several of C2's threads grow arenas at once, as a busy
     * node's would) until the JIT has seen them hot (tier 4 needs ~15,000 calls), pausing between
     * batches so the driver itself costs little CPU beside the service it is deployed into.
     */
    static long drive(long calls) {
        long total = 0;
        String empty = "";
        for (long i = 0; i < calls; i++) {
            total += stackedA(empty).length() + stackedB(empty).length() + stackedC(empty).length()
                    + stackedD(empty).length();
            if (i % 1_000 == 999) {
                LockSupport.parkNanos(1_000_000);
            }
        }
        return total;
    }

    static String stackedA(String c) {
        String s = c + "k".substring(1);
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        return s;
    }

    static String stackedB(String c) {
        String s = c + "j".substring(1);
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        return s;
    }

    static String stackedC(String c) {
        String s = c + "m".substring(1);
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        return s;
    }

    static String stackedD(String c) {
        String s = c + "n".substring(1);
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        s = new StringBuilder().append(s).append(s).toString();
        return s;
    }
}

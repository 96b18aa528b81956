package oomlab.programs;

/**
 * A program of the kind that must not fool the lab: it prints a line naming java.lang.OutOfMemoryError (as a log
 * line about an upstream service might) and exits 3. Nothing ran out of memory, so the lab must say CRASHED.
 */
public final class PrintsOutOfMemory {
    private PrintsOutOfMemory() {
    }

    public static void main(String[] args) {
        System.out.println("ERROR ... upstream reported java.lang.OutOfMemoryError: Metaspace");
        System.err.println("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
        System.exit(3);
    }
}

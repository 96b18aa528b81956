package oomlab.console;

/**
 * Where the lab says what it is doing while it works: progress lines of long runs, each run's outcome, the cure
 * search's rounds, images built. The entry points give the standard output; a test gives one that keeps the lines
 * (as JMH's Runner takes an OutputFormat), so what a user reads is tested like the rest.
 */
@FunctionalInterface
public interface Console {
    /** The process's standard output, as the lab's commands and the Maven build show it. */
    Console STANDARD_OUT = System.out::printf;

    /** Text as {@link java.io.PrintStream#printf} formats it: a line ends with its own {@code %n}. */
    void printf(String format, Object... args);

    /** One line as it is. */
    default void println(String line) {
        printf("%s%n", line);
    }

    /** An empty line. */
    default void println() {
        printf("%n");
    }
}

package oomlab;

import oomlab.console.Console;

/** A console that keeps what the lab says, for a test to read (and echoes it, for whoever reads the build's log). */
public final class KeptConsole implements Console {
    private final StringBuffer text = new StringBuffer();

    @Override
    public void printf(String format, Object... args) {
        String said = String.format(format, args);
        text.append(said);
        System.out.print(said);
    }

    public String text() {
        return text.toString();
    }
}

package oomlab.junit;

import java.nio.file.Path;
import oomlab.result.RunResult;

/**
 * One run a test made: its result (as result.json has it) and the folder with all its files (the memory curve,
 * the JVM's logs, the program's output), which an assertion's failure names.
 */
public record LabRun(RunResult result, Path folder) {
    public String displayName() {
        return result.run().displayName();
    }
}

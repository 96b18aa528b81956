package oomlab.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A user's program as the container gets it: host files and folders mounted read-only under
 * {@link JavaCommand#PROGRAM_DIR}, and how {@code java} starts it ({@code -jar X} for a fat jar, or
 * {@code -cp A:B/* Main}).
 *
 * @param mounts    host path → path in the container
 * @param javaStart the arguments between the JVM's flags and the program's own
 */
public record ResolvedProgram(Map<Path, String> mounts, List<String> javaStart) {
    public ResolvedProgram {
        mounts = Map.copyOf(mounts);
        javaStart = List.copyOf(javaStart);
    }
}

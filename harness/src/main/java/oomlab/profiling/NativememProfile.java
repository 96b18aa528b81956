package oomlab.profiling;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import one.convert.Arguments;
import one.convert.FlameGraph;

/**
 * async-profiler's native-memory profile of one run. The agent dumps the allocations of each second into its
 * own file (so a SIGKILL loses at most the last second); here they are added up into {@code nativemem.collapsed},
 * drawn as a flame graph with async-profiler's own converter ({@code nativemem.html}), and ranked by frame.
 */
public final class NativememProfile {
    public static final String AGENT_IN_IMAGE = "/opt/oomlab/profiler/libasyncProfiler.so";
    static final String PART_PREFIX = "nativemem-part-";
    public static final String COLLAPSED = "nativemem.collapsed";
    public static final String FLAME_GRAPH = "nativemem.html";

    private NativememProfile() {
    }

    /**
     * The -agentpath flag: native-memory mode, all allocations counted (freed or not: C2 frees its arenas
     * after each compilation, and what grows is the allocation rate), a dump each second into the output folder.
     */
    public static String agentFlag(String outputDirInContainer) {
        return "-agentpath:" + AGENT_IN_IMAGE + "=start,nativemem=" + Profiler.NATIVEMEM_INTERVAL
                + ",total,loop=1s,collapsed,file=" + outputDirInContainer + "/" + PART_PREFIX + "%t.collapsed";
    }

    public static AllocationProfile collect(Path runDir, String title) {
        List<Path> parts;
        try (Stream<Path> files = Files.list(runDir)) {
            parts = files.filter(f -> f.getFileName().toString().startsWith(PART_PREFIX)).sorted().toList();
        } catch (IOException e) {
            return AllocationProfile.missing(Profiler.NATIVEMEM, "cannot list " + runDir + ": " + e.getMessage());
        }
        Path collapsed = runDir.resolve(COLLAPSED);
        if (parts.isEmpty() && !Files.exists(collapsed)) {
            return AllocationProfile.missing(Profiler.NATIVEMEM, "no dump: the JVM ended before the profiler's first"
                    + " second, or the agent did not load (see stderr.log)");
        }
        try {
            // the dumps are merged into one file once; a run's folder analysed again reads that file
            CollapsedStacks stacks = CollapsedStacks.read(parts.isEmpty() ? List.of(collapsed) : parts);
            if (!parts.isEmpty()) {
                stacks.write(collapsed);
                for (Path part : parts) {
                    Files.delete(part); // all of it is in nativemem.collapsed now
                }
            }
            FlameGraph flameGraph = new FlameGraph(new Arguments("--title", title, "--total"));
            try (Reader in = Files.newBufferedReader(collapsed);
                 PrintStream out = new PrintStream(Files.newOutputStream(runDir.resolve(FLAME_GRAPH)), false,
                         java.nio.charset.StandardCharsets.UTF_8)) {
                flameGraph.parseCollapsed(in);
                flameGraph.dump(out);
            }
            return new AllocationProfile(Profiler.NATIVEMEM.toString(), stacks.totalBytes(), stacks.topFrames(),
                    List.of(COLLAPSED, FLAME_GRAPH), null);
        } catch (IOException | RuntimeException e) {
            return AllocationProfile.missing(Profiler.NATIVEMEM, "could not read the dumps: " + e);
        }
    }
}

package oomlab.profiling;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stacks in the collapsed format ({@code frame;frame;frame bytes}, root first), added up across the dumps a
 * profiler left, and the frames that hold the most bytes.
 */
public final class CollapsedStacks {
    /** Thread entry points and the allocator itself: every stack passes through them, they explain nothing. */
    static final Set<String> ROOTS = Set.of("start_thread", "clone", "clone3", "thread_native_entry",
            "Thread::call_run", "JavaThread::run", "JavaThread::thread_main_inner", "_start", "__libc_start_main",
            "JavaMain", "main", "ThreadJavaMain", "[unknown]", "malloc", "calloc", "realloc", "os::malloc",
            "os::realloc", "AllocateHeap", "ReallocateHeap", "__GI___libc_malloc", "__libc_malloc", "malloc_hook",
            "__clone", "__clone3", "os::strdup");
    static final int TOP_FRAMES = 15;

    private final Map<String, Long> bytesByStack = new HashMap<>();

    public static CollapsedStacks read(List<Path> files) throws IOException {
        CollapsedStacks stacks = new CollapsedStacks();
        for (Path file : files) {
            try (var lines = Files.lines(file)) {
                lines.forEach(stacks::add);
            }
        }
        return stacks;
    }

    void add(String line) {
        int space = line.lastIndexOf(' ');
        if (space <= 0) {
            return;
        }
        try {
            bytesByStack.merge(line.substring(0, space), Long.parseLong(line.substring(space + 1).trim()), Long::sum);
        } catch (NumberFormatException e) {
            // a dump cut short by the kill: its last line is incomplete
        }
    }

    public long totalBytes() {
        return bytesByStack.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Frames by the bytes of all stacks that pass through them (each stack counted once per frame). */
    public List<Frame> topFrames() {
        long total = totalBytes();
        Map<String, Long> inclusive = new HashMap<>();
        bytesByStack.forEach((stack, bytes) -> {
            Set<String> seen = new HashSet<>();
            for (String frame : stack.split(";")) {
                if (!ROOTS.contains(frame) && !frame.contains("/") && seen.add(frame)) { // native frames only
                    inclusive.merge(frame, bytes, Long::sum);
                }
            }
        });
        List<Frame> frames = new ArrayList<>();
        inclusive.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(TOP_FRAMES)
                .forEach(e -> frames.add(new Frame(e.getKey(), e.getValue(), total == 0 ? 0 : (double) e.getValue() / total)));
        return frames;
    }

    public void write(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (Map.Entry<String, Long> e : bytesByStack.entrySet()) {
                out.write(e.getKey());
                out.write(' ');
                out.write(Long.toString(e.getValue()));
                out.newLine();
            }
        }
    }
}

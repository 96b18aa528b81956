package oomlab.profiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import oomlab.process.ProcessRunner;
import oomlab.process.ProcessRunner.ProcessResult;

/**
 * The incident's own tool: jemalloc preloaded with heap profiling on writes a profile of what is in use each
 * time another 256 MB has been allocated (and at a clean exit); {@code jeprof --text --show_bytes --cum}, run
 * on the host against the image's own JVM binaries, names the frames that hold it. The last profile before a
 * kill is the picture the incident had: who holds the memory when the pod dies.
 */
public final class JemallocProfile {
    public static final String LIBRARY_IN_IMAGE = "/opt/oomlab/lib/libjemalloc.so.2";
    static final String PREFIX = "jeprof";
    public static final String TEXT = "jeprof.txt";
    static final Duration JEPROF_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern HEAP_FILE = Pattern.compile("jeprof\\.\\d+\\.(\\d+)\\.[a-z]\\d*\\.heap");
    private static final Pattern TEXT_LINE = Pattern.compile(
            "^\\s*(\\d+)\\s+[\\d.]+%\\s+[\\d.]+%\\s+(\\d+)\\s+[\\d.]+%\\s+(.+?)\\s*$");
    private static final Pattern JAVA_MAPPING = Pattern.compile("\\s(/\\S+/bin/java)$");

    private JemallocProfile() {
    }

    /** The same for every configuration of the scenario: jemalloc in place of glibc malloc, profiling on. */
    public static Map<String, String> environment(String outputDirInContainer) {
        return Map.of("LD_PRELOAD", LIBRARY_IN_IMAGE,
                "MALLOC_CONF", "prof:true,prof_final:true,lg_prof_interval:28,prof_prefix:"
                        + outputDirInContainer + "/" + PREFIX);
    }

    /** The newest profile the run left, if any. */
    public static Optional<Path> lastProfile(Path runDir) {
        try (Stream<Path> files = Files.list(runDir)) {
            return files.filter(f -> HEAP_FILE.matcher(f.getFileName().toString()).matches())
                    .max(Comparator.comparingLong(JemallocProfile::sequence));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JVM's launcher as the process mapped it (e.g. /opt/jdk/bin/java), from the profile's memory map. */
    public static Optional<String> javaInImage(Path profile) {
        try (Stream<String> lines = Files.lines(profile)) {
            return lines.map(JAVA_MAPPING::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param imageRoot the image's files copied out under their own paths (see container.ImageFiles)
     */
    public static AllocationProfile collect(Path runDir, Path profile, String javaInImage, Path imageRoot) {
        List<String> command = List.of("jeprof", "--text", "--show_bytes", "--cum", "--lib_prefix=" + imageRoot,
                imageRoot + javaInImage, profile.toString());
        ProcessResult jeprof;
        try {
            jeprof = ProcessRunner.run(command, JEPROF_TIMEOUT);
        } catch (java.io.UncheckedIOException e) {
            return AllocationProfile.missing(Profiler.JEMALLOC, "jeprof is not installed on this host"
                    + " (Debian: apt-get install libjemalloc-dev); the profiles are in the run's folder");
        }
        if (!jeprof.succeeded()) {
            return AllocationProfile.missing(Profiler.JEMALLOC, jeprof.describe());
        }
        try {
            Files.writeString(runDir.resolve(TEXT), jeprof.output());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return parse(jeprof.output(), List.of(TEXT, profile.getFileName().toString()));
    }

    /** jeprof's text: {@code Total: N B}, then flat, flat%, sum%, cum, cum%, frame per line. */
    static AllocationProfile parse(String text, List<String> files) {
        long total = text.lines().filter(line -> line.startsWith("Total:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
        List<Frame> frames = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher m = TEXT_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(3);
            if (CollapsedStacks.ROOTS.contains(name) || name.startsWith("??")) {
                continue;
            }
            long cumulative = Long.parseLong(m.group(2));
            frames.add(new Frame(name, cumulative, total == 0 ? 0 : (double) cumulative / total));
            if (frames.size() == CollapsedStacks.TOP_FRAMES) {
                break;
            }
        }
        if (total == 0) {
            return AllocationProfile.missing(Profiler.JEMALLOC, "jeprof found nothing in use in the profile");
        }
        return new AllocationProfile(Profiler.JEMALLOC.toString(), total, frames, files, null);
    }

    private static long sequence(Path heapFile) {
        Matcher m = HEAP_FILE.matcher(heapFile.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}

package oomlab.container;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The workload image a run uses, per JDK: the workloads jar, this JDK's Graal jars, async-profiler's agent and
 * libjemalloc on the JDK image {@link BaseImages} chose, built once and then found again by content (a tag
 * carries a hash of everything that went in: an unchanged lab reuses its images, a changed jar or Dockerfile gets
 * a new one). Nothing here ever needs a registry; one is used when it answers.
 */
public final class LabImages {
    private static final String DOCKERFILE = "workload.Dockerfile";
    private static final String WORKLOAD_REPOSITORY = "oomlab/workloads";
    private static final String ASYNC_PROFILER_LIBRARY = "linux-x64/libasyncProfiler.so";
    private static final Path HOST_JEMALLOC = Path.of("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");

    private final DockerImages images;
    private final BaseImages baseImages;
    private final Path dockerfiles;
    private final Path workloadsJar;
    private final Path imageParts;
    private final Map<Integer, String> workloadImages = new HashMap<>();
    private final oomlab.console.Console console;

    /**
     * @param chosenBaseImages a JDK base image of the user's per JDK major version (-Doomlab.baseImage.N)
     * @param chosenJdkHomes   a local JDK per major version to build an offline base image from (-Doomlab.jdkHome.N)
     */
    public LabImages(DockerClient docker, Path dockerfiles, Path workloadsJar, Path imageParts,
                     boolean registryReachable, Map<Integer, String> chosenBaseImages,
                     Map<Integer, Path> chosenJdkHomes, oomlab.console.Console console) {
        this.console = console;
        this.images = new DockerImages(docker, console);
        this.baseImages = new BaseImages(images, dockerfiles, registryReachable, chosenBaseImages, chosenJdkHomes,
                console);
        this.dockerfiles = dockerfiles;
        this.workloadsJar = workloadsJar;
        this.imageParts = imageParts;
    }

    /** What the harness's jar carries of dockerfiles/ (resources under oomlab/dockerfiles/). */
    static final List<String> DOCKERFILES = List.of(DOCKERFILE, BaseImages.OFFLINE_BASE_SCRIPT);

    /**
     * The Dockerfile and the offline base image's script as the lab's jar carries them, written into {@code into}:
     * for a project that uses the lab as a library, which has no dockerfiles/ folder of its own.
     */
    public static Path dockerfilesFromTheJar(Path into) {
        try {
            Files.createDirectories(into);
            for (String name : DOCKERFILES) {
                try (java.io.InputStream in = LabImages.class.getClassLoader()
                        .getResourceAsStream("oomlab/dockerfiles/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("oomlab/dockerfiles/" + name + " is missing from the lab's jar");
                    }
                    Files.copy(in, into.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return into;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The image with the workloads jar (and this JDK's Graal jars) on a JDK of this major version. */
    public synchronized String workloadImage(int jdk) {
        return workloadImages.computeIfAbsent(jdk, this::findOrBuildWorkloadImage);
    }

    private String findOrBuildWorkloadImage(int jdk) {
        String base = baseImages.forJdk(jdk);
        String baseId = images.docker().inspectImageCmd(base).exec().getId();
        Path context = stageBuildContext(jdk);
        String tag = WORKLOAD_REPOSITORY + ":jdk" + jdk + "-" + DockerImages.contentHash(filesUnder(context), baseId);
        if (images.exists(tag)) {
            return tag;
        }
        long start = System.nanoTime();
        new ImageFromDockerfile(tag, false)
                .withFileFromPath(".", context)
                .withBuildArg("BASE_IMAGE", base)
                .get();
        console.printf("[oomlab] built %s on %s in %.1f s%n", tag, base, (System.nanoTime() - start) / 1e9);
        images.removeOlder(WORKLOAD_REPOSITORY, WORKLOAD_REPOSITORY + ":jdk" + jdk + "-", tag);
        if (BaseImages.isOffline(base)) { // after the workload images that were built on them
            images.removeOlder(BaseImages.OFFLINE_BASE_REPOSITORY, BaseImages.offlinePrefix(jdk), base);
        }
        return tag;
    }

    /**
     * The folder the workload image is built from: the Dockerfile, the workloads jar, {@code graal/} with the
     * Graal jars for this JDK (empty if the build fetched none) and {@code lib/} with libjemalloc from this
     * host when it has one. Staged afresh each time in the build's own folder, so nothing is left in /tmp.
     */
    private Path stageBuildContext(int jdk) {
        try {
            Path context = imageParts.resolve("jdk" + jdk).resolve("context");
            if (Files.exists(context)) {
                try (Stream<Path> old = Files.walk(context)) {
                    for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(context);
            Files.copy(dockerfiles.resolve(DOCKERFILE), context.resolve("Dockerfile"));
            Files.copy(workloadsJar, context.resolve("oomlab-workloads.jar"));
            Path graal = Files.createDirectories(context.resolve("graal"));
            Path graalJars = imageParts.resolve("jdk" + jdk).resolve("graal");
            if (Files.isDirectory(graalJars)) {
                for (Path jar : filesUnder(graalJars)) {
                    Files.copy(jar, graal.resolve(jar.getFileName()));
                }
            }
            Path profiler = Files.createDirectories(context.resolve("profiler"));
            Path profilerJars = imageParts.resolve("profiler");
            if (Files.isDirectory(profilerJars)) {
                for (Path jar : filesUnder(profilerJars)) {
                    extract(jar, ASYNC_PROFILER_LIBRARY, profiler.resolve("libasyncProfiler.so"));
                }
            }
            Path lib = Files.createDirectories(context.resolve("lib"));
            if (Files.isRegularFile(HOST_JEMALLOC)) {
                Files.copy(HOST_JEMALLOC, lib.resolve(HOST_JEMALLOC.getFileName()));
            }
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file out of a jar: async-profiler ships its agent for each platform inside its jar. */
    private static void extract(Path jar, String entry, Path target) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            java.util.zip.ZipEntry found = zip.getEntry(entry);
            if (found != null) {
                try (java.io.InputStream in = zip.getInputStream(found)) {
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<Path> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package oomlab.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import oomlab.Settings;
import oomlab.process.ProcessRunner;
import oomlab.process.ProcessRunner.ProcessResult;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The images runs use, built once and then found again by content: a tag carries a hash of everything
 * that went into the image, so an unchanged lab reuses its images and a changed jar or Dockerfile gets
 * a new one. Nothing here ever needs a registry; one is used when it answers.
 */
public final class LabImages {
    private static final String PUBLIC_JDK_IMAGE = "eclipse-temurin:%d-jdk";
    private static final String DOCKERFILE = "workload.Dockerfile";
    private static final String OFFLINE_BASE_SCRIPT = "build-offline-base.sh";
    private static final String OFFLINE_BASE_REPOSITORY = "oomlab/jdk";
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");
    private static final String ASYNC_PROFILER_LIBRARY = "linux-x64/libasyncProfiler.so";
    private static final Path HOST_JEMALLOC = Path.of("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");

    private final DockerClient docker;
    private final Path dockerfiles;
    private final Path workloadsJar;
    private final Path imageParts;
    private final boolean registryReachable;
    private final Map<Integer, String> chosenBaseImages;
    private final Map<Integer, Path> chosenJdkHomes;
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
        this.docker = docker;
        this.dockerfiles = dockerfiles;
        this.workloadsJar = workloadsJar;
        this.imageParts = imageParts;
        this.registryReachable = registryReachable;
        this.chosenBaseImages = Map.copyOf(chosenBaseImages);
        this.chosenJdkHomes = Map.copyOf(chosenJdkHomes);
    }

    /** What the harness's jar carries of dockerfiles/ (resources under oomlab/dockerfiles/). */
    static final List<String> DOCKERFILES = List.of(DOCKERFILE, OFFLINE_BASE_SCRIPT);

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
        String base = baseImage(jdk);
        String baseId = docker.inspectImageCmd(base).exec().getId();
        Path context = stageBuildContext(jdk);
        String tag = "oomlab/workloads:jdk" + jdk + "-" + hash(filesUnder(context), baseId);
        if (exists(tag)) {
            return tag;
        }
        long start = System.nanoTime();
        new ImageFromDockerfile(tag, false)
                .withFileFromPath(".", context)
                .withBuildArg("BASE_IMAGE", base)
                .get();
        console.printf("[oomlab] built %s on %s in %.1f s%n", tag, base, (System.nanoTime() - start) / 1e9);
        removeOlder("oomlab/workloads", "oomlab/workloads:jdk" + jdk + "-", tag);
        if (base.startsWith(OFFLINE_BASE_REPOSITORY + ":")) { // after the workload images that were built on them
            removeOlder(OFFLINE_BASE_REPOSITORY, OFFLINE_BASE_REPOSITORY + ":" + jdk + "-local-", base);
        }
        return tag;
    }

    /**
     * Every change of the jar (or of the offline base script) makes a new image; the ones it replaces would only
     * fill the disk.
     */
    private void removeOlder(String repository, String prefix, String current) {
        for (var image : docker.listImagesCmd().withImageNameFilter(repository).exec()) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                if (tag.startsWith(prefix) && !tag.equals(current)) {
                    try {
                        docker.removeImageCmd(tag).exec();
                    } catch (RuntimeException e) {
                        // still in use by a container somewhere: leave it
                    }
                }
            }
        }
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

    /**
     * A JDK base image: the one named by -Doomlab.baseImage.&lt;jdk&gt;, else the public JDK image (present
     * or pulled), else one built here from a JDK on this machine.
     */
    String baseImage(int jdk) {
        String chosen = chosenBaseImages.get(jdk);
        if (chosen != null) {
            // yours, from your registry: pulled when it is not here yet (a CI machine starts with none)
            if (!exists(chosen)) {
                console.printf("[oomlab] pulling the base image %s (-Doomlab.baseImage.%d) ...%n", chosen, jdk);
                long start = System.nanoTime();
                if (!pulled(chosen)) {
                    throw new IllegalStateException("-Doomlab.baseImage." + jdk + "=" + chosen + ": not on this"
                            + " machine and it could not be pulled (is the registry reachable, and the name right?)");
                }
                console.printf("[oomlab] pulled %s in %.1f s%n", chosen, (System.nanoTime() - start) / 1e9);
            }
            return chosen;
        }
        String publicImage = PUBLIC_JDK_IMAGE.formatted(jdk);
        if (exists(publicImage) || registryReachable && pulled(publicImage)) {
            return publicImage;
        }
        return offlineBaseImage(jdk);
    }

    private String offlineBaseImage(int jdk) {
        Path jdkHome = localJdk(jdk, chosenJdkHomes.get(jdk)).orElseThrow(() -> new IllegalStateException(
                "No registry is reachable and no JDK " + jdk + " with jlink was found under " + JVM_DIR
                        + " (or -Doomlab.jdkHome." + jdk + "): cannot build a base image for JDK " + jdk));
        Path script = dockerfiles.resolve(OFFLINE_BASE_SCRIPT);
        String tag = OFFLINE_BASE_REPOSITORY + ":" + jdk + "-local-" + hash(List.of(script, jdkHome.resolve("release")), jdkHome.toString());
        if (exists(tag)) {
            return tag;
        }
        console.printf("[oomlab] no registry: building base image %s from %s ...%n", tag, jdkHome);
        long start = System.nanoTime();
        run(List.of("bash", script.toString(), jdkHome.toString(), tag));
        console.printf("[oomlab] built %s in %.1f s%n", tag, (System.nanoTime() - start) / 1e9);
        return tag;
    }

    public static Optional<Path> localJdk(int jdk, Path chosen) {
        if (chosen != null) {
            return Optional.of(chosen);
        }
        if (!Files.isDirectory(JVM_DIR)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JVM_DIR)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/jlink")))
                    .filter(home -> !Files.isSymbolicLink(home))
                    .filter(home -> majorVersion(home).equals(Optional.of(jdk)))
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** From the JDK's release file: JAVA_VERSION="17.0.15" gives 17. */
    private static Optional<Integer> majorVersion(Path home) {
        try {
            return Files.readAllLines(home.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(version -> Integer.parseInt(version.split("[.+-]")[0]))
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean exists(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private boolean pulled(String image) {
        // docker-java's own callback logs a failed pull as an ERROR with a stack trace (on a host that was never
        // meant to reach the registry, on every run): this one keeps the error and the lab says it in one line
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            docker.pullImageCmd(image).exec(new com.github.dockerjava.api.command.PullImageResultCallback() {
                @Override
                public void onError(Throwable error) {
                    failed.compareAndSet(null, error);
                    try {
                        close();
                    } catch (java.io.IOException e) {
                        // closing a finished stream
                    }
                }
            }).awaitCompletion(10, TimeUnit.MINUTES);
            if (failed.get() != null) {
                console.printf("[oomlab] could not pull %s (%s)%n", image, failed.get().getMessage().strip());
                return false;
            }
            return exists(image);
        } catch (RuntimeException e) {
            console.printf("[oomlab] could not pull %s (%s)%n", image, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run(List<String> command) {
        ProcessResult result = ProcessRunner.run(command, Settings.BASE_IMAGE_BUILD_TIMEOUT);
        if (!result.succeeded()) {
            throw new IllegalStateException("building a base image failed: " + result.describe());
        }
        result.output().lines().forEach(line -> console.println("[oomlab]   " + line));
    }

    private static String hash(List<Path> files, String extra) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            sha.update(extra.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

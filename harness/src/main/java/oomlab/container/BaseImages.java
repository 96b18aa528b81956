package oomlab.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import oomlab.Settings;
import oomlab.process.ProcessRunner;
import oomlab.process.ProcessRunner.ProcessResult;

/**
 * Which JDK image a run's image is built on, per major version: yours (-Doomlab.baseImage.N, pulled from your
 * registry when it is not here), else the public JDK image (here, or pulled when a registry answers), else one
 * built on this machine from a local JDK with jlink (the offline base: no registry needed at all).
 */
public final class BaseImages {
    static final String PUBLIC_JDK_IMAGE = "eclipse-temurin:%d-jdk";
    static final String OFFLINE_BASE_SCRIPT = "build-offline-base.sh";
    static final String OFFLINE_BASE_REPOSITORY = "oomlab/jdk";
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private final DockerImages images;
    private final Path dockerfiles;
    private final boolean registryReachable;
    private final Map<Integer, String> chosenBaseImages;
    private final Map<Integer, Path> chosenJdkHomes;
    private final oomlab.console.Console console;

    /**
     * @param dockerfiles      where the offline base image's script is
     * @param chosenBaseImages a JDK base image of the user's per JDK major version (-Doomlab.baseImage.N)
     * @param chosenJdkHomes   a local JDK per major version to build an offline base image from (-Doomlab.jdkHome.N)
     */
    BaseImages(DockerImages images, Path dockerfiles, boolean registryReachable, Map<Integer, String> chosenBaseImages,
               Map<Integer, Path> chosenJdkHomes, oomlab.console.Console console) {
        this.images = images;
        this.dockerfiles = dockerfiles;
        this.registryReachable = registryReachable;
        this.chosenBaseImages = Map.copyOf(chosenBaseImages);
        this.chosenJdkHomes = Map.copyOf(chosenJdkHomes);
        this.console = console;
    }

    /** Whether this base is one the lab built here (its older builds are removed after the images on them). */
    static boolean isOffline(String base) {
        return base.startsWith(OFFLINE_BASE_REPOSITORY + ":");
    }

    /** The tags of this JDK's offline base images (the current one and those it replaced). */
    static String offlinePrefix(int jdk) {
        return OFFLINE_BASE_REPOSITORY + ":" + jdk + "-local-";
    }

    /**
     * A JDK base image: the one named by -Doomlab.baseImage.&lt;jdk&gt;, else the public JDK image (present
     * or pulled), else one built here from a JDK on this machine.
     */
    String forJdk(int jdk) {
        String chosen = chosenBaseImages.get(jdk);
        if (chosen != null) {
            // yours, from your registry: pulled when it is not here yet (a CI machine starts with none)
            if (!images.exists(chosen)) {
                console.printf("[oomlab] pulling the base image %s (-Doomlab.baseImage.%d) ...%n", chosen, jdk);
                long start = System.nanoTime();
                if (!images.pulled(chosen)) {
                    throw new IllegalStateException("-Doomlab.baseImage." + jdk + "=" + chosen + ": not on this"
                            + " machine and it could not be pulled (is the registry reachable, and the name right?)");
                }
                console.printf("[oomlab] pulled %s in %.1f s%n", chosen, (System.nanoTime() - start) / 1e9);
            }
            return chosen;
        }
        String publicImage = PUBLIC_JDK_IMAGE.formatted(jdk);
        if (images.exists(publicImage) || registryReachable && images.pulled(publicImage)) {
            return publicImage;
        }
        return offlineBaseImage(jdk);
    }

    private String offlineBaseImage(int jdk) {
        Path jdkHome = localJdk(jdk, chosenJdkHomes.get(jdk)).orElseThrow(() -> new IllegalStateException(
                "No registry is reachable and no JDK " + jdk + " with jlink was found under " + JVM_DIR
                        + " (or -Doomlab.jdkHome." + jdk + "): cannot build a base image for JDK " + jdk));
        Path script = dockerfiles.resolve(OFFLINE_BASE_SCRIPT);
        String tag = offlinePrefix(jdk) + DockerImages.contentHash(List.of(script, jdkHome.resolve("release")),
                jdkHome.toString());
        if (images.exists(tag)) {
            return tag;
        }
        console.printf("[oomlab] no registry: building base image %s from %s ...%n", tag, jdkHome);
        long start = System.nanoTime();
        run(List.of("bash", script.toString(), jdkHome.toString(), tag));
        console.printf("[oomlab] built %s in %.1f s%n", tag, (System.nanoTime() - start) / 1e9);
        return tag;
    }

    /** The JDK of this major version on this machine (one with jlink under /usr/lib/jvm), or the one chosen. */
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

    private void run(List<String> command) {
        ProcessResult result = ProcessRunner.run(command, Settings.BASE_IMAGE_BUILD_TIMEOUT);
        if (!result.succeeded()) {
            throw new IllegalStateException("building a base image failed: " + result.describe());
        }
        result.output().lines().forEach(line -> console.println("[oomlab]   " + line));
    }
}

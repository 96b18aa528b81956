package oomlab.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * Docker through Testcontainers: the images built (or found) once per engine, runs by {@link TestcontainersRunner}.
 * Docker is first touched when an image is asked for, so that bad input fails before any engine is needed.
 */
public final class DockerEngine implements ContainerEngine {
    /**
     * How the lab's images are made (the settings' part of them).
     *
     * @param dockerfiles       the lab's Dockerfiles (a folder; from the jar where there is none)
     * @param imageParts        where the image's parts are staged
     * @param registryReachable whether base images can be pulled
     * @param baseImages        a JDK base image of the user's, per JDK
     * @param jdkHomes          a local JDK per JDK, for an offline base image
     * @param workloadsJar      the lab's workloads jar, copied into the image as it is
     * @param cacheRoot         beside the results: where files copied out of images and Dockerfiles from the jar go
     */
    public record ImageSettings(Path dockerfiles, Path imageParts, boolean registryReachable,
                                Map<Integer, String> baseImages, Map<Integer, Path> jdkHomes, Path workloadsJar,
                                Path cacheRoot) {
    }

    private final Invocation invocation;
    private final ImageSettings imageSettings;
    private final String environment;
    private final oomlab.console.Console console;
    private final boolean sweepLeftoversFirst;
    private final ContainerRunner runner;
    private LabImages images;

    /**
     * @param sweepLeftoversFirst remove what earlier lab runs left (Ryuk is off, so nothing else will)
     * @param dockerStatsSampler  sample through Docker's stats API even where the cgroup is visible
     * @param environment         the Testcontainers settings in force, said once when Docker is first touched
     * @param console             where the runs' progress and the images' making are said
     */
    public DockerEngine(Invocation invocation, ImageSettings imageSettings, boolean sweepLeftoversFirst,
                        boolean dockerStatsSampler, String environment, oomlab.console.Console console) {
        this.console = console;
        this.invocation = invocation;
        this.environment = environment;
        this.imageSettings = imageSettings;
        this.sweepLeftoversFirst = sweepLeftoversFirst;
        this.runner = new TestcontainersRunner(invocation, dockerStatsSampler, console);
    }

    @Override
    public synchronized String workloadImage(int jdk) {
        if (images == null) {
            console.println("[oomlab] Docker: " + environment);
            long start = System.nanoTime();
            var docker = DockerClientFactory.instance().client();
            if (sweepLeftoversFirst) {
                LeftoverSweeper.sweep(docker, console);
            }
            console.printf("[oomlab] Docker engine ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
            Path dockerfiles = Files.isDirectory(imageSettings.dockerfiles()) ? imageSettings.dockerfiles()
                    : LabImages.dockerfilesFromTheJar(imageSettings.cacheRoot().resolve("oomlab-dockerfiles"));
            images = new LabImages(docker, dockerfiles, imageSettings.workloadsJar(), imageSettings.imageParts(),
                    imageSettings.registryReachable(), imageSettings.baseImages(), imageSettings.jdkHomes(), console);
        }
        return images.workloadImage(jdk);
    }

    @Override
    public ContainerRunner runner() {
        return runner;
    }

    @Override
    public boolean answers() {
        return EngineCheck.answers(DockerClientFactory.instance().client());
    }

    @Override
    public void sweepOwn() {
        LeftoverSweeper.sweepOwn(DockerClientFactory.instance().client(), invocation, console);
    }

    @Override
    public Path copyOutOfImage(String image, List<String> paths) {
        return ImageFiles.copyOut(DockerClientFactory.instance().client(), image, paths,
                imageSettings.cacheRoot().resolve("oomlab-image-files"));
    }
}

package oomlab.container;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the lab's runs happen: the images its workloads run in, the runner that takes a container to its end, and
 * what it asks of the engine between runs. {@link DockerEngine} is the real one (Docker through Testcontainers);
 * the tests hand the lab one that replays recorded runs, so the whole run sequence — sessions, right-sizing, the
 * cure search's rounds, the JUnit extension — is tested without an engine.
 */
public interface ContainerEngine {
    /** The image the lab's workloads (and its load generator) run in on this JDK, made the first time it is asked. */
    String workloadImage(int jdk);

    /** Takes one container to its end. */
    ContainerRunner runner();

    /** Whether the engine answers now: a run is not started on one that has gone away. */
    boolean answers();

    /** This invocation's containers the engine kept when it stopped answering, removed (once it answers again). */
    void sweepOwn();

    /** Files out of an image (what jeprof needs of it), kept in a folder between runs. */
    Path copyOutOfImage(String image, List<String> paths);
}

package oomlab.container;

import com.github.dockerjava.api.command.InspectContainerResponse;

/**
 * Something that runs beside a run's container and may end the run before the container exits by itself: the
 * load on a service ({@link ServiceLoad}). Like Testcontainers' wait strategies it is a separate piece the run is
 * given, so {@link ContainerRun} knows nothing of what it does.
 */
public interface RunCompanion extends AutoCloseable {
    /** The container runs (called from the thread that waits for its end; may take a while). */
    void containerRunning(LabContainer container, InspectContainerResponse info);

    /** True when the companion's part is over: the run ends then, and the lab stops the container. */
    boolean finished();

    /** After the run's container is gone: stop and remove what the companion started. */
    @Override
    void close();
}

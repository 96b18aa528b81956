package oomlab.container;

/**
 * The container stage: runs one {@link ContainerSpec} to its end, sampling it from the host, and tells what it
 * knows besides the files the run wrote ({@link RawRun}). The lab's runner is {@link TestcontainersRunner}; the
 * stages after it read only the RawRun and the run's folder, which is what lets a recorded run be replayed.
 */
public interface ContainerRunner {
    /**
     * @param loadEnd asked while an until-steady load runs whether its answer is known ({@link LoadEnd#NEVER} for
     *                a fixed one)
     */
    RawRun run(ContainerSpec spec, LoadEnd loadEnd);
}

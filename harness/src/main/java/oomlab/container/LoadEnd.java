package oomlab.container;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a load's answer is known while it runs: asked by {@link ServiceLoad} every few seconds of an
 * until-steady load. The container stage only asks; the rule belongs to the analysis (which reads the run's files
 * as they are written), and the lab hands it in — so nothing here knows what "steady" means.
 */
@FunctionalInterface
public interface LoadEnd {
    /** A load with a fixed duration: it runs its course. */
    LoadEnd NEVER = (runDir, startedAtEpochMs, readyAfterMs) -> Optional.empty();

    /**
     * @param runDir           the run's folder, with its files as written so far
     * @param startedAtEpochMs Docker's start of the service's container
     * @param readyAfterMs     from that start until the service listened (the generator started then)
     * @return why the load may end now, in words; empty to go on
     */
    Optional<String> reached(Path runDir, long startedAtEpochMs, long readyAfterMs);
}

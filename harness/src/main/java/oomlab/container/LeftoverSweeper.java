package oomlab.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;

/**
 * Removes containers an earlier, interrupted lab invocation left behind. Ryuk does this where it can run;
 * where it cannot (no registry to pull it from), the lab sweeps its own label when it starts, but only the
 * containers whose owning invocation is gone ({@link Invocation#ownerAlive}): another invocation running on
 * the same host at the same time keeps its runs.
 */
public final class LeftoverSweeper {
    private LeftoverSweeper() {
    }

    public static int sweep(DockerClient docker, oomlab.console.Console console) {
        List<Container> labelled = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LabContainer.LABEL, "true")).exec();
        int removed = 0;
        int others = 0;
        for (Container container : labelled) {
            if (Invocation.ownerAlive(container.getLabels() == null ? Map.of() : container.getLabels())) {
                others++;
                continue;
            }
            docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
            removed++;
        }
        if (removed > 0) {
            console.printf("[oomlab] removed %d container(s) left over by an invocation that is gone%n", removed);
        }
        if (others > 0) {
            console.printf("[oomlab] %d container(s) of another invocation still running here: left alone%n",
                    others);
        }
        return removed;
    }

    /**
     * This invocation's own containers that are no longer running: left when the engine stopped answering in the
     * middle of a run (the lab could not remove the container then), removed as soon as an engine answers again.
     */
    public static int sweepOwn(DockerClient docker, Invocation invocation, oomlab.console.Console console) {
        List<Container> ours = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(invocation.labels()).exec();
        int removed = 0;
        for (Container container : ours) {
            if (!"running".equals(container.getState())) {
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                removed++;
            }
        }
        if (removed > 0) {
            console.printf("[oomlab] removed %d container(s) of this invocation left when the engine stopped"
                    + " answering%n", removed);
        }
        return removed;
    }
}

package oomlab.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;

/**
 * Removes containers an earlier, interrupted lab run left behind. Ryuk does this where it can run; where
 * it cannot (no registry to pull it from), the lab sweeps its own label when it starts.
 */
public final class LeftoverSweeper {
    private LeftoverSweeper() {
    }

    public static int sweep(DockerClient docker) {
        List<Container> leftovers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LabContainer.LABEL, "true")).exec();
        for (Container container : leftovers) {
            docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        }
        if (!leftovers.isEmpty()) {
            System.out.printf("[oomlab] removed %d container(s) left over from an earlier run%n", leftovers.size());
        }
        return leftovers.size();
    }
}

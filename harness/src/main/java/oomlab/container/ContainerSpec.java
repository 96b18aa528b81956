package oomlab.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import oomlab.scenario.Load;
import oomlab.scenario.MemorySize;

/**
 * One container to run, as the launch stage decided it: nothing of Docker or Testcontainers in it, so another
 * {@link ContainerRunner} can run the same spec, and the launch can be tested without an engine.
 *
 * @param label          the run's name in progress lines
 * @param command        the container's command
 * @param env            its environment (the configuration's, the profiler's, the lab's channel to its workloads)
 * @param readOnlyMounts host paths mounted read-only, by their path in the container
 * @param hardened       run with the lab's confinement (unprivileged user, read-only root, no capabilities);
 *                       false for a user's own image, whose own user and files the lab does not know
 * @param outputDir      the run's folder, mounted read-write where the JVM and the probe write their files
 * @param load           the load to put on the service once it listens; null without one
 * @param loadImage      the image the load generator runs in (null without a load)
 */
public record ContainerSpec(String label, String image, List<String> command, Map<String, String> env,
                            Map<Path, String> readOnlyMounts, boolean hardened, MemorySize cap, Duration timeout,
                            Path outputDir, Load load, String loadImage) {
    public ContainerSpec {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        readOnlyMounts = Map.copyOf(readOnlyMounts);
    }
}

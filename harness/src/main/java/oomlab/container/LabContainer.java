package oomlab.container;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import oomlab.scenario.MemorySize;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * A container as the lab runs them: a hard memory cap (memory = memory+swap, so nothing escapes to swap),
 * no network, no capabilities, no privilege escalation, a pids limit, and the label every lab resource
 * carries. Unlike most Testcontainers it is expected to die: starting never waits for it to be "ready".
 */
public class LabContainer extends GenericContainer<LabContainer> {
    public static final String LABEL = "oomlab";
    /** Enough for a JVM with thousands of threads, low enough to stop a fork bomb. */
    static final long DEFAULT_PIDS_LIMIT = 16_384;
    /** Not root, and no user of the host in particular (numeric: the image needs no /etc/passwd entry). */
    public static final String UNPRIVILEGED_USER = "10001:10001";
    static final String TMPFS_OPTIONS = "rw,nosuid,nodev,size=64m,mode=1777";

    private final List<Bind> binds = new ArrayList<>();
    private Consumer<InspectContainerResponse> onStarted = info -> { };
    private Consumer<String> onCreated = id -> { };

    public LabContainer(String image) {
        super(DockerImageName.parse(image));
        withLabel(LABEL, "true");
        withNetworkMode("none");
        withStartupCheckStrategy(new AnyStateIsStarted());
        withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPidsLimit(DEFAULT_PIDS_LIMIT)
                .withBinds(binds));
    }

    public LabContainer withMemoryCap(MemorySize cap) {
        return withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                .withMemory(cap.bytes())
                .withMemorySwap(cap.bytes()));
    }

    /**
     * The host folder the probe writes into, mounted at {@link oomlab.layout.RunFiles#IN_CONTAINER}. Set on the create
     * command directly: Testcontainers' own file binds first run a check container from a public image,
     * which on a host without a registry hangs for minutes before giving up.
     */
    public LabContainer withOutputDir(Path hostDir) {
        try { // the container's user is not the harness's: it must be able to write here
            java.nio.file.Files.setPosixFilePermissions(hostDir, java.nio.file.attribute.PosixFilePermissions
                    .fromString("rwxrwxrwx"));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot open " + hostDir + " to the container's user: " + e, e);
        }
        return withBind(hostDir, oomlab.layout.RunFiles.IN_CONTAINER, AccessMode.rw);
    }

    /**
     * The lab's own images run their JVM as an unprivileged user on a read-only root filesystem, with a small
     * tmpfs at /tmp (the JVM's perf data and any scratch file; what it holds is charged to the cap like any
     * memory). A user's image keeps its own user and filesystem: its program may need them.
     */
    public LabContainer withHardening() {
        return withCreateContainerCmdModifier(cmd -> {
            cmd.withUser(UNPRIVILEGED_USER);
            cmd.getHostConfig().withReadonlyRootfs(true).withTmpFs(Map.of("/tmp", TMPFS_OPTIONS));
        });
    }

    /** The invocation that owns the container, in its labels (see {@link LeftoverSweeper}). */
    public LabContainer withOwner(Invocation invocation) {
        return withLabels(invocation.labels());
    }

    /** A host file or folder, read-only: a user's jar, or the probe agent for a user's image. */
    public LabContainer withReadOnly(Path host, String containerPath) {
        return withBind(host, containerPath, AccessMode.ro);
    }

    private LabContainer withBind(Path host, String containerPath, AccessMode mode) {
        binds.add(new Bind(host.toAbsolutePath().toString(), new Volume(containerPath), mode));
        return this;
    }

    /** Called the moment the container runs, before anything waits: where sampling must begin. */
    public LabContainer onStarted(Consumer<InspectContainerResponse> callback) {
        this.onStarted = callback;
        return this;
    }

    /**
     * Called once Docker has created the container, before it is started: its cgroup appears when it starts, and
     * a sampler waiting for it then sees the JVM's first milliseconds.
     */
    public LabContainer onCreated(Consumer<String> callback) {
        this.onCreated = callback;
        return this;
    }

    @Override
    protected void containerIsCreated(String containerId) {
        onCreated.accept(containerId);
    }

    @Override
    protected void containerIsStarting(InspectContainerResponse containerInfo) {
        onStarted.accept(containerInfo);
    }

    /** The container may exit (or be killed) within a second of starting; that is a result, not a failure. */
    private static final class AnyStateIsStarted extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(com.github.dockerjava.api.DockerClient dockerClient,
                                               String containerId) {
            return StartupStatus.SUCCESSFUL;
        }
    }
}

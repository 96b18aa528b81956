package oomlab.container;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How a container was really confined, as Docker reports it ({@code docker inspect} at its start), not as the
 * lab asked: its user, root filesystem, network, capabilities, privileges, pids limit, memory and swap. The
 * judge checks it for every run of the lab's own images.
 */
public record Hardening(String user, boolean readOnlyRootfs, List<String> tmpfs, String network,
                        List<String> capDrop, List<String> securityOpt, long pidsLimit, long memoryBytes,
                        long memorySwapBytes, String invocation) {
    public Hardening {
        tmpfs = List.copyOf(tmpfs);
        capDrop = List.copyOf(capDrop);
        securityOpt = List.copyOf(securityOpt);
    }

    static Hardening of(InspectContainerResponse info) {
        HostConfig host = info.getHostConfig();
        Map<String, String> tmpfs = host.getTmpFs() == null ? Map.of() : host.getTmpFs();
        Map<String, String> labels = info.getConfig().getLabels() == null ? Map.of() : info.getConfig().getLabels();
        return new Hardening(info.getConfig().getUser() == null ? "" : info.getConfig().getUser(),
                Boolean.TRUE.equals(host.getReadonlyRootfs()), new ArrayList<>(tmpfs.keySet()),
                String.valueOf(host.getNetworkMode()),
                host.getCapDrop() == null ? List.of() : Arrays.stream(host.getCapDrop()).map(Capability::name).toList(),
                host.getSecurityOpts() == null ? List.of() : host.getSecurityOpts(),
                host.getPidsLimit() == null ? 0 : host.getPidsLimit(),
                host.getMemory() == null ? 0 : host.getMemory(), host.getMemorySwap() == null ? 0 : host.getMemorySwap(),
                labels.getOrDefault(Invocation.ID_LABEL, ""));
    }

    /**
     * What falls short of the lab's confinement; empty when nothing does.
     *
     * @param ownImage a user's image keeps its own user and a writable filesystem
     */
    public List<String> shortfalls(boolean ownImage) {
        List<String> missing = new ArrayList<>();
        if (!ownImage && (user.isEmpty() || user.equals("0") || user.startsWith("0:") || user.equals("root"))) {
            missing.add("runs as root");
        }
        if (!ownImage && !readOnlyRootfs) {
            missing.add("root filesystem writable");
        }
        if (!"none".equals(network)) {
            missing.add("network " + network);
        }
        if (!capDrop.contains("ALL")) {
            missing.add("capabilities not all dropped");
        }
        if (!securityOpt.contains("no-new-privileges")) {
            missing.add("no no-new-privileges");
        }
        if (pidsLimit <= 0) {
            missing.add("no pids limit");
        }
        if (memoryBytes <= 0 || memorySwapBytes != memoryBytes) {
            missing.add("memory+swap " + memorySwapBytes + " is not the memory cap " + memoryBytes);
        }
        if (invocation.isEmpty()) {
            missing.add("no owning invocation in its labels");
        }
        return missing;
    }
}

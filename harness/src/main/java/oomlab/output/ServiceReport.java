package oomlab.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the service workload said of each window, and per phase the figures the incident's trade-off is read
 * from: CPU in cores (mean of the phase's windows) and p99 latency (the worst window's).
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"windows", "steadyCpuCores", "steadyP99Ms",
        "afterDeployCpuCores", "afterDeployP99Ms"}) // a fixed order: the JVM lists methods in none
public record ServiceReport(List<ServiceWindow> windows) {

    public ServiceReport {
        windows = List.copyOf(windows);
    }

    /** Null where the workload reported no window (every workload but the service). */
    static ServiceReport fromEvents(WorkloadEvents events) {
        List<ServiceWindow> windows = events.ofKind("window").stream()
                .map(event -> WorkloadEvents.as(event, ServiceWindow.class)).toList();
        return windows.isEmpty() ? null : new ServiceReport(windows);
    }

    @JsonProperty
    public Double steadyCpuCores() {
        return mean("steady");
    }

    @JsonProperty
    public Double steadyP99Ms() {
        return worstP99("steady");
    }

    @JsonProperty
    public Double afterDeployCpuCores() {
        return mean("after-deploy");
    }

    @JsonProperty
    public Double afterDeployP99Ms() {
        return worstP99("after-deploy");
    }

    private Double mean(String phase) {
        OptionalDouble mean = windows.stream().filter(w -> w.phase().equals(phase)).mapToDouble(ServiceWindow::cpuCores)
                .average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }

    private Double worstP99(String phase) {
        OptionalDouble worst = windows.stream().filter(w -> w.phase().equals(phase)).mapToDouble(ServiceWindow::p99Ms)
                .max();
        return worst.isPresent() ? worst.getAsDouble() : null;
    }
}

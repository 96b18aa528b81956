package oomlab.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the service workload said of each window, and per phase the figures the incident's trade-off is read
 * from: CPU in cores (mean of the phase's windows) and p99 latency (the worst window's).
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"windows", "steadyCpuCores", "steadyP99Ms",
        "afterDeployCpuCores", "afterDeployP99Ms"}) // a fixed order: the JVM lists methods in none
public record ServiceReport(List<ServiceWindow> windows) {
    private static final String MARKER = "oomlab-window ";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ServiceReport {
        windows = List.copyOf(windows);
    }

    /** Null where the program printed no window (every workload but the service). */
    public static ServiceReport fromOutput(String containerLog) {
        List<ServiceWindow> windows = new ArrayList<>();
        for (String line : containerLog.lines().toList()) {
            int at = line.indexOf(MARKER);
            int end = at < 0 ? -1 : line.indexOf('}', at);
            if (end < 0) {
                continue;
            }
            try {
                windows.add(JSON.readValue(line.substring(at + MARKER.length(), end + 1), ServiceWindow.class));
            } catch (Exception e) {
                // a line cut short by the kill
            }
        }
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

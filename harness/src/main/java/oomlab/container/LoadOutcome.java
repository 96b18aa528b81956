package oomlab.container;

import java.util.List;

/**
 * How the load on a service went, as the container stage saw it (the generator's own numbers are in its log,
 * read by {@code oomlab.output.LoadReport}).
 *
 * @param network           how the generator reached the service
 * @param serviceInterfaces the network interfaces in the service's namespace, from its {@code /proc/<pid>/net/dev}
 * @param serviceRoutes     the service's routing table; null where it could not be read
 * @param ready             the service listened on its port within the load's readySeconds
 * @param readyAfterMs      from the container's start until it listened; -1 where it never did
 * @param endedEarly        an until-steady load the lab ended once its answer was known: why, in words (null for a
 *                          load that ran its course, or was cut short by the service's end)
 */
public record LoadOutcome(String network, List<String> serviceInterfaces, RouteTable serviceRoutes, boolean ready,
                          long readyAfterMs,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String endedEarly) {
    public LoadOutcome {
        serviceInterfaces = serviceInterfaces == null ? List.of() : List.copyOf(serviceInterfaces);
    }

    public LoadOutcome endedEarly(String why) {
        return new LoadOutcome(network, serviceInterfaces, serviceRoutes, ready, readyAfterMs, why);
    }

    /** The service could reach nothing beyond its own loopback: no interface but lo, no route at all. */
    @com.fasterxml.jackson.annotation.JsonProperty("isolated")
    public boolean isolated() {
        return serviceInterfaces.equals(List.of("lo")) && serviceRoutes != null && serviceRoutes.routes().isEmpty();
    }

    /** What the service could reach, as the check, the console and the report tell it. */
    public String reach() {
        return "interfaces " + serviceInterfaces + ", routes " + (serviceRoutes == null ? "unknown" : serviceRoutes.routes());
    }
}

package oomlab.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the lab tells that a service under load has no way out, from the kernel's own tables. */
class ServiceNetworkTest {
    private static final String HEADER =
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n";

    @Test
    void aContainerOnABridgeHasADefaultRoute() {
        RouteTable table = RouteTable.parse(HEADER
                + "eth0\t00000000\t010012AC\t0003\t0\t0\t0\t00000000\t0\t0\t0\n"
                + "eth0\t000012AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n", "test");

        assertThat(table.routes()).containsExactly("eth0 0.0.0.0/0 via 172.18.0.1", "eth0 172.18.0.0/16");
        assertThat(table.defaultRoute()).isTrue();
    }

    @Test
    void aServiceWithOnlyLoopbackAndNoRouteIsIsolated() {
        String netDev = """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:  123456     789    0    0    0     0          0         0   123456     789    0    0    0     0       0          0
                """;
        RouteTable none = RouteTable.parse(HEADER, "test");

        assertThat(ServiceLoad.interfaces(netDev)).containsExactly("lo");
        assertThat(new LoadOutcome("container:abc", List.of("lo"), none, true, 1200, null).isolated()).isTrue();
        assertThat(new LoadOutcome("container:abc", List.of("lo", "eth0"), none, true, 1200, null).isolated())
                .isFalse();
        assertThat(new LoadOutcome("container:abc", List.of("lo"), null, true, 1200, null).isolated()).isFalse();
    }
}

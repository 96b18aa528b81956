package oomlab.container;

import java.util.ArrayList;
import java.util.List;

/**
 * A network namespace's IPv4 routes as the kernel lists them in {@code /proc/<pid>/net/route} (hexadecimal,
 * little-endian). A container with no default route (destination 0.0.0.0) cannot reach anything beyond the
 * networks it is on: that is how the lab shows a service under load has no way out.
 *
 * @param routes       one line per route, e.g. {@code eth0 172.18.0.0/16}
 * @param defaultRoute true when one of them is a default route
 * @param source       where the table was read
 */
public record RouteTable(List<String> routes, boolean defaultRoute, String source) {
    public RouteTable {
        routes = List.copyOf(routes);
    }

    public static RouteTable parse(String procNetRoute, String source) {
        List<String> routes = new ArrayList<>();
        boolean defaultRoute = false;
        for (String line : procNetRoute.lines().skip(1).toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 8) {
                continue;
            }
            long destination = Long.parseLong(fields[1], 16);
            long mask = Long.parseLong(fields[7], 16);
            long gateway = Long.parseLong(fields[2], 16);
            defaultRoute |= destination == 0 && mask == 0;
            routes.add(fields[0] + " " + address(destination) + "/" + Long.bitCount(mask)
                    + (gateway == 0 ? "" : " via " + address(gateway)));
        }
        return new RouteTable(routes, defaultRoute, source);
    }

    /** /proc prints the address in the host's byte order (little-endian on x86): 0012A8C0 is 192.168.18.0. */
    private static String address(long littleEndian) {
        return (littleEndian & 0xff) + "." + (littleEndian >> 8 & 0xff) + "." + (littleEndian >> 16 & 0xff) + "."
                + (littleEndian >> 24 & 0xff);
    }
}

package oomlab.examples;

import io.javalin.Javalin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP service of the kind users bring: {@code GET /hello}, and {@code GET /report/{id}}, which renders a
 * report once and keeps it in an in-memory cache of the most recently used ones — the heap it needs grows with
 * the traffic until the cache is full, as in many real services.
 *
 * <p>{@code --port=8080 --cache-entries=5000 --report-kb=32}
 */
public final class HelloService {
    private HelloService() {
    }

    public static void main(String[] args) {
        int port = option(args, "port", 8080);
        int cacheEntries = option(args, "cache-entries", 5000);
        int reportKb = option(args, "report-kb", 32);
        Map<String, String> reports = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > cacheEntries;
            }
        });
        Javalin.create()
                .get("/hello", ctx -> ctx.result("hello"))
                .get("/report/{id}", ctx -> ctx.result(reports.computeIfAbsent(ctx.pathParam("id"),
                        id -> render(id, reportKb))))
                .start(port);
    }

    private static String render(String id, int kilobytes) {
        StringBuilder report = new StringBuilder(kilobytes * 1024);
        for (int line = 0; report.length() < kilobytes * 1024; line++) {
            report.append("report ").append(id).append(" line ").append(line).append(": ")
                    .append(Integer.toHexString((id.hashCode() * 31 + line) * 0x9E3779B9)).append('\n');
        }
        return report.toString();
    }

    private static int option(String[] args, String name, int defaultValue) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 3));
            }
        }
        return defaultValue;
    }
}

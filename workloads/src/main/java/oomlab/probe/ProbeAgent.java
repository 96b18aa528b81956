package oomlab.probe;

import java.nio.file.Path;

/**
 * Starts the {@link Probe} inside any JVM, as {@code -javaagent:oomlab-workloads.jar=out=/path,intervalMs=250,uncaught=/path}.
 * Being an agent keeps the workloads (and users' own programs) unaware of the measuring, as JMH keeps
 * benchmarks unaware of the harness.
 */
public final class ProbeAgent {
    private ProbeAgent() {
    }

    public static void premain(String agentArgs) {
        String out = null;
        String uncaught = null;
        long intervalMs = 250;
        if (agentArgs != null) {
            for (String part : agentArgs.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2) {
                    continue;
                }
                switch (kv[0].trim()) {
                    case "out" -> out = kv[1].trim();
                    case "intervalMs" -> intervalMs = Long.parseLong(kv[1].trim());
                    case "uncaught" -> uncaught = kv[1].trim();
                    default -> System.err.println("oomlab probe: ignoring unknown agent option " + kv[0]);
                }
            }
        }
        if (uncaught != null) {
            UncaughtRecorder.install(Path.of(uncaught));
        }
        if (out == null) {
            System.err.println("oomlab probe: no out=<file> given, probe not started");
            return;
        }
        Probe.start(Path.of(out), intervalMs);
    }
}

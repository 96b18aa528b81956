package oomlab.result;

import java.util.List;
import java.util.Map;

/**
 * Which run this was and exactly what was started: the scenario's fixed parts and the configuration's
 * flags and environment, as they reached the container.
 *
 * @param config     the configuration's name (c2, c1, ...)
 * @param runName    the name of the run's folder: the configuration, with {@code -jdk<N>} for a scenario's
 *                   second JDK
 * @param jdkVersion the JDK's full version as the JVM reported it (e.g. 17.0.15+6-Debian-1deb12u1), or the
 *                   major version when the JVM never reported one
 * @param program    the built-in workload's name, or what the user's program is (a jar, coordinates, an image)
 * @param jvmFlags   every flag the JVM got: the lab's (NMT, probe), the heap, the scenario's, the configuration's
 * @param args       the program's own arguments
 * @param command    the container's command as started
 */
public record RunIdentity(
        String scenario,
        String config,
        String runName,
        int jdkMajor,
        String jdkVersion,
        String program,
        String image,
        long capBytes,
        long heapBytes,
        int timeoutSeconds,
        List<String> jvmFlags,
        Map<String, String> env,
        List<String> args,
        List<String> command) {

    public RunIdentity {
        jvmFlags = List.copyOf(jvmFlags);
        env = Map.copyOf(env);
        args = List.copyOf(args);
        command = List.copyOf(command);
    }

    /** The same run, with the JDK's full version as the JVM reported it. */
    public RunIdentity withJdkVersion(String version) {
        return new RunIdentity(scenario, config, runName, jdkMajor, version, program, image, capBytes, heapBytes,
                timeoutSeconds, jvmFlags, env, args, command);
    }

    /** "17.0.15" from "17.0.15+6-Debian-1deb12u1": the version people compare, without the build. */
    public String jdkShortVersion() {
        String version = jdkVersion == null || jdkVersion.isBlank() ? Integer.toString(jdkMajor) : jdkVersion;
        int build = version.indexOf('+');
        return build < 0 ? version : version.substring(0, build);
    }

    public String displayName() {
        return scenario + " / " + runName;
    }
}

package oomlab.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which JIT compilers really compiled, from what the JVM printed: {@code -XX:+CITime}'s per-compiler lines
 * at exit (e.g. {@code C2 {speed: ...; standard: 1.2 s, 5 bytes, 44 methods; osr: ..., 10 methods; ...}})
 * and Graal's ShowConfiguration line at its first compilation. A run killed before the end has no CITime
 * block; the Graal line survives the kill.
 */
public record JitEvidence(Map<String, Long> compiledMethods, List<String> evidence, Compilations compilations) {
    public JitEvidence {
        compiledMethods = Map.copyOf(compiledMethods);
        evidence = List.copyOf(evidence);
    }

    private static final Pattern CITIME_COMPILER =
            Pattern.compile("^\\s*(C1|C2|JVMCI|JVMCI-native)\\s*\\{speed:.*?standard:[^,]*,[^,]*,\\s*(\\d+) methods;"
                    + "\\s*osr:[^,]*,[^,]*,\\s*(\\d+) methods");

    public static JitEvidence fromOutput(String containerLog) {
        Map<String, Long> methods = new LinkedHashMap<>();
        List<String> evidence = containerLog.lines().filter(line -> {
            Matcher m = CITIME_COMPILER.matcher(line);
            if (m.find()) {
                methods.put(m.group(1), Long.parseLong(m.group(2)) + Long.parseLong(m.group(3)));
                return true;
            }
            return line.startsWith("Using ") && line.contains("compiler") // Graal's ShowConfiguration
                    || line.contains("JVMCI") && line.contains("Error");
        }).map(String::strip).toList();
        return new JitEvidence(methods, evidence, Compilations.fromOutput(containerLog));
    }
}

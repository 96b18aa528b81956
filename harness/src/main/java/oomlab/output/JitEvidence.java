package oomlab.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which JIT compilers really compiled, from what the JVM wrote to its own files: {@code -XX:+CITime}'s per-compiler lines
 * at exit (e.g. {@code C2 {speed: ...; standard: 1.2 s, 5 bytes, 44 methods; osr: ..., 10 methods; ...}})
 * and Graal's ShowConfiguration line at its first compilation. A run killed before the end has no CITime
 * block; the Graal line survives the kill. Also what the JIT reported that changes how a run reads
 * ({@link JitFinding}: a compiler disabled by a full code cache, a compilation over its MemLimit) and, when the
 * workload marked a moment, the code made not entrant around it ({@link DeoptWindow}).
 */
public record JitEvidence(Map<String, Long> compiledMethods, List<String> evidence, Compilations compilations,
                          List<JitFinding> findings, DeoptWindow deopt) {
    public JitEvidence {
        compiledMethods = Map.copyOf(compiledMethods);
        evidence = List.copyOf(evidence);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public JitEvidence(Map<String, Long> compiledMethods, List<String> evidence, Compilations compilations) {
        this(compiledMethods, evidence, compilations, List.of(), null);
    }

    /** True when the JVM said this (a {@link JitFinding} kind). */
    public boolean found(String kind) {
        return findings.stream().anyMatch(finding -> finding.kind().equals(kind));
    }

    private static final Pattern CITIME_COMPILER =
            Pattern.compile("^\\s*(C1|C2|JVMCI|JVMCI-native)\\s*\\{speed:.*?standard:[^,]*,[^,]*,\\s*(\\d+) methods;"
                    + "\\s*osr:[^,]*,[^,]*,\\s*(\\d+) methods");

    /**
     * From the JVM's own files: its tty output (CITime, Graal's configuration line, MemStat, MemLimit), its
     * compilation log, its unified-logging warnings (the code cache's), and the workload's phase event.
     */
    public static JitEvidence of(List<String> tty, List<String> compilationLog, List<String> warnings,
                                 WorkloadEvents events) {
        Map<String, Long> methods = new LinkedHashMap<>();
        List<String> evidence = tty.stream().filter(line -> {
            Matcher m = CITIME_COMPILER.matcher(line);
            if (m.find()) {
                methods.put(m.group(1), Long.parseLong(m.group(2)) + Long.parseLong(m.group(3)));
                return true;
            }
            return line.startsWith("Using ") && line.contains("compiler") // Graal's ShowConfiguration
                    || line.contains("JVMCI") && line.contains("Error");
        }).map(String::strip).toList();
        Compilations compilations = Compilations.fromLog(compilationLog, tty);
        List<String> said = new java.util.ArrayList<>(warnings);
        said.addAll(tty);
        return new JitEvidence(methods, evidence, compilations, JitFinding.fromOutput(said),
                DeoptWindow.of(events, compilations).orElse(null));
    }
}

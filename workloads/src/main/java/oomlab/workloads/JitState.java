package oomlab.workloads;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What the JIT has done so far, by the JVM's own account from inside the process: the compiled code in use
 * ({@code jcmd Compiler.codelist}, through the DiagnosticCommand MBean, ~1 ms for a few thousand methods) and
 * the compilers' total time (the compilation MXBean). The workloads ask it instead of waiting a fixed time,
 * which would measure the machine's speed rather than the JIT's progress.
 */
final class JitState {
    private static final CompilationMXBean COMPILATION = ManagementFactory.getCompilationMXBean();
    /** Compiler.codelist's level for optimised code (C2's, or under Graal, JVMCI's). */
    private static final String OPTIMISED_LEVEL = "4";
    /** Compiler.codelist's state for code in use: 0 on JDK 17 (in_use) and JDK 25 alike. */
    private static final String IN_USE = "0";

    private JitState() {
    }

    /** Milliseconds the compilers have spent so far; -1 where the JVM does not tell. */
    static long compilationMs() {
        return COMPILATION != null && COMPILATION.isCompilationTimeMonitoringSupported()
                ? COMPILATION.getTotalCompilationTime() : -1;
    }

    /**
     * Whether the JVM has disabled its compilers, by its own word ({@code jcmd Compiler.codecache}: "compilation:
     * disabled (not enough contiguous free space left)" once the code cache is full, until the sweeper frees room).
     */
    static boolean compilationDisabled() throws JMException {
        return diagnosticCommand("compilerCodecache").contains("compilation: disabled");
    }

    private static String diagnosticCommand(String operation) throws JMException {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    /**
     * How many distinct classes whose name starts with {@code classPrefix} have optimised code in use for their
     * method {@code method}. Each line of the code list is {@code <compile id> <level> <state> <class>.<method>(<sig>)
     * [addresses]}.
     */
    static int optimised(String classPrefix, String method) throws JMException {
        String list = diagnosticCommand("compilerCodelist");
        String suffix = "." + method + "(";
        return (int) list.lines()
                .map(line -> line.split(" ", 5))
                .filter(f -> f.length == 5 && f[1].equals(OPTIMISED_LEVEL) && f[2].equals(IN_USE)
                        && f[3].startsWith(classPrefix) && f[3].contains(suffix))
                .map(f -> f[3].substring(0, f[3].indexOf(suffix)))
                .distinct()
                .count();
    }
}

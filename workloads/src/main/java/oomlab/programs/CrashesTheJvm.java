package oomlab.programs;

/**
 * Crashes the JVM for real: writes to address 0 through the JDK's internal Unsafe (needs
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}), so the JVM dies of SIGSEGV and writes its crash
 * report (hs_err), which the lab must keep and link.
 */
public final class CrashesTheJvm {
    private CrashesTheJvm() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        System.out.println("writing to address 0");
        unsafeClass.getMethod("putLong", long.class, long.class).invoke(unsafe, 0L, 42L);
        System.out.println("still here?");
    }
}

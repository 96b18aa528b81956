package oomlab.workloads;

import static org.objectweb.asm.Opcodes.*;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * A deoptimisation storm (seed 004): hot call sites that the JIT compiled as monomorphic turn megamorphic.
 *
 * <p>{@code callers} generated classes each have one method with {@code sites} call sites of
 * {@link Shape#apply}. During the warm-up every call passes the same receiver type, so the JIT inlines it (C2
 * even without a type check, while only one implementation is loaded). The warm-up lasts until the JIT has
 * compiled what the storm is about to throw away, by the JVM's own account ({@link JitState}): every caller
 * has optimised (tier-4) code in use, or the JVM has disabled compilation (a full code cache), or the callers'
 * optimised count and the compilers have been quiet for {@code quiet-ms}, or {@code max-warmup-s} has passed. A fixed
 * warm-up measured the machine's speed instead: on a slow or busy machine C2 had compiled few callers by 8 s,
 * and there was hardly any optimised code to make not entrant. Then the receiver
 * types arrive in waves: every {@code wave-s} seconds one more implementation is loaded (a new class) and the
 * callers are driven with all the types loaded so far. The code compiled for one type is made not entrant
 * and compiled again (bimorphic, then megamorphic), and the thrown-away code sits in the code cache until it
 * is freed: with a small code cache the JVM reports "CodeCache is full. Compiler has been disabled".
 *
 * <p>When the waves start it reports a {@code phase} event {@code {"name":"megamorphic","uptimeMs":...,
 * "optimised":...,"of":...,"warmupMs":...,"because":...}} with the JVM's uptime (the clock of the JVM's own
 * compilation log, so the lab can count what was made not entrant before and after), how many callers had
 * optimised code in use at the switch, and why the warm-up ended.
 */
public final class DeoptStorm implements Workload {
    private static final String SHAPE = Type.getInternalName(Shape.class);
    private static final String CALLER = Type.getInternalName(Caller.class);

    /** What the generated callers implement: the driver calls them through it. */
    public interface Caller {
        int call(Shape shape, int x);
    }

    @Override
    public long run(Args args) throws Exception {
        int callers = args.getInt("callers", 400);
        int sites = args.getInt("sites", 8);
        int maxWarmupS = args.getInt("max-warmup-s", 60);
        int quietMs = args.getInt("quiet-ms", 2000);
        int waves = args.getInt("waves", 4);
        int waveS = args.getInt("wave-s", 3);
        GeneratedClassLoader loader = new GeneratedClassLoader();
        List<Caller> generated = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            generated.add((Caller) loader.define("oomlab.generated.Caller" + i, callerBytes(i, sites))
                    .getDeclaredConstructor().newInstance());
        }
        List<Shape> receivers = new ArrayList<>();
        receivers.add(receiver(loader, 0));
        Warmup warmup = warmUp(generated, receivers, maxWarmupS, quietMs);
        long calls = warmup.calls();
        Events.emit("phase", "{\"name\":\"megamorphic\",\"uptimeMs\":"
                + ManagementFactory.getRuntimeMXBean().getUptime() + ",\"optimised\":" + warmup.optimised()
                + ",\"of\":" + callers + ",\"warmupMs\":" + warmup.elapsedMs() + ",\"because\":\""
                + warmup.because() + "\"}");
        System.out.println("deopt-storm: switching after " + warmup.elapsedMs() + " ms, " + warmup.optimised()
                + " of " + callers + " callers optimised (" + warmup.because() + ")");
        for (int wave = 1; wave <= waves; wave++) {
            receivers.add(receiver(loader, wave));
            System.out.println("deopt-storm: wave " + wave + ", " + receivers.size() + " receiver types");
            calls += drive(generated, receivers, waveS * 1000L);
        }
        return calls;
    }

    /** How the warm-up ended: the calls made, the callers with optimised code in use, and why it ended. */
    record Warmup(long calls, int optimised, long elapsedMs, String because) {
    }

    /**
     * Drives the callers with one receiver type until the JIT has compiled them (see the class comment), looking
     * at the JVM's compiled code every {@value #LOOK_MS} ms.
     */
    private static Warmup warmUp(List<Caller> callers, List<Shape> receivers, int maxWarmupS, int quietMs)
            throws Exception {
        long start = System.nanoTime();
        long calls = 0;
        int optimised = 0;
        long lastChange = start;
        long compileMsAtChange = JitState.compilationMs();
        while (true) {
            calls += drive(callers, receivers, LOOK_MS);
            long now = System.nanoTime();
            long elapsedMs = (now - start) / 1_000_000;
            int seen = JitState.optimised(CALLER_CLASS_PREFIX, "call");
            if (seen >= callers.size()) {
                return new Warmup(calls, seen, elapsedMs, "every caller optimised");
            }
            if (JitState.compilationDisabled()) {
                // the code cache is full: nothing more is compiled until the sweeper frees room, so what is
                // compiled now is what there is to throw away
                return new Warmup(calls, seen, elapsedMs, "the JVM disabled compilation (code cache full)");
            }
            if (seen != optimised) {
                optimised = seen;
                lastChange = now;
                compileMsAtChange = JitState.compilationMs();
            } else if ((now - lastChange) / 1_000_000 >= quietMs
                    && JitState.compilationMs() - compileMsAtChange < quietMs / 20) {
                // neither the callers' optimised code nor the compilers moved (busy < 5% of the time): nothing
                // more will be compiled, e.g. the code cache is full and the compiler disabled
                return new Warmup(calls, seen, elapsedMs, "the JIT went quiet");
            }
            if (elapsedMs >= maxWarmupS * 1000L) {
                return new Warmup(calls, seen, elapsedMs, "the warm-up's bound of " + maxWarmupS + " s");
            }
        }
    }

    private static final int LOOK_MS = 250;
    private static final String CALLER_CLASS_PREFIX = "oomlab.generated.Caller";

    /** Every caller in turn, the receivers taking turns, for {@code millis}. */
    private static long drive(List<Caller> callers, List<Shape> receivers, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long calls = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < callers.size(); i++) {
                sink += callers.get(i).call(receivers.get((int) (calls % receivers.size())), i);
                calls++;
            }
            Progress.add(callers.size());
        }
        if (sink == 42) {
            System.out.println("deopt-storm: (keeps the results alive)");
        }
        return calls;
    }

    private static Shape receiver(GeneratedClassLoader loader, int k) throws Exception {
        String name = "oomlab/generated/Receiver" + k;
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", new String[] {SHAPE});
        constructor(cw);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "apply", "(I)I", null, null);
        mv.visitCode();
        mv.visitVarInsn(ILOAD, 1); // x * (2k + 3) + k
        mv.visitLdcInsn(2 * k + 3);
        mv.visitInsn(IMUL);
        mv.visitLdcInsn(k);
        mv.visitInsn(IADD);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return (Shape) loader.define(name.replace('/', '.'), cw.toByteArray()).getDeclaredConstructor().newInstance();
    }

    /** call(shape, x): {@code sites} times x = shape.apply(x) ^ (x >>> site) + site, each its own call site. */
    static byte[] callerBytes(int index, int sites) {
        String name = "oomlab/generated/Caller" + index;
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", new String[] {CALLER});
        constructor(cw);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "call", "(L" + SHAPE + ";I)I", null, null);
        mv.visitCode();
        for (int site = 0; site < sites; site++) {
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ILOAD, 2);
            mv.visitMethodInsn(INVOKEINTERFACE, SHAPE, "apply", "(I)I", true);
            mv.visitVarInsn(ILOAD, 2);
            mv.visitLdcInsn(site + 1);
            mv.visitInsn(IUSHR);
            mv.visitInsn(IXOR);
            mv.visitLdcInsn(site + index);
            mv.visitInsn(IADD);
            mv.visitVarInsn(ISTORE, 2);
        }
        mv.visitVarInsn(ILOAD, 2);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    @Override
    public String unit() {
        return "calls";
    }
}

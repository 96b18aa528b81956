package oomlab.workloads;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Writes classes shaped like a large service's hot code, the kind that makes C2 use a lot of memory per
 * compilation. Each class has small static helpers chained three deep (C2 inlines them) and one
 * {@code run} method of {@code blocks} blocks: each block mixes a helper call, a bimorphic call, every 5th
 * block a megamorphic call, every 3rd block a small array loop (C2 unrolls and vectorises it), and values
 * of earlier blocks. All block values stay live until the end, which makes C2's register allocation
 * (interference graphs, live ranges) large. Around 75 bytecodes per block keeps 100 blocks under the
 * 8,000-bytecode limit above which HotSpot compiles nothing at all (DontCompileHugeMethods).
 */
final class GeneratedCode {
    static final int HELPERS = 12;
    static final int CHAIN = 3;
    static final String RUN_DESCRIPTOR = "([L" + Type.getInternalName(Shape.class) + ";[L"
            + Type.getInternalName(Shape.class) + ";[II)J";
    private static final String SHAPE = Type.getInternalName(Shape.class);

    // local variable slots of run(Shape[] two, Shape[] four, int[] data, int seed)
    private static final int TWO = 0;
    private static final int FOUR = 1;
    private static final int DATA = 2;
    private static final int SEED = 3;
    private static final int FIRST_VALUE = 4;

    private GeneratedCode() {
    }

    static String className(int index) {
        return "oomlab/generated/Churn" + index;
    }

    static byte[] classBytes(int index, int blocks) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className(index), null, "java/lang/Object", null);
        for (int h = 0; h < HELPERS; h++) {
            writeHelper(cw, index, h);
        }
        writeRun(cw, index, blocks);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** h(n)(x): arithmetic, then a call to h(n+1) unless n ends a chain of three. */
    private static void writeHelper(ClassWriter cw, int index, int n) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "h" + n, "(I)I", null, null);
        mv.visitCode();
        mv.visitVarInsn(ILOAD, 0);
        pushInt(mv, 31 + n);
        mv.visitInsn(IMUL);
        pushInt(mv, index * 7 + n);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(ICONST_3);
        mv.visitInsn(IUSHR);
        mv.visitInsn(IXOR);
        if (n % CHAIN != CHAIN - 1) {
            mv.visitMethodInsn(INVOKESTATIC, className(index), "h" + (n + 1), "(I)I", false);
        }
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void writeRun(ClassWriter cw, int index, int blocks) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "run", RUN_DESCRIPTOR, null, null);
        mv.visitCode();
        int loopIndex = FIRST_VALUE + blocks;
        int sum = loopIndex + 1;
        for (int k = 0; k < blocks; k++) {
            int value = FIRST_VALUE + k;
            // v = h(chain start)(seed + k) ^ two[(seed + k) & 1].apply(seed * k)
            seedPlus(mv, k);
            mv.visitMethodInsn(INVOKESTATIC, className(index), "h" + (k % (HELPERS / CHAIN)) * CHAIN, "(I)I", false);
            receiver(mv, TWO, k, 1);
            mv.visitVarInsn(ILOAD, SEED);
            pushInt(mv, k + index);
            mv.visitInsn(IMUL);
            mv.visitMethodInsn(INVOKEINTERFACE, SHAPE, "apply", "(I)I", true);
            mv.visitInsn(IXOR);
            if (k >= 3) { // mix in values of earlier blocks: long live ranges
                mv.visitVarInsn(ILOAD, value - 3);
                mv.visitVarInsn(ILOAD, FIRST_VALUE + (k * 37 + 11) % k);
                mv.visitInsn(IMUL);
                mv.visitInsn(IADD);
                mv.visitVarInsn(ILOAD, value - 1);
                mv.visitVarInsn(ILOAD, FIRST_VALUE + (k * 13 + 5) % k);
                mv.visitInsn(IXOR);
                mv.visitInsn(ISUB);
                // ... ^ two[(seed + k + 1) & 1].apply(previous value): a second bimorphic site
                receiver(mv, TWO, k + 1, 1);
                mv.visitVarInsn(ILOAD, value - 1);
                mv.visitMethodInsn(INVOKEINTERFACE, SHAPE, "apply", "(I)I", true);
                mv.visitInsn(IXOR);
            }
            if (k % 5 == 0) { // v += four[(seed + k) & 3].apply(v)
                mv.visitVarInsn(ISTORE, value);
                mv.visitVarInsn(ILOAD, value);
                receiver(mv, FOUR, k, 3);
                mv.visitVarInsn(ILOAD, value);
                mv.visitMethodInsn(INVOKEINTERFACE, SHAPE, "apply", "(I)I", true);
                mv.visitInsn(IADD);
            }
            mv.visitVarInsn(ISTORE, value);
            if (k % 3 == 0) { // for (i = 0; i < data.length; i++) v += data[i] * (k + 1)
                Label test = new Label();
                Label body = new Label();
                mv.visitInsn(ICONST_0);
                mv.visitVarInsn(ISTORE, loopIndex);
                mv.visitJumpInsn(GOTO, test);
                mv.visitLabel(body);
                mv.visitVarInsn(ILOAD, value);
                mv.visitVarInsn(ALOAD, DATA);
                mv.visitVarInsn(ILOAD, loopIndex);
                mv.visitInsn(IALOAD);
                pushInt(mv, k + 1);
                mv.visitInsn(IMUL);
                mv.visitInsn(IADD);
                mv.visitVarInsn(ISTORE, value);
                mv.visitIincInsn(loopIndex, 1);
                mv.visitLabel(test);
                mv.visitVarInsn(ILOAD, loopIndex);
                mv.visitVarInsn(ALOAD, DATA);
                mv.visitInsn(ARRAYLENGTH);
                mv.visitJumpInsn(IF_ICMPLT, body);
            }
        }
        // return the sum of every block value as a long: all of them stay live to here
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, sum);
        for (int k = 0; k < blocks; k++) {
            mv.visitVarInsn(LLOAD, sum);
            mv.visitVarInsn(ILOAD, FIRST_VALUE + k);
            mv.visitInsn(I2L);
            mv.visitInsn(LADD);
            mv.visitVarInsn(LSTORE, sum);
        }
        mv.visitVarInsn(LLOAD, sum);
        mv.visitInsn(LRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Pushes {@code shapes[(seed + k) & mask]}: the receiver of a call site, varying from call to call. */
    private static void receiver(MethodVisitor mv, int shapes, int k, int mask) {
        mv.visitVarInsn(ALOAD, shapes);
        seedPlus(mv, k);
        pushInt(mv, mask);
        mv.visitInsn(IAND);
        mv.visitInsn(AALOAD);
    }

    private static void seedPlus(MethodVisitor mv, int k) {
        mv.visitVarInsn(ILOAD, SEED);
        pushInt(mv, k);
        mv.visitInsn(IADD);
    }

    private static void pushInt(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }
}

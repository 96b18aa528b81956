package oomlab.cure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What a method's bytecode is made of, read from the program's own class files: the evidence that a method C2
 * never finished compiling is string concatenation (StringBuilder/StringBuffer chains, or javac's
 * invokedynamic concatenation), the shape C2's OptimizeStringConcat merges. Read with ASM from the program's
 * classpath on this machine, and from the lab's own workloads jar; a program that only exists in an image has
 * no class files here, and then there is no such evidence.
 */
public final class MethodBytecode {
    private final ClassLoader classes;

    private MethodBytecode(ClassLoader classes) {
        this.classes = classes;
    }

    /**
     * @param classpath the program's jars and class folders on this machine (empty for the lab's workloads, which
     *                  are on the lab's own classpath)
     */
    public static MethodBytecode on(List<Path> classpath) {
        URL[] urls = classpath.stream().filter(Files::exists).map(path -> {
            try {
                return path.toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }).toArray(URL[]::new);
        return new MethodBytecode(new URLClassLoader(urls, MethodBytecode.class.getClassLoader()));
    }

    /**
     * How a method concatenates strings.
     *
     * @param appends       calls of StringBuilder.append or StringBuffer.append
     * @param toStrings     calls of their toString: one per finished chain
     * @param indyConcats   invokedynamic concatenations (StringConcatFactory)
     */
    public record Concatenation(String method, int appends, int toStrings, int indyConcats) {
        /** Chains stacked on chains: more than a few, the shape whose merged argument list C2 lets grow. */
        public boolean stacked() {
            return toStrings >= 4 || indyConcats >= 4;
        }

        public String describe() {
            String chains = appends == 0 ? "" : String.format("%d StringBuilder.append calls in %d chains", appends,
                    toStrings);
            String indy = indyConcats == 0 ? "" : String.format("%d invokedynamic concatenations", indyConcats);
            return method + ": " + (chains.isEmpty() ? indy : indy.isEmpty() ? chains : chains + ", " + indy);
        }
    }

    /**
     * @param method as the JIT's log names it: {@code pkg.Class::name}, every overload of the name counted
     */
    public Optional<Concatenation> concatenationIn(String method) {
        int separator = method.indexOf("::");
        if (separator < 0) {
            return Optional.empty();
        }
        String className = method.substring(0, separator);
        String name = method.substring(separator + 2);
        try (InputStream in = classes.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                return Optional.empty();
            }
            int[] counts = new int[3];
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
                                                 String[] exceptions) {
                    if (!methodName.equals(name)) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String called, String desc,
                                                    boolean isInterface) {
                            boolean builder = owner.equals("java/lang/StringBuilder")
                                    || owner.equals("java/lang/StringBuffer");
                            if (builder && called.equals("append")) {
                                counts[0]++;
                            } else if (builder && called.equals("toString")) {
                                counts[1]++;
                            }
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String indyName, String desc, Handle bootstrap,
                                                           Object... arguments) {
                            if (bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                                counts[2]++;
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return counts[0] + counts[2] == 0 ? Optional.empty()
                    : Optional.of(new Concatenation(method, counts[0], counts[1], counts[2]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

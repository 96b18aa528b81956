package oomlab.workloads;

/**
 * Defines classes the workloads write at run time (ASM). One loader per wave of classes: dropping the loader
 * lets its classes, and the JIT's code for them, be unloaded.
 */
final class GeneratedClassLoader extends ClassLoader {
    GeneratedClassLoader() {
        super(GeneratedClassLoader.class.getClassLoader());
    }

    Class<?> define(String name, byte[] bytes) {
        return defineClass(name, bytes, 0, bytes.length);
    }
}

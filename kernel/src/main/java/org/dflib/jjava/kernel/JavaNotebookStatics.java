package org.dflib.jjava.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * JJava's notebook functions to reach the kernel, imported statically into every session as
 * JJava does: {@code kernel()}, and {@code getKernelInstance()}, which IJava's notebooks call
 * unqualified too (it returns IJava's kernel type, itself a JJava {@link JavaKernel}).
 */
public final class JavaNotebookStatics {
    private JavaNotebookStatics() {
    }

    /**
     * The running kernel.
     *
     * @throws NullPointerException if no kernel runs (code outside a notebook)
     */
    public static JavaKernel kernel() {
        return (JavaKernel) BaseKernel.notebookKernel();
    }

    /** The running kernel, under the name IJava and early JJava notebooks use. */
    public static io.github.spencerpark.ijava.JavaKernel getKernelInstance() {
        return io.github.spencerpark.ijava.IJava.getKernelInstance();
    }
}

package io.github.spencerpark.ijava;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * The class IJava's notebooks import to reach the kernel:
 * {@code io.github.spencerpark.ijava.IJava.getKernelInstance()}.
 */
public final class IJava {
    private IJava() {
    }

    /**
     * The running kernel.
     *
     * @throws NullPointerException if no kernel runs (code outside a notebook)
     */
    public static JavaKernel getKernelInstance() {
        return (JavaKernel) BaseKernel.notebookKernel();
    }
}

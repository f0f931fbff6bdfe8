package nndl.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Notebook helpers this kernel adds to JJava's {@code display}, {@code render} and
 * {@code updateDisplay}; every cell session imports them statically.
 */
public final class KernelStatics {
    private KernelStatics() {
    }

    /** Clears the running cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears the running cell's output; with {@code wait} the clearing happens when the next
     * output arrives, so a redrawn progress line does not flicker.
     *
     * @throws IllegalStateException if no cell of this kernel is running
     */
    public static void clearOutput(boolean wait) {
        if (!(BaseKernel.notebookKernel() instanceof NndlKernel kernel) || !kernel.clearOutput(wait)) {
            throw new IllegalStateException("clearOutput: no cell is running");
        }
    }
}

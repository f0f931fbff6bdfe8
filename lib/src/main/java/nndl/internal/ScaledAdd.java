package nndl.internal;

/**
 * {@code a += β·b} element by element, a large one spread over the cores through {@link RowSplit}'s
 * helpers (under its rules: never inside {@link Gemm#oneThread}, never while another thread's work is
 * split). Each element is one product and one sum whatever the split, so the result is the same on
 * any number of threads, and the same as EJML's {@code CommonOps_DDRM.addEquals}. The step's two
 * passes over W1 (its regularisation gradient and its SGD update, 1.2 MB each) are such sums.
 */
public final class ScaledAdd {
    /** Blocks of this many elements are the unit of the split, so no two threads write one cache line. */
    private static final int BLOCK = 1 << 10;

    private ScaledAdd() {
    }

    /**
     * {@code a[i] += beta·b[i]} for i in 0..n−1.
     *
     * @param a    at least n values (modified)
     * @param beta the factor
     * @param b    at least n values (not modified; may be {@code a} itself)
     * @param n    how many
     */
    public static void addEquals(double[] a, double beta, double[] b, int n) {
        addEquals(a, beta, b, n, RowSplit.shared());
    }

    /** {@link #addEquals(double[], double, double[], int)} with {@code split}'s helpers (tests give it other part counts). */
    static void addEquals(double[] a, double beta, double[] b, int n, RowSplit split) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        split.runIf(n >= RowSplit.MIN_SPLIT_ELEMENTS, blocks, 1, (from, to) -> {
            int end = Math.min(n, to * BLOCK);
            for (int i = from * BLOCK; i < end; i++) {
                a[i] += beta * b[i];
            }
        });
    }
}

package nndl.internal;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * One implementation of the dense matrix product {@code c = alpha·op(a)·op(b) + beta·c}: the native
 * system BLAS or EJML's pure-Java code. {@link Gemm} picks one for the whole process; tests and
 * benchmarks may also call a specific backend ({@link Gemm#ejml()}, {@link Gemm#nativeBlas()}).
 * Both give the same numbers to about 1e-15 relative, and each is deterministic from run to run.
 */
public abstract sealed class GemmBackend permits NativeGemm, EjmlGemm {

    GemmBackend() {
    }

    /** Short machine-readable name: {@code openblas}, {@code mkl}, {@code blis}, {@code blas} (another native BLAS) or {@code ejml}. */
    public abstract String name();

    /** One human-readable line: the library, how it is reached and how many threads it uses. */
    public abstract String description();

    /**
     * Whether products big enough for the library's own thread pool take turns across Java threads
     * (OpenBLAS running more than one thread per product); when false, threads never wait for each other.
     */
    public boolean takesTurns() {
        return false;
    }

    /**
     * General matrix product {@code c = alpha·op(a)·op(b) + beta·c} on this backend, op being identity
     * or transpose; same contract as {@link Gemm#gemm}.
     *
     * @param transA use aᵀ
     * @param transB use bᵀ
     * @param alpha  scale of the product; when 0, a and b are not read
     * @param a      op(a) is M×K (not modified)
     * @param b      op(b) is K×N (not modified)
     * @param beta   scale of the old c; when 0, c's old values (even NaN) are ignored
     * @param c      M×N output (modified; must not be a or b)
     */
    public final void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
                           double beta, DMatrixRMaj c) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        int kb = transB ? b.numCols : b.numRows;
        int n = transB ? b.numRows : b.numCols;
        if (k != kb) {
            throw new IllegalArgumentException("gemm: op(a) is " + m + "×" + k + " but op(b) is " + kb + "×" + n);
        }
        if (c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException("gemm: output c is " + Matrices.shape(c) + " but the product is " + m + "×" + n);
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("gemm: output c must not alias an input");
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0.0) {
            scaleOnly(beta, c);
            return;
        }
        product(transA, transB, m, n, k, alpha, a, b, beta, c);
    }

    /**
     * The product on validated, non-empty arguments (M, N, K ≥ 1, alpha ≠ 0). The old c is ignored when
     * beta is 0.
     */
    abstract void product(boolean transA, boolean transB, int m, int n, int k, double alpha,
                          DMatrixRMaj a, DMatrixRMaj b, double beta, DMatrixRMaj c);

    /** BLAS semantics for an empty sum: c = beta·c, with beta = 0 clearing c (NaN included). */
    private static void scaleOnly(double beta, DMatrixRMaj c) {
        int size = c.getNumElements();
        if (beta == 0.0) {
            java.util.Arrays.fill(c.data, 0, size, 0.0);
        } else if (beta != 1.0) {
            for (int i = 0; i < size; i++) {
                c.data[i] *= beta;
            }
        }
    }

    @Override
    public String toString() {
        return "GemmBackend[" + name() + ": " + description() + "]";
    }
}

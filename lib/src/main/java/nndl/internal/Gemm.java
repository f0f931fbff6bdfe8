package nndl.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The one seam for dense matrix products: {@code c = alpha·op(a)·op(b) + beta·c}, op being identity
 * or transpose. Every product in layers, nets and solver goes through here, so the backend can be
 * switched in one place.
 */
public final class Gemm {
    private Gemm() {
    }

    /**
     * General matrix product into {@code c} (modified; must already have the result's shape).
     *
     * @param transA use aᵀ
     * @param transB use bᵀ
     * @param a      op(a) is M×K (not modified)
     * @param b      op(b) is K×N (not modified)
     * @param c      M×N output (overwritten when beta is 0, accumulated into otherwise)
     */
    public static void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
                            double beta, DMatrixRMaj c) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        int kb = transB ? b.numCols : b.numRows;
        int n = transB ? b.numRows : b.numCols;
        if (k != kb) {
            throw new IllegalArgumentException("gemm: op(a) is " + m + "×" + k + " but op(b) is " + kb + "×" + n);
        }
        if (c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException("gemm: output c is " + c.numRows + "×" + c.numCols + " but the product is " + m + "×" + n);
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("gemm: output c must not alias an input");
        }
        if (beta == 0.0) {
            ejml(transA, transB, alpha, a, b, c, false);
        } else {
            if (beta != 1.0) {
                CommonOps_DDRM.scale(beta, c);
            }
            ejml(transA, transB, alpha, a, b, c, true);
        }
    }

    /** {@code op(a)·op(b)} into a new matrix. */
    public static DMatrixRMaj mult(boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(transA ? a.numCols : a.numRows, transB ? b.numRows : b.numCols);
        gemm(transA, transB, 1.0, a, b, 0.0, c);
        return c;
    }

    private static void ejml(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
                             DMatrixRMaj c, boolean add) {
        if (!transA && !transB) {
            if (add) CommonOps_DDRM.multAdd(alpha, a, b, c); else CommonOps_DDRM.mult(alpha, a, b, c);
        } else if (transA && !transB) {
            if (add) CommonOps_DDRM.multAddTransA(alpha, a, b, c); else CommonOps_DDRM.multTransA(alpha, a, b, c);
        } else if (!transA) {
            if (add) CommonOps_DDRM.multAddTransB(alpha, a, b, c); else CommonOps_DDRM.multTransB(alpha, a, b, c);
        } else {
            if (add) CommonOps_DDRM.multAddTransAB(alpha, a, b, c); else CommonOps_DDRM.multTransAB(alpha, a, b, c);
        }
    }
}

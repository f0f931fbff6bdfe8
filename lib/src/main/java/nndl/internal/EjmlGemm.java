package nndl.internal;

import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * The pure-Java fallback: EJML's row-major products, multi-threaded ({@code CommonOps_MT_DDRM}) for
 * large products and single-threaded for small ones, where forking costs more than it saves.
 */
final class EjmlGemm extends GemmBackend {
    static final EjmlGemm INSTANCE = new EjmlGemm();

    /**
     * Multiply-adds (M·N·K) below which the single-threaded kernel is used. The two-layer net's small
     * products (200×50·50×10 = 1e5) stay single-threaded; its big ones (200×3072·3072×50 = 3e7) do not.
     */
    static final long PARALLEL_MIN_MULTIPLY_ADDS = 1L << 20;

    private EjmlGemm() {
    }

    @Override
    public String name() {
        return "ejml";
    }

    @Override
    public String description() {
        return "EJML (pure Java, multi-threaded on " + EjmlConcurrency.getMaxThreads() + " threads)";
    }

    @Override
    void product(boolean transA, boolean transB, int m, int n, int k, double alpha,
                 DMatrixRMaj a, DMatrixRMaj b, double beta, DMatrixRMaj c) {
        boolean add = beta != 0.0;
        if (add && beta != 1.0) {
            CommonOps_DDRM.scale(beta, c);
        }
        if ((long) m * n * k >= PARALLEL_MIN_MULTIPLY_ADDS) {
            parallel(transA, transB, alpha, a, b, c, add);
        } else {
            serial(transA, transB, alpha, a, b, c, add);
        }
    }

    private static void parallel(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
                                 DMatrixRMaj c, boolean add) {
        if (!transA && !transB) {
            if (add) CommonOps_MT_DDRM.multAdd(alpha, a, b, c); else CommonOps_MT_DDRM.mult(alpha, a, b, c);
        } else if (transA && !transB) {
            if (add) CommonOps_MT_DDRM.multAddTransA(alpha, a, b, c); else CommonOps_MT_DDRM.multTransA(alpha, a, b, c);
        } else if (!transA) {
            if (add) CommonOps_MT_DDRM.multAddTransB(alpha, a, b, c); else CommonOps_MT_DDRM.multTransB(alpha, a, b, c);
        } else {
            if (add) CommonOps_MT_DDRM.multAddTransAB(alpha, a, b, c); else CommonOps_MT_DDRM.multTransAB(alpha, a, b, c);
        }
    }

    private static void serial(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
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

package nndl.internal;

/**
 * When OpenBLAS computes a dgemm with its small-matrix kernels instead of its packed (blocked) ones.
 * Since 0.3.18 its interface/gemm.c asks a per-core "permit" function first; on the AVX-512 kernel
 * families (SkylakeX, Cooperlake, SapphireRapids, all built on kernel/x86_64/KERNEL.SKYLAKEX) it says yes
 * for small sizes, on every other x86-64 family (Haswell, Zen, Sandybridge, Prescott, ...) never. The
 * two paths round differently (the small kernel computes {@code alpha·A·B + beta·C} in one pass, the
 * packed path scales C by beta first, then adds), so a split whose blocks fall on the other side of
 * the limit than the whole product changes last bits: 10×50·50×4,000 split in two halves became
 * 1e6-multiply-add blocks, under the limit, and its first element moved by one ulp on Cooperlake.
 *
 * <p>This is the rule of {@code kernel/x86_64/dgemm_small_kernel_permit_skylakex.c}, unchanged from
 * 0.3.18 (Debian 12 ships 0.3.21) to the newest release. It is applied on every CPU: where there is no
 * small kernel it only keeps a few products near the split threshold from being split as finely.
 */
final class SmallKernel {
    /** M·N·K up to which the AVX-512 permit may choose the small kernel (100³). */
    static final double LIMIT = 100.0 * 100.0 * 100.0;
    /** For transa without transb the permit also wants the output at most this many elements... */
    static final long TN_MAX_OUTPUT = 1200;
    /** ...and K at least this deep. */
    static final long TN_MIN_DEPTH = 32;

    private SmallKernel() {
    }

    /**
     * Whether OpenBLAS's AVX-512 permit chooses the small kernel for the column-major dgemm
     * {@code C(M×N) = op(A)·op(B)}, op(A) M×K and op(B) K×N, in OpenBLAS's own argument order.
     *
     * @param transA OpenBLAS's transa (the row-major caller's transB: operands are swapped)
     * @param transB OpenBLAS's transb
     */
    static boolean chosen(boolean transA, boolean transB, long m, long n, long k) {
        if ((double) m * (double) n * (double) k > LIMIT) {
            return false;
        }
        return !(transA && !transB && (m * n > TN_MAX_OUTPUT || k < TN_MIN_DEPTH));
    }
}

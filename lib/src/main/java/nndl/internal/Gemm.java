package nndl.internal;

import org.ejml.data.DMatrixRMaj;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one seam for dense matrix products: {@code c = alpha·op(a)·op(b) + beta·c}, op being identity
 * or transpose. Every product in layers, nets and solver goes through here, so the backend is
 * switched in one place.
 *
 * <p>The backend is chosen once, on the first product, and announced in one line: the native system
 * BLAS (OpenBLAS on Debian) when it loads, on stdout (information: a notebook shows it as ordinary
 * output), else EJML's multi-threaded pure-Java code, on stderr (a warning: products are slower). The system
 * property {@code nndl.blas} or else the environment variable {@code NNDL_BLAS} forces a choice:
 * {@code native}, {@code java} or {@code auto} (the default).
 *
 * <p>OpenBLAS reads its settings from the environment once, when it loads, and Java 17 cannot call it
 * to change them (no JNI of ours, no foreign-function API without extra JVM flags), so whoever starts
 * the JVM sets them: {@code OPENBLAS_NUM_THREADS} (the launcher and the kernel use 1) and, where
 * OpenBLAS does not recognise the CPU and falls back to its SSE3 "Prescott" kernels,
 * {@code OPENBLAS_CORETYPE} (e.g. SkylakeX for an AVX-512 Xeon).
 *
 * <p>Threads are decided per call, at run time: with one OpenBLAS thread a large product is split by
 * rows of its output over all cores (one single-threaded dgemm per block, the same bits as unsplit on
 * every OpenBLAS kernel family: no block is cut so small that OpenBLAS would take another code path),
 * so a single training run uses the whole machine; code that already runs one job per core (a sweep's
 * configurations) wraps its work in {@link #oneThread} and keeps each product on its own thread. Several
 * Java threads may call at once; while one thread's product is split, the others' run unsplit. With
 * a multi-threaded OpenBLAS (OPENBLAS_NUM_THREADS &gt; 1) nothing is split here, and products that
 * OpenBLAS would spread over its thread pool take turns.
 *
 * <p>Transposes are free: pass {@code transA}/{@code transB} rather than materialising aᵀ or bᵀ.
 * Products are deterministic: the same inputs give the same bits on the same backend and settings.
 */
public final class Gemm {
    /** System property forcing the backend; it overrides {@link #ENV_BACKEND}. */
    public static final String PROPERTY_BACKEND = "nndl.blas";
    /** Environment variable forcing the backend: native, java or auto. */
    public static final String ENV_BACKEND = "NNDL_BLAS";

    private static volatile GemmBackend active;

    private Gemm() {
    }

    /**
     * General matrix product {@code c = alpha·op(a)·op(b) + beta·c} into {@code c} on the active backend.
     *
     * @param transA use aᵀ
     * @param transB use bᵀ
     * @param alpha  scale of the product; when 0, a and b are not read
     * @param a      op(a) is M×K (not modified)
     * @param b      op(b) is K×N (not modified)
     * @param beta   scale of the old c; when 0, c is overwritten (old values, even NaN, ignored)
     * @param c      M×N output (modified; must already have the result's shape and must not be a or b)
     */
    public static void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
                            double beta, DMatrixRMaj c) {
        backend().gemm(transA, transB, alpha, a, b, beta, c);
    }

    /**
     * Matrix product {@code op(a)·op(b)} into a new matrix.
     *
     * @param transA use aᵀ
     * @param transB use bᵀ
     * @param a      op(a) is M×K (not modified)
     * @param b      op(b) is K×N (not modified)
     * @return the new M×N product
     */
    public static DMatrixRMaj mult(boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(transA ? a.numCols : a.numRows, transB ? b.numRows : b.numCols);
        gemm(transA, transB, 1.0, a, b, 0.0, c);
        return c;
    }

    /**
     * The backend every product uses, chosen (and announced: stdout, or stderr when native BLAS did not
     * load) on the first call.
     *
     * @throws IllegalStateException if {@code nndl.blas}/{@code NNDL_BLAS} is not native, java or auto,
     *                               or forces native while no native BLAS loads
     */
    public static GemmBackend backend() {
        GemmBackend chosen = active;
        if (chosen == null) {
            synchronized (Gemm.class) {
                chosen = active;
                if (chosen == null) {
                    BackendChoice choice = BackendChoice.decide(forcedBy(), NativeGemm::load);
                    (choice.warning() ? System.err : System.out).println(choice.announcement());
                    chosen = choice.backend();
                    active = chosen;
                }
            }
        }
        return chosen;
    }

    /**
     * Runs {@code task} with each of its products on the calling thread alone, never split over the
     * cores: for work that already runs one job per core, such as a sweep's configurations. Results are
     * the same bits either way; only the time differs. Nests; other threads are not affected.
     *
     * @param task the work (its products run on one thread)
     * @return what {@code task} returns
     */
    public static <T> T oneThread(Supplier<T> task) {
        return RowSplit.oneThread(task);
    }

    /** As {@link #oneThread(Supplier)} for a task without a result. */
    public static void oneThread(Runnable task) {
        RowSplit.oneThread(() -> {
            task.run();
            return null;
        });
    }

    /** Whether the calling thread runs inside {@link #oneThread} (its products and gathers never split). */
    public static boolean isOneThread() {
        return RowSplit.isOneThread();
    }

    /**
     * Threads a large product is split over on the native backend when the caller is not in
     * {@link #oneThread}: the processors available, or {@code nndl.gemm.threads} / {@code NNDL_GEMM_THREADS};
     * 1 when products are never split.
     */
    public static int splitThreads() {
        return RowSplit.shared().parts();
    }

    /** The pure-Java EJML backend, usable whichever backend is active. */
    public static GemmBackend ejml() {
        return EjmlGemm.INSTANCE;
    }

    /** The native BLAS backend if it loads in this process (loading it once, silently), whichever backend is active. */
    public static Optional<GemmBackend> nativeBlas() {
        return Optional.ofNullable(NativeGemm.load().backend());
    }

    /** Why the native BLAS did not load, or empty when it did. */
    public static Optional<String> nativeBlasProblem() {
        return Optional.ofNullable(NativeGemm.load().problem());
    }

    /** The setting forcing a backend, e.g. "NNDL_BLAS=java", or null when nothing forces one. */
    private static String forcedBy() {
        String property = System.getProperty(PROPERTY_BACKEND);
        if (property != null && !property.isBlank()) {
            return PROPERTY_BACKEND + "=" + property.trim();
        }
        String env = System.getenv(ENV_BACKEND);
        if (env != null && !env.isBlank()) {
            return ENV_BACKEND + "=" + env.trim();
        }
        return null;
    }
}

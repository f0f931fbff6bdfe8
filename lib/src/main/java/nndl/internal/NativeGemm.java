package nndl.internal;

import dev.ludovic.netlib.blas.NativeBLAS;
import org.ejml.data.DMatrixRMaj;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Products on the system BLAS (dgemm) through dev.ludovic.netlib's JNI binding, which dlopens
 * {@code libblas.so.3} (on Debian the alternatives link to OpenBLAS) unless the system property
 * {@code dev.ludovic.netlib.blas.nativeLib} or {@code ...nativeLibPath} names another library.
 *
 * <p>EJML is row-major, BLAS column-major. A row-major R×C matrix read column-major is its C×R
 * transpose with leading dimension C, so {@code C = op(A)·op(B)} is computed as the column-major
 * {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}: operands swapped, each transpose flag kept, leading dimensions the row
 * lengths. Nothing is copied or transposed; the JNI layer pins the Java arrays.
 *
 * <p>A multi-threaded OpenBLAS (pthread build) called from several Java threads at once — a sweep
 * running configurations in parallel — oversubscribes the cores: its worker pool is shared and its
 * threads spin at barriers, so two configurations at once can take longer than the same work one after the
 * other (docs/performance.md, "What was measured and not kept"). So products big enough for OpenBLAS to thread
 * take turns; small ones, which OpenBLAS runs in the calling thread anyway, and single-threaded
 * OpenBLAS (OPENBLAS_NUM_THREADS=1, the launcher's setting) are never held back.
 *
 * <p>With single-threaded OpenBLAS a large product is spread over the cores here instead, by rows of
 * its output ({@link RowSplit}): a single training run uses every core, while a sweep's configurations,
 * which run under {@link Gemm#oneThread}, each keep to one. Splitting by output rows leaves every dot
 * product as it was, and no block is made so small that OpenBLAS would switch to its small-matrix
 * kernels for it ({@link SmallKernel}), so split and unsplit products give the same bits. A product wider than it is
 * tall (the step's dW1 = dhᵀ·X, 50×3,072) is split by columns of its output instead, so that each
 * thread reads only its share of X rather than all of it; also the same bits (docs/performance.md).
 *
 * <p>A column block of a row-major operand starts inside its rows, and the binding's public dgemm
 * rejects such an offset (it checks {@code offset + k·ld ≤ length}, as if the last column ran to the
 * end of its leading dimension). Column blocks therefore call the binding's unchecked entry point
 * ({@code dgemmK}, reached once by reflection, with every bound checked here by {@link GemmBackend}); when
 * it cannot be reached, products are split by rows only.
 */
final class NativeGemm extends GemmBackend {
    private static final String NETLIB_LOGGER = "dev.ludovic.netlib.blas.InstanceBuilder";
    private static final String NETLIB_JNI_CLASS = "dev.ludovic.netlib.blas.JNIBLAS";

    /**
     * OpenBLAS runs a product on one thread while M·N·K ≤ 65,536 · GEMM_MULTITHREAD_THRESHOLD (4 in
     * Debian's and upstream's builds), see its interface/gemm.c.
     */
    static final long OPENBLAS_THREADED_MULTIPLY_ADDS = 65_536L * 4;

    /** Taken by products that would use OpenBLAS's shared worker pool. */
    private static final Object POOL = new Object();

    private final NativeBLAS blas;
    private final NativeLibrary library;
    private final boolean takeTurns;
    private final RowSplit split;
    /** The binding's dgemm without its offset checks, or null (then no product is split by columns). */
    private final MethodHandle unchecked;

    private NativeGemm(NativeBLAS blas, NativeLibrary library, RowSplit split, MethodHandle unchecked) {
        this.blas = blas;
        this.library = library;
        this.takeTurns = library.name().equals("openblas") && library.threads() > 1;
        this.split = split;
        this.unchecked = unchecked;
    }

    /** This backend splitting large products over {@code split}'s parts (tests compare split with unsplit). */
    NativeGemm withSplit(RowSplit split) {
        return new NativeGemm(blas, library, split, unchecked);
    }

    /** Whether wide products can be split by columns (the binding's unchecked dgemm was reached). */
    boolean splitsColumns() {
        return unchecked != null;
    }

    /** The protected {@code dgemmK(transa, transb, m, n, k, alpha, a, offa, lda, b, offb, ldb, beta, c, offc, ldc)}, or null. */
    private static MethodHandle uncheckedDgemm(NativeBLAS blas) {
        MethodType type = MethodType.methodType(void.class, String.class, String.class, int.class, int.class, int.class,
                double.class, double[].class, int.class, int.class, double[].class, int.class, int.class, double.class,
                double[].class, int.class, int.class);
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(blas.getClass(), MethodHandles.lookup());
            return lookup.findVirtual(blas.getClass(), "dgemmK", type).bindTo(blas);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Loads the native BLAS; the outcome (backend or the reason it failed) is fixed for the process. */
    static Loaded load() {
        return Holder.LOADED;
    }

    /** Outcome of loading: exactly one of backend and problem is non-null. */
    record Loaded(NativeGemm backend, String problem) {
    }

    private static final class Holder {
        static final Loaded LOADED = tryLoad();
    }

    /**
     * Loads the binding with its own logger silenced (it logs a bare "Failed to load" warning and
     * drops the cause); the JNI class is initialised first so that the cause can be reported.
     */
    private static Loaded tryLoad() {
        Logger log = Logger.getLogger(NETLIB_LOGGER);
        Level level = log.getLevel();
        log.setLevel(Level.OFF);
        try {
            initialiseJni();
            NativeBLAS blas = NativeBLAS.getInstance();
            return new Loaded(new NativeGemm(blas, NativeLibrary.identify(), RowSplit.shared(), uncheckedDgemm(blas)), null);
        } catch (RuntimeException | LinkageError e) {
            return new Loaded(null, explain(e));
        } finally {
            log.setLevel(level);
        }
    }

    private static void initialiseJni() {
        try {
            Class.forName(NETLIB_JNI_CLASS, true, NativeBLAS.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            // Another netlib release may name its JNI class differently; NativeBLAS.getInstance() still decides.
        }
    }

    /** A one-line reason from the root cause of a failed load. */
    static String explain(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        if (root instanceof UnsatisfiedLinkError && message.contains("JNI version")) {
            return "could not open " + NativeLibrary.requestedLibrary() + "; on Debian/Ubuntu: apt-get install libopenblas0";
        }
        if (root instanceof NoClassDefFoundError || root instanceof ClassNotFoundException) {
            return "class " + message.replace('/', '.') + " is missing from the class path";
        }
        return root.getClass().getSimpleName() + " on " + System.getProperty("os.name") + "/"
                + System.getProperty("os.arch") + ": " + message;
    }

    @Override
    public String name() {
        return library.name();
    }

    @Override
    public String description() {
        String spread = takeTurns || split.parts() < 2 ? ""
                : ", large products split by rows" + (unchecked != null ? " (wide ones by columns)" : "") + " over " + split.parts() + " threads";
        return library.description() + " via dev.ludovic.netlib" + spread;
    }

    @Override
    public boolean takesTurns() {
        return takeTurns;
    }

    @Override
    void product(boolean transA, boolean transB, int m, int n, int k, double alpha,
                 DMatrixRMaj a, DMatrixRMaj b, double beta, DMatrixRMaj c) {
        long multiplyAdds = (long) m * n * k;
        if (takeTurns && multiplyAdds > OPENBLAS_THREADED_MULTIPLY_ADDS) {
            synchronized (POOL) {
                rows(transA, transB, m, n, k, alpha, a, b, beta, c, 0, m);
            }
        } else if (takeTurns) {
            rows(transA, transB, m, n, k, alpha, a, b, beta, c, 0, m);
        } else if (n > m && unchecked != null) {
            split.runColumns(n, multiplyAdds, columnBlocks(transA, transB, m, n, k),
                    (from, to) -> columns(transA, transB, m, n, k, alpha, a, b, beta, c, from, to));
        } else {
            split.run(m, multiplyAdds, rowBlocks(transA, transB, m, n, k),
                    (from, to) -> rows(transA, transB, m, n, k, alpha, a, b, beta, c, from, to));
        }
    }

    /**
     * The row blocks of {@code op(a)·op(b)} (M×K · K×N) whose dgemm takes the whole product's OpenBLAS path:
     * a block of rows is the column-major call {@code (N × rows) = op(b)ᵀ·op(a)ᵀ}.
     */
    static RowSplit.Blocks rowBlocks(boolean transA, boolean transB, int m, int n, int k) {
        boolean whole = SmallKernel.chosen(transB, transA, n, m, k);
        return (from, to) -> SmallKernel.chosen(transB, transA, n, to - from, k) == whole;
    }

    /** As {@link #rowBlocks} for column blocks: the column-major call {@code (columns × M) = op(b)ᵀ·op(a)ᵀ}. */
    static RowSplit.Blocks columnBlocks(boolean transA, boolean transB, int m, int n, int k) {
        boolean whole = SmallKernel.chosen(transB, transA, n, m, k);
        return (from, to) -> SmallKernel.chosen(transB, transA, to - from, m, k) == whole;
    }

    /**
     * Columns {@code from..to} of {@code c = alpha·op(a)·op(b) + beta·c}: one dgemm on those columns of
     * op(b) and of c, which in the column-major call are rows of op(b)ᵀ and of cᵀ: offsets {@code from}
     * (or {@code from·K} when op(b) = bᵀ) with the full leading dimensions, through the unchecked entry.
     * All the columns (a product not split) go through the binding's checked dgemm.
     */
    void columns(boolean transA, boolean transB, int m, int n, int k, double alpha,
                 DMatrixRMaj a, DMatrixRMaj b, double beta, DMatrixRMaj c, int from, int to) {
        if (from == 0 && to == n) {
            rows(transA, transB, m, n, k, alpha, a, b, beta, c, 0, m);
            return;
        }
        String opB = transB ? "T" : "N";
        String opA = transA ? "T" : "N";
        try {
            unchecked.invokeExact(opB, opA, to - from, m, k,
                    alpha, b.data, transB ? from * b.numCols : from, b.numCols, a.data, 0, a.numCols, beta, c.data, from, n);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("gemm: the native dgemm failed", e);
        }
    }

    /**
     * Rows {@code from..to} of {@code c = alpha·op(a)·op(b) + beta·c}: one dgemm on those rows of op(a)
     * and of c. With op(a) = aᵀ those rows are columns of a; the binding checks offsets as if every
     * operand ran to the end of its last column, so a block not starting at column 0 is read from a
     * compact copy of its columns (K × rows, as small as the block of c), which feeds dgemm the same
     * values in the same order.
     */
    void rows(boolean transA, boolean transB, int m, int n, int k, double alpha,
              DMatrixRMaj a, DMatrixRMaj b, double beta, DMatrixRMaj c, int from, int to) {
        int count = to - from;
        double[] aData = a.data;
        int aOffset = transA ? from : from * a.numCols;
        int lda = a.numCols;
        if (transA && from > 0) {
            aData = columns(a, from, to);
            aOffset = 0;
            lda = count;
        }
        blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, count, k,
                alpha, b.data, 0, b.numCols, aData, aOffset, lda, beta, c.data, from * n, n);
    }

    /** Columns {@code from..to} of the row-major {@code a}, row-major with row length {@code to − from}. */
    private static double[] columns(DMatrixRMaj a, int from, int to) {
        int count = to - from;
        double[] out = new double[a.numRows * count];
        for (int r = 0; r < a.numRows; r++) {
            System.arraycopy(a.data, r * a.numCols + from, out, r * count, count);
        }
        return out;
    }
}

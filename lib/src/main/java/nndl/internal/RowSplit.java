package nndl.internal;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Spreads one large product over the cores by rows of its output: {@code C[r0:r1, :] = op(A)[r0:r1, :]·op(B)}
 * for consecutive row blocks, the calling thread computing the first and a small pool of helper
 * threads the others, each block one single-threaded native dgemm. Blocks start at multiples of
 * {@link #ALIGN} rows, so every output element is computed by the same micro-kernel, with the same sums
 * in the same order, as in the unsplit call, and a product is cut into only as many blocks as keep each
 * block's dgemm on the whole product's code path (OpenBLAS's small-matrix kernels on AVX-512 are chosen
 * by size, {@link SmallKernel}): the result is bit for bit the same whatever the split, on every
 * OpenBLAS kernel family ({@code RowSplitTest}, run by {@code ./workbook test} under each family the CPU
 * can run); whether a product is split is a matter of speed only, which is why the decision can be
 * taken at run time, per call.
 *
 * <p>{@link RowGather} uses the same helpers for large row copies (a training minibatch), which read
 * memory faster on two cores than on one.
 *
 * <p>Blocks are claimed, not assigned: after its first block the caller takes any block no helper has
 * started, so a helper the operating system has not scheduled yet (a loaded machine) delays nothing.
 *
 * <p>A product is split when it is large ({@link #MIN_MULTIPLY_ADDS}), has rows for every part,
 * the calling thread has not asked for one thread ({@link #oneThread}: a sweep's configurations, which
 * already fill the cores) and no other thread is using the helpers at that moment (then it runs whole
 * on the caller, so there are never more busy threads than the caller plus the helpers).
 *
 * <p>Helpers: {@code processors − 1} daemon threads, started on the first split; the system property
 * {@code nndl.gemm.threads} or else the environment variable {@code NNDL_GEMM_THREADS} sets the parts
 * per product instead (1: never split; anything but a positive integer is reported and ignored).
 */
final class RowSplit {
    /** System property setting the threads (parts) per product; it overrides {@link #ENV_THREADS}. */
    static final String PROPERTY_THREADS = "nndl.gemm.threads";
    /** Environment variable setting the threads per product. */
    static final String ENV_THREADS = "NNDL_GEMM_THREADS";
    /**
     * Multiply-adds (M·N·K) from which a product is split: about 50 µs of one core's work, well above
     * the cost of waking a helper. The two-layer step's X·W1ᵀ and dW1 (3e7 each) and predict on the
     * validation rows are split; its small products (1e5) are not.
     */
    static final long MIN_MULTIPLY_ADDS = 1L << 21;
    /**
     * Elements (doubles) from which a pass over memory (a gather, a sum of squares, {@code a += β·b}) is
     * split: 1 MB, tens of microseconds of one core's work, well above the cost of waking a helper, so a
     * training step's minibatch gather and its passes over W1 are split and its bias-sized passes are not.
     */
    static final long MIN_SPLIT_ELEMENTS = 1L << 17;
    /**
     * Parts start at multiples of this many output rows. OpenBLAS computes the output in micro-tiles
     * and a partial tile at an edge takes another kernel, whose sums can differ in the last bit; output
     * rows are the columns of its column-major call, tiled 8 wide on Haswell and Zen, 2 on SkylakeX.
     * Splitting at the 25th of 50 rows changed bits on Zen; at multiples of 8 it does not (RowSplitTest).
     */
    static final int ALIGN = 8;
    /**
     * Parts of a product split by columns of its output ({@link #runColumns}) start at multiples of this
     * many columns: they are the rows of OpenBLAS's column-major call, tiled 4 (Haswell, Zen) to 16
     * (SkylakeX) high, and 64 is a multiple of every tile height (RowSplitTest).
     */
    static final int COLUMN_ALIGN = 64;

    /** One block of rows of the output, computed by one thread. */
    @FunctionalInterface
    interface Rows {
        void compute(int fromRow, int toRow);
    }

    /**
     * Whether rows {@code from..to} may be one block of a split: for a product, that the block's dgemm
     * takes the same OpenBLAS code path as the whole product's ({@link SmallKernel}).
     */
    @FunctionalInterface
    interface Blocks {
        boolean admits(int from, int to);
    }

    /** Admits every block: passes over memory, whose blocks compute the same whatever their size. */
    static final Blocks ANY = (from, to) -> true;

    private static final ThreadLocal<int[]> ONE_THREAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private static final RowSplit SHARED = new RowSplit(configuredParts());

    private final int parts;
    private final AtomicBoolean inUse = new AtomicBoolean();
    private volatile Helpers helpers;

    RowSplit(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("RowSplit: need at least 1 part, got " + parts);
        }
        this.parts = parts;
    }

    /** The process's splitter. */
    static RowSplit shared() {
        return SHARED;
    }

    /** Threads (parts) a large product is spread over; 1 when products are never split. */
    int parts() {
        return parts;
    }

    /**
     * Runs {@code task} with every product it makes on the calling thread alone (products never split),
     * then restores the previous setting; nests.
     */
    static <T> T oneThread(Supplier<T> task) {
        int[] depth = ONE_THREAD_DEPTH.get();
        depth[0]++;
        try {
            return task.get();
        } finally {
            depth[0]--;
        }
    }

    /** Whether the calling thread runs inside {@link #oneThread}. */
    static boolean isOneThread() {
        return ONE_THREAD_DEPTH.get()[0] > 0;
    }

    /**
     * Computes the M output rows through {@code rows}, split over the parts when the product is large
     * and the helpers are free, else in one call on this thread.
     *
     * @param m            output rows
     * @param multiplyAdds M·N·K of the product
     * @param rows         computes a block of output rows; called from several threads for disjoint blocks
     * @return whether the product was split
     */
    boolean run(int m, long multiplyAdds, Rows rows) {
        return run(m, multiplyAdds, ANY, rows);
    }

    /**
     * As {@link #run(int, long, Rows)} in as many parts as the helpers allow with every block admitted by
     * {@code blocks}: fewer parts, or none, when a finer split would take a block off the whole product's
     * code path.
     */
    boolean run(int m, long multiplyAdds, Blocks blocks, Rows rows) {
        return runIf(multiplyAdds >= MIN_MULTIPLY_ADDS, m, ALIGN, blocks, rows);
    }

    /**
     * As {@link #run} over the N columns of the output instead of its rows, the blocks starting at
     * multiples of {@link #COLUMN_ALIGN}: for a wide product such as the step's dW1 (50×3,072), where
     * splitting by rows would have every thread read all of op(b).
     *
     * @param columns computes a block of output columns; called from several threads for disjoint blocks
     */
    boolean runColumns(int n, long multiplyAdds, Blocks blocks, Rows columns) {
        return runIf(multiplyAdds >= MIN_MULTIPLY_ADDS, n, COLUMN_ALIGN, blocks, columns);
    }

    /**
     * Computes the M rows through {@code rows}, split over the parts when {@code large} (the caller's
     * judgement that the work is worth waking a helper) and the rules of {@link #run} allow, else in one
     * call on this thread. Blocks start at multiples of {@code align} and have at least that many rows.
     *
     * @return whether the work was split
     */
    boolean runIf(boolean large, int m, int align, Rows rows) {
        return runIf(large, m, align, ANY, rows);
    }

    /** As {@link #runIf(boolean, int, int, Rows)} with only blocks {@code blocks} admits ({@link #partsFor}). */
    boolean runIf(boolean large, int m, int align, Blocks blocks, Rows rows) {
        int count = large ? partsFor(m, align, blocks) : 1;
        if (count < 2 || isOneThread() || !inUse.compareAndSet(false, true)) {
            rows.compute(0, m);
            return false;
        }
        try {
            Claims claims = new Claims(m, count, align, rows);
            Helpers pool = helpers();
            for (int helper = 1; helper < count; helper++) {
                pool.give(helper - 1, claims::claim);
            }
            claims.compute(0);
            claims.claim();
            claims.awaitAndRethrow();
            return true;
        } finally {
            inUse.set(false);
        }
    }

    /**
     * The most parts, at most {@link #parts()} and each at least {@code align} rows, into which {@code m}
     * rows split with every block admitted by {@code blocks}; 1 when there are none.
     */
    int partsFor(int m, int align, Blocks blocks) {
        for (int count = Math.min(parts, m / align); count >= 2; count--) {
            if (admitsAll(m, count, align, blocks)) {
                return count;
            }
        }
        return 1;
    }

    private static boolean admitsAll(int m, int count, int align, Blocks blocks) {
        for (int part = 0; part < count; part++) {
            if (!blocks.admits(bound(m, count, part, align), bound(m, count, part + 1, align))) {
                return false;
            }
        }
        return true;
    }

    /**
     * First row of part {@code part} of {@code count} over {@code m} rows (m for part = count): the even
     * share rounded to a multiple of {@code align}, so that no part ends in a partial micro-tile the
     * unsplit call would not have.
     */
    static int bound(int m, int count, int part, int align) {
        if (part >= count) {
            return m;
        }
        long even = (long) m * part / count;
        return (int) ((even + align / 2) / align * align);
    }

    /** The blocks of one split product: which is next to claim, how many are finished, the first failure. */
    private static final class Claims {
        private final int m;
        private final int count;
        private final int align;
        private final Rows rows;
        private final AtomicInteger next = new AtomicInteger(1);
        private final CountDownLatch finished;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Claims(int m, int count, int align, Rows rows) {
            this.m = m;
            this.count = count;
            this.align = align;
            this.rows = rows;
            this.finished = new CountDownLatch(count);
        }

        /** Computes blocks no one has claimed yet; a helper that starts after all are claimed does nothing. */
        void claim() {
            for (int part = next.getAndIncrement(); part < count; part = next.getAndIncrement()) {
                compute(part);
            }
        }

        void compute(int part) {
            try {
                rows.compute(bound(m, count, part, align), bound(m, count, part + 1, align));
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                finished.countDown();
            }
        }

        /**
         * Waits until every block is finished, even when interrupted (helpers write into the caller's
         * output), keeps the interrupt for the caller and rethrows the first failure.
         */
        void awaitAndRethrow() {
            boolean interrupted = false;
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable first = failure.get();
            if (first instanceof RuntimeException e) {
                throw e;
            }
            if (first instanceof Error e) {
                throw e;
            }
            if (first != null) {
                throw new IllegalStateException("gemm: a block of a split product failed", first);
            }
        }
    }

    private Helpers helpers() {
        Helpers pool = helpers;
        if (pool == null) {
            synchronized (this) {
                pool = helpers;
                if (pool == null) {
                    pool = new Helpers(parts - 1, "nndl-gemm");
                    helpers = pool;
                }
            }
        }
        return pool;
    }

    /** Parts from nndl.gemm.threads, else NNDL_GEMM_THREADS, else the processors available. */
    private static int configuredParts() {
        String property = System.getProperty(PROPERTY_THREADS);
        String value = property != null && !property.isBlank() ? property : System.getenv(ENV_THREADS);
        if (value == null || value.isBlank()) {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        try {
            int parts = Integer.parseInt(value.trim());
            if (parts >= 1) {
                return parts;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        int processors = Math.max(1, Runtime.getRuntime().availableProcessors());
        System.err.printf(Locale.ROOT, "nndl: %s / %s must be a positive integer, got \"%s\"; using %d%n",
                PROPERTY_THREADS, ENV_THREADS, value, processors);
        return processors;
    }
}

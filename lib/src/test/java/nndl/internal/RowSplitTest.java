package nndl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splitting a product by rows (or columns) of its output over threads gives the same bits as the single
 * call, for every transpose combination, the training step's shapes, predict's, the MNIST net's, odd
 * sizes and beta ≠ 0, on whichever OpenBLAS kernel family runs ({@code ./workbook test} runs this class
 * under each one the CPU can run); splits whose blocks would cross OpenBLAS's small-matrix limit are
 * refused, and agree to 1e-12 relative (bit for bit on families without small kernels); and the
 * splitter's rules (thresholds, one-thread scope, busy helpers, failures).
 */
class RowSplitTest {
    /** {M, N, K}: the two-layer step's large products, predict on validation and full training rows, MNIST-sized and odd ones. */
    private static final int[][] SHAPES = {
            {200, 50, 3072}, {50, 3072, 200}, {1000, 50, 3072}, {3072, 50, 200},
            {100, 784, 100}, {784, 100, 100}, {128, 100, 784}, {257, 33, 1031}, {67, 129, 513}, {16, 4096, 64}};

    private static DMatrixRMaj operand(boolean trans, int rows, int cols, RandomState random) {
        return trans ? random.randn(cols, rows) : random.randn(rows, cols);
    }

    @Test
    void splitProductsEqualTheUnsplitCallBitForBit() {
        assertSplitsEqualTheUnsplitCall(SHAPES, 7, false);
    }

    @Test
    void productsSplitByColumnsEqualTheUnsplitCallBitForBit() {
        int[][] wide = {{50, 3072, 200}, {50, 3072, 1000}, {10, 4000, 50}, {100, 784, 100}, {33, 1031, 257}, {16, 4096, 64}, {64, 130, 300}};
        assertSplitsEqualTheUnsplitCall(wide, 8, true);
    }

    /**
     * For 2–4 parts, every {M, N, K} of {@code shapes}, every transpose combination and beta 0 and 0.5:
     * the product split by rows (or by columns) as the backend splits it (no block crossing the
     * small-matrix limit) equals the single dgemm bit for bit; a split with blocks far above the limit
     * always happens.
     */
    private static void assertSplitsEqualTheUnsplitCall(int[][] shapes, long seed, boolean byColumns) {
        NativeGemm whole = NativeBlasForTests.singleThreadedOrSkip().withSplit(new RowSplit(1));
        if (byColumns) {
            assertTrue(whole.splitsColumns(), "the binding's unchecked dgemm is reachable");
        }
        RandomState random = new RandomState(seed);
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) != 0;
                boolean transB = (t & 2) != 0;
                DMatrixRMaj a = operand(transA, m, k, random);
                DMatrixRMaj b = operand(transB, k, n, random);
                DMatrixRMaj start = random.randn(m, n);
                RowSplit.Blocks blocks = byColumns ? NativeGemm.columnBlocks(transA, transB, m, n, k)
                        : NativeGemm.rowBlocks(transA, transB, m, n, k);
                for (double beta : new double[] {0.0, 0.5}) {
                    DMatrixRMaj expected = start.copy();
                    whole.gemm(transA, transB, 1.5, a, b, beta, expected);
                    for (int parts : new int[] {2, 3, 4}) {
                        RowSplit split = new RowSplit(parts);
                        DMatrixRMaj actual = start.copy();
                        boolean wasSplit = byColumns
                                ? split.runColumns(n, Long.MAX_VALUE, blocks, (from, to) -> whole.columns(transA, transB, m, n, k, 1.5, a, b, beta, actual, from, to))
                                : split.run(m, Long.MAX_VALUE, blocks, (from, to) -> whole.rows(transA, transB, m, n, k, 1.5, a, b, beta, actual, from, to));
                        String label = label(parts, byColumns, m, n, k, transA, transB, beta);
                        int admitted = byColumns ? split.partsFor(n, RowSplit.COLUMN_ALIGN, blocks) : split.partsFor(m, RowSplit.ALIGN, blocks);
                        assertEquals(admitted >= 2, wasSplit, label);
                        if ((double) m * n * k / parts >= 2 * SmallKernel.LIMIT) {
                            assertTrue(wasSplit, label + ": blocks far above the small-matrix limit");
                        }
                        assertArrayEquals(expected.data, actual.data, 0.0, label + " on " + coreName());
                    }
                }
            }
        }
    }

    private static String label(int parts, boolean byColumns, int m, int n, int k, boolean transA, boolean transB, double beta) {
        return parts + " parts" + (byColumns ? " by columns, " : ", ") + m + "×" + k + (transA ? "ᵀ" : "")
                + " · " + k + "×" + n + (transB ? "ᵀ" : "") + ", beta " + beta;
    }

    private static String coreName() {
        return "OpenBLAS kernel family " + NativeBlasForTests.openBlasCore().orElse("(unknown)");
    }

    /**
     * Products above OpenBLAS's small-matrix limit (M·N·K > 100³) split into blocks under it, with every
     * transpose combination for which the AVX-512 permit would choose the small kernel for the blocks:
     * the backend refuses such a split (fewer parts or none); forced anyway, the split agrees with the
     * single call to 1e-12 relative to its largest entry on every family, and bit for bit on families
     * without small kernels. The number of forced splits that changed bits is printed.
     */
    @Test
    void splitsAcrossTheSmallMatrixLimitAreRefusedAndAgreeTo1e12() {
        NativeGemm whole = NativeBlasForTests.singleThreadedOrSkip().withSplit(new RowSplit(1));
        assertTrue(whole.splitsColumns(), "the binding's unchecked dgemm is reachable");
        // {M, N, K, parts, by columns (1) or rows (0)}: 10×50·50×4000 is the split that changed a bit on Cooperlake.
        int[][] cases = {{10, 4000, 50, 2, 1}, {16, 4096, 30, 2, 1}, {8, 1024, 200, 2, 1}, {4000, 10, 50, 2, 0}, {200, 50, 150, 2, 0},
                {96, 100, 120, 3, 0}, {24, 2048, 40, 2, 1}};
        Optional<Boolean> smallKernels = NativeBlasForTests.hasSmallKernels();
        RandomState random = new RandomState(9);
        int crossing = 0;
        int changed = 0;
        for (int[] c : cases) {
            int m = c[0];
            int n = c[1];
            int k = c[2];
            RowSplit split = new RowSplit(c[3]);
            boolean byColumns = c[4] == 1;
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) != 0;
                boolean transB = (t & 2) != 0;
                int half = (byColumns ? n : m) / 2;
                boolean wholeSmall = SmallKernel.chosen(transB, transA, n, m, k);
                boolean blockSmall = byColumns ? SmallKernel.chosen(transB, transA, half, m, k) : SmallKernel.chosen(transB, transA, n, half, k);
                assertFalse(wholeSmall, "the whole product is above the limit: " + Arrays.toString(c));
                if (!blockSmall) {
                    continue; // the TN permit keeps these blocks on the packed path: nothing crosses
                }
                crossing++;
                RowSplit.Blocks rule = byColumns ? NativeGemm.columnBlocks(transA, transB, m, n, k) : NativeGemm.rowBlocks(transA, transB, m, n, k);
                int admitted = byColumns ? split.partsFor(n, RowSplit.COLUMN_ALIGN, rule) : split.partsFor(m, RowSplit.ALIGN, rule);
                assertTrue(admitted < c[3], "the backend refuses " + Arrays.toString(c) + " t=" + t + ", admits " + admitted + " parts");
                DMatrixRMaj a = operand(transA, m, k, random);
                DMatrixRMaj b = operand(transB, k, n, random);
                DMatrixRMaj start = random.randn(m, n);
                for (double beta : new double[] {0.0, 0.5}) {
                    DMatrixRMaj expected = start.copy();
                    DMatrixRMaj actual = start.copy();
                    whole.gemm(transA, transB, 1.5, a, b, beta, expected);
                    assertTrue(byColumns
                            ? split.runColumns(n, Long.MAX_VALUE, RowSplit.ANY, (from, to) -> whole.columns(transA, transB, m, n, k, 1.5, a, b, beta, actual, from, to))
                            : split.run(m, Long.MAX_VALUE, RowSplit.ANY, (from, to) -> whole.rows(transA, transB, m, n, k, 1.5, a, b, beta, actual, from, to)));
                    String label = label(c[3], byColumns, m, n, k, transA, transB, beta) + " forced across the limit on " + coreName();
                    double largest = 1.0;
                    double difference = 0.0;
                    for (int i = 0; i < expected.data.length; i++) {
                        largest = Math.max(largest, Math.abs(expected.data[i]));
                        difference = Math.max(difference, Math.abs(expected.data[i] - actual.data[i]));
                    }
                    assertTrue(difference <= 1e-12 * largest, label + ": max difference " + difference + ", largest entry " + largest);
                    if (smallKernels.equals(Optional.of(false))) {
                        assertArrayEquals(expected.data, actual.data, 0.0, label + " (no small-matrix kernels: the same bits)");
                    }
                    if (difference > 0) {
                        changed++;
                    }
                }
            }
        }
        assertTrue(crossing >= 10, "cases crossing the limit: " + crossing);
        System.out.printf(Locale.ROOT, "RowSplitTest: %s: %d of %d splits forced across the small-matrix limit changed bits%n",
                coreName(), changed, 2 * crossing);
    }

    @Test
    void theSmallMatrixRuleIsOpenBlasesPermitAndLimitsTheParts() {
        assertTrue(SmallKernel.chosen(false, false, 100, 100, 100), "100³ is still small");
        assertFalse(SmallKernel.chosen(false, false, 100, 100, 101));
        assertTrue(SmallKernel.chosen(false, true, 10, 1000, 100));
        assertTrue(SmallKernel.chosen(true, false, 30, 40, 32), "transposed A, plain B: output ≤ 1,200, K ≥ 32");
        assertFalse(SmallKernel.chosen(true, false, 30, 41, 32), "transposed A, plain B: output over 1,200");
        assertFalse(SmallKernel.chosen(true, false, 10, 10, 31), "transposed A, plain B: K under 32");
        RowSplit four = new RowSplit(4);
        // 10×50 · 50×4,000 by columns: halves of exactly 100³ would be small, so it stays whole.
        assertEquals(1, four.partsFor(4000, RowSplit.COLUMN_ALIGN, NativeGemm.columnBlocks(false, false, 10, 4000, 50)));
        // K = 60: halves of 1.2e6 stay packed, thirds (1,312–1,344 columns, under 100³) would not.
        assertEquals(2, four.partsFor(4000, RowSplit.COLUMN_ALIGN, NativeGemm.columnBlocks(false, false, 10, 4000, 60)));
        // The step's X·W1ᵀ (200×50, K 3,072) takes every part it has rows for.
        assertEquals(4, four.partsFor(200, RowSplit.ALIGN, NativeGemm.rowBlocks(false, true, 200, 50, 3072)));
        assertEquals(4, four.partsFor(200, RowSplit.ALIGN, RowSplit.ANY));
    }

    @Test
    void columnBlocksStartAtMultiplesOf64() {
        assertEquals(1536, RowSplit.bound(3072, 2, 1, RowSplit.COLUMN_ALIGN));
        assertEquals(384, RowSplit.bound(784, 2, 1, RowSplit.COLUMN_ALIGN));
        assertEquals(24, RowSplit.bound(50, 2, 1, RowSplit.ALIGN));
        assertEquals(3072, RowSplit.bound(3072, 2, 2, RowSplit.COLUMN_ALIGN));
    }

    @Test
    void theNativeBackendSplitsLargeProductsWithSingleThreadedOpenBlas() {
        NativeGemm backend = NativeBlasForTests.singleThreadedOrSkip();
        RandomState random = new RandomState(3);
        DMatrixRMaj x = random.randn(200, 3072);
        DMatrixRMaj w1 = random.randn(50, 3072);
        DMatrixRMaj whole = new DMatrixRMaj(200, 50);
        DMatrixRMaj split = new DMatrixRMaj(200, 50);
        backend.withSplit(new RowSplit(1)).gemm(false, true, 1.0, x, w1, 0.0, whole);
        backend.withSplit(new RowSplit(2)).gemm(false, true, 1.0, x, w1, 0.0, split);
        assertArrayEquals(whole.data, split.data, 0.0);
        DMatrixRMaj dh = random.randn(200, 50);
        DMatrixRMaj dw1Whole = new DMatrixRMaj(50, 3072);
        DMatrixRMaj dw1Split = new DMatrixRMaj(50, 3072);
        backend.withSplit(new RowSplit(1)).gemm(true, false, 1.0, dh, x, 0.0, dw1Whole);
        backend.withSplit(new RowSplit(2)).gemm(true, false, 1.0, dh, x, 0.0, dw1Split);
        assertArrayEquals(dw1Whole.data, dw1Split.data, 0.0, "dW1, split by columns");
        assertEquals(!backend.takesTurns() && Gemm.splitThreads() > 1, backend.description().contains("split by rows"),
                backend.description());
    }

    @Test
    void everyRowBlockIsComputedOnceAndTheCallerTakesTheFirst() {
        RowSplit split = new RowSplit(3);
        int[] owner = new int[100];
        List<String> threads = new ArrayList<>();
        Thread caller = Thread.currentThread();
        assertTrue(split.run(100, RowSplit.MIN_MULTIPLY_ADDS, (from, to) -> {
            synchronized (threads) {
                threads.add(from + ".." + to + (Thread.currentThread() == caller ? " caller" : " helper"));
            }
            for (int r = from; r < to; r++) {
                owner[r]++;
            }
        }));
        for (int r = 0; r < 100; r++) {
            assertEquals(1, owner[r], "row " + r);
        }
        assertTrue(threads.contains("0..32 caller"), threads.toString());
        assertTrue(threads.stream().anyMatch(t -> t.startsWith("32..64 ")) && threads.stream().anyMatch(t -> t.startsWith("64..100 ")),
                threads.toString());
    }

    @Test
    void smallProductsFewRowsAndOneThreadScopesStayWhole() {
        RowSplit split = new RowSplit(2);
        AtomicInteger calls = new AtomicInteger();
        RowSplit.Rows count = (from, to) -> calls.incrementAndGet();
        assertFalse(split.run(200, RowSplit.MIN_MULTIPLY_ADDS - 1, count), "below the threshold");
        assertFalse(split.run(2 * RowSplit.ALIGN - 1, Long.MAX_VALUE, count), "too few rows for two parts");
        assertFalse(RowSplit.oneThread(() -> split.run(200, Long.MAX_VALUE, count)), "inside oneThread");
        assertFalse(new RowSplit(1).run(200, Long.MAX_VALUE, count), "one part");
        assertEquals(4, calls.get());
        assertTrue(RowSplit.oneThread(() -> RowSplit.oneThread(RowSplit::isOneThread) && RowSplit.isOneThread()), "nests");
        assertFalse(RowSplit.isOneThread(), "restored after the scope");
    }

    @Test
    void aProductStartedWhileTheHelpersAreBusyRunsWholeOnItsCaller() {
        RowSplit split = new RowSplit(2);
        boolean[] inner = new boolean[1];
        assertTrue(split.run(100, Long.MAX_VALUE, (from, to) -> {
            if (from == 0) {
                inner[0] = split.run(100, Long.MAX_VALUE, (f, t) -> { });
            }
        }));
        assertFalse(inner[0]);
    }

    @Test
    void aHelpersFailureReachesTheCallerAfterEveryBlockEnds() {
        RowSplit split = new RowSplit(2);
        var e = assertThrows(IllegalArgumentException.class, () -> split.run(100, Long.MAX_VALUE, (from, to) -> {
            if (from > 0) {
                throw new IllegalArgumentException("block " + from);
            }
        }));
        assertEquals("block 48", e.getMessage());
        assertTrue(split.run(100, Long.MAX_VALUE, (from, to) -> { }), "the helpers are free again");
    }

    @Test
    void interruptedCallerWaitsForItsHelpersAndKeepsTheInterrupt() {
        RowSplit split = new RowSplit(2);
        java.util.concurrent.CountDownLatch helperStarted = new java.util.concurrent.CountDownLatch(1);
        boolean[] helperDone = new boolean[1];
        split.run(100, Long.MAX_VALUE, (from, to) -> {
            try {
                if (from == 0) {
                    helperStarted.await();
                    Thread.currentThread().interrupt();
                } else {
                    helperStarted.countDown();
                    Thread.sleep(50);
                    helperDone[0] = true;
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
        assertTrue(helperDone[0]);
    }
}

package nndl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Native BLAS and EJML against each other and against a plain triple loop in this test, for every
 * transpose combination, alpha/beta variant and awkward shape. Agreement criterion: max|x − y| over the
 * result ≤ 1e-12 · max(max|y|, 1) — relative to the largest entry, with an absolute floor of 1e-12 for
 * results that are all (near) zero.
 */
class GemmAgreementTest {
    private static final double TOLERANCE = 1e-12;

    /** M, K, N: 1×1, 1×K, N×1, K = 1, K = 0, empty results, sizes not multiples of 4, the training step's shapes. */
    private static final int[][] SMALL = {
            {1, 1, 1}, {1, 7, 1}, {1, 9, 5}, {9, 5, 1}, {3, 1, 4}, {5, 0, 3}, {0, 4, 3}, {4, 3, 0},
            {7, 13, 5}, {17, 33, 9}, {31, 2, 63}};
    private static final int[][] STEP = {{200, 3072, 50}, {200, 50, 10}, {10, 200, 50}, {200, 10, 50}, {50, 200, 3072}};
    private static final double[][] ALPHA_BETA = {{1, 0}, {2.5, 0}, {1, 1}, {-0.5, 0.75}, {0, 2}, {1.5, -1}};

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                for (int[] mkn : SMALL) {
                    for (double[] ab : ALPHA_BETA) {
                        cases.add(Arguments.of(transA, transB, mkn[0], mkn[1], mkn[2], ab[0], ab[1]));
                    }
                }
                for (int[] mkn : STEP) {
                    cases.add(Arguments.of(transA, transB, mkn[0], mkn[1], mkn[2], 1.0, 0.0));
                    cases.add(Arguments.of(transA, transB, mkn[0], mkn[1], mkn[2], -0.5, 0.75));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "transA={0} transB={1} M={2} K={3} N={4} alpha={5} beta={6}")
    @MethodSource("cases")
    void ejmlAndNativeAgreeWithATripleLoopAndEachOther(boolean transA, boolean transB, int m, int k, int n,
                                                          double alpha, double beta) {
        RandomState random = new RandomState(1000L * m + 10L * k + n);
        DMatrixRMaj a = transA ? randn(random, k, m) : randn(random, m, k);
        DMatrixRMaj b = transB ? randn(random, n, k) : randn(random, k, n);
        DMatrixRMaj c0 = randn(random, m, n);

        DMatrixRMaj expected = tripleLoop(transA, transB, alpha, a, b, beta, c0);
        DMatrixRMaj onEjml = c0.copy();
        Gemm.ejml().gemm(transA, transB, alpha, a, b, beta, onEjml);
        assertClose(expected, onEjml, "EJML vs triple loop");

        GemmBackend nativeBlas = NativeBlasForTests.nativeOrSkip();
        DMatrixRMaj onNative = c0.copy();
        nativeBlas.gemm(transA, transB, alpha, a, b, beta, onNative);
        assertClose(expected, onNative, "native vs triple loop");
        assertClose(onEjml, onNative, "native vs EJML");
    }

    static DMatrixRMaj randn(RandomState random, int rows, int cols) {
        return rows == 0 || cols == 0 ? new DMatrixRMaj(rows, cols) : random.randn(rows, cols);
    }

    /** The definition, summed in K order; a and b are not read when alpha is 0 (BLAS semantics). */
    static DMatrixRMaj tripleLoop(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
                                  double beta, DMatrixRMaj c0) {
        int k = transA ? a.numRows : a.numCols;
        DMatrixRMaj c = new DMatrixRMaj(c0.numRows, c0.numCols);
        for (int i = 0; i < c.numRows; i++) {
            for (int j = 0; j < c.numCols; j++) {
                double sum = 0;
                for (int p = 0; p < k && alpha != 0; p++) {
                    sum += (transA ? a.get(p, i) : a.get(i, p)) * (transB ? b.get(j, p) : b.get(p, j));
                }
                c.set(i, j, alpha * sum + (beta == 0 ? 0 : beta * c0.get(i, j)));
            }
        }
        return c;
    }

    static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, what + ": rows");
        assertEquals(expected.numCols, actual.numCols, what + ": columns");
        double scale = 1.0;
        double worst = 0.0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            scale = Math.max(scale, Math.abs(expected.data[i]));
            worst = Math.max(worst, Math.abs(expected.data[i] - actual.data[i]));
        }
        assertTrue(worst <= TOLERANCE * scale, what + ": max |difference| " + worst + " exceeds " + TOLERANCE + " × " + scale);
    }
}

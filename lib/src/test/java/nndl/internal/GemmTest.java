package nndl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The seam's contract on every backend: validation messages, BLAS semantics of alpha and beta, mult. */
class GemmTest {

    private static List<GemmBackend> backends() {
        List<GemmBackend> backends = new ArrayList<>(List.of(Gemm.ejml(), Gemm.backend()));
        Gemm.nativeBlas().ifPresent(backends::add);
        return backends;
    }

    @Test
    void shapeMismatchNamesBothOperands() {
        for (GemmBackend backend : backends()) {
            var e = assertThrows(IllegalArgumentException.class, () ->
                    backend.gemm(false, true, 1, new DMatrixRMaj(2, 3), new DMatrixRMaj(5, 4), 0, new DMatrixRMaj(2, 5)));
            assertEquals("gemm: op(a) is 2×3 but op(b) is 4×5", e.getMessage(), backend.name());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Gemm.mult(true, false, new DMatrixRMaj(3, 2), new DMatrixRMaj(4, 6)));
        assertEquals("gemm: op(a) is 2×3 but op(b) is 4×6", e.getMessage());
    }

    @Test
    void wrongOutputShapeIsReported() {
        for (GemmBackend backend : backends()) {
            var e = assertThrows(IllegalArgumentException.class, () ->
                    backend.gemm(false, false, 1, new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 4), 0, new DMatrixRMaj(4, 2)));
            assertEquals("gemm: output c is 4×2 but the product is 2×4", e.getMessage(), backend.name());
        }
    }

    @Test
    void outputAliasingAnInputIsRejected() {
        DMatrixRMaj square = new RandomState(3).randn(4, 4);
        DMatrixRMaj other = new RandomState(4).randn(4, 4);
        for (GemmBackend backend : backends()) {
            var e = assertThrows(IllegalArgumentException.class, () -> backend.gemm(false, false, 1, square, other, 0, square));
            assertEquals("gemm: output c must not alias an input", e.getMessage(), backend.name());
            assertThrows(IllegalArgumentException.class, () -> backend.gemm(true, false, 1, other, square, 1, square));
        }
    }

    @Test
    void sameMatrixAsBothInputsIsFine() {
        DMatrixRMaj x = new RandomState(5).randn(6, 4);
        for (GemmBackend backend : backends()) {
            DMatrixRMaj gram = new DMatrixRMaj(4, 4);
            backend.gemm(true, false, 1, x, x, 0, gram);
            GemmAgreementTest.assertClose(GemmAgreementTest.tripleLoop(true, false, 1, x, x, 0, gram), gram, backend.name());
        }
    }

    @Test
    void betaZeroOverwritesEvenNaN() {
        DMatrixRMaj a = new RandomState(6).randn(3, 5);
        DMatrixRMaj b = new RandomState(7).randn(5, 2);
        for (GemmBackend backend : backends()) {
            DMatrixRMaj c = new DMatrixRMaj(3, 2);
            java.util.Arrays.fill(c.data, Double.NaN);
            backend.gemm(false, false, 1, a, b, 0, c);
            GemmAgreementTest.assertClose(GemmAgreementTest.tripleLoop(false, false, 1, a, b, 0, c), c, backend.name());
        }
    }

    @Test
    void alphaZeroOnlyScalesAndDoesNotReadTheInputs() {
        DMatrixRMaj a = new DMatrixRMaj(3, 5);
        java.util.Arrays.fill(a.data, Double.NaN);
        DMatrixRMaj b = new RandomState(8).randn(5, 2);
        for (GemmBackend backend : backends()) {
            DMatrixRMaj c = DMatrixRMaj.wrap(3, 2, new double[] {1, 2, 3, 4, 5, 6});
            backend.gemm(false, false, 0, a, b, -2, c);
            assertArrayEquals(new double[] {-2, -4, -6, -8, -10, -12}, c.data, 0.0, backend.name());
        }
    }

    @Test
    void emptyInnerDimensionGivesBetaTimesC() {
        for (GemmBackend backend : backends()) {
            DMatrixRMaj c = DMatrixRMaj.wrap(2, 2, new double[] {1, Double.NaN, 3, 4});
            backend.gemm(false, false, 1, new DMatrixRMaj(2, 0), new DMatrixRMaj(0, 2), 0, c);
            assertArrayEquals(new double[] {0, 0, 0, 0}, c.data, 0.0, backend.name());
            DMatrixRMaj d = DMatrixRMaj.wrap(2, 2, new double[] {1, 2, 3, 4});
            backend.gemm(true, true, 1, new DMatrixRMaj(0, 2), new DMatrixRMaj(2, 0), 0.5, d);
            assertArrayEquals(new double[] {0.5, 1, 1.5, 2}, d.data, 0.0, backend.name());
        }
    }

    @Test
    void multReturnsANewProduct() {
        DMatrixRMaj a = new RandomState(9).randn(4, 3);
        DMatrixRMaj b = new RandomState(10).randn(5, 3);
        DMatrixRMaj c = Gemm.mult(false, true, a, b);
        assertEquals(4, c.numRows);
        assertEquals(5, c.numCols);
        GemmAgreementTest.assertClose(GemmAgreementTest.tripleLoop(false, true, 1, a, b, 0, new DMatrixRMaj(4, 5)), c, "mult");
        assertEquals(0, Gemm.mult(true, false, new DMatrixRMaj(0, 3), new DMatrixRMaj(0, 2)).get(2, 1));
    }

    @Test
    void matricesWithSpareCapacityUseOnlyTheirElements() {
        DMatrixRMaj a = new RandomState(11).randn(6, 6);
        a.reshape(2, 3);
        DMatrixRMaj b = new RandomState(12).randn(5, 5);
        b.reshape(3, 2);
        for (GemmBackend backend : backends()) {
            DMatrixRMaj c = new DMatrixRMaj(2, 2);
            backend.gemm(false, false, 1, a, b, 0, c);
            GemmAgreementTest.assertClose(GemmAgreementTest.tripleLoop(false, false, 1, a, b, 0, c), c, backend.name());
        }
    }

    @Test
    void concurrentCallersGetTheirOwnProducts() throws Exception {
        GemmBackend nativeBlas = NativeBlasForTests.nativeOrSkip();
        int callers = 4;
        List<DMatrixRMaj[]> work = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            RandomState random = new RandomState(20 + i);
            work.add(new DMatrixRMaj[] {random.randn(200, 300), random.randn(50, 300), new DMatrixRMaj(200, 50)});
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (DMatrixRMaj[] w : work) {
                running.add(pool.submit(() -> {
                    for (int repeat = 0; repeat < 20; repeat++) {
                        nativeBlas.gemm(false, true, 1, w[0], w[1], 0, w[2]);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (DMatrixRMaj[] w : work) {
            GemmAgreementTest.assertClose(GemmAgreementTest.tripleLoop(false, true, 1, w[0], w[1], 0, w[2]), w[2], "concurrent");
        }
    }

    @Test
    void repeatedProductsGiveTheSameBits() {
        RandomState random = new RandomState(30);
        DMatrixRMaj dh = random.randn(200, 50);
        DMatrixRMaj x = random.randn(200, 3072);
        for (GemmBackend backend : backends()) {
            DMatrixRMaj first = new DMatrixRMaj(50, 3072);
            DMatrixRMaj again = new DMatrixRMaj(50, 3072);
            backend.gemm(true, false, 1, dh, x, 0, first);
            backend.gemm(true, false, 1, dh, x, 0, again);
            assertArrayEquals(first.data, again.data, 0.0, backend.name());
        }
    }

    @Test
    void activeBackendIsChosenOnceAndNamed() {
        GemmBackend active = Gemm.backend();
        assertSame(active, Gemm.backend());
        assertNotNull(active.description());
        assertTrue(active.toString().contains(active.name()), active.toString());
        if (System.getProperty(Gemm.PROPERTY_BACKEND) == null && System.getenv(Gemm.ENV_BACKEND) == null
                && Gemm.nativeBlas().isPresent()) {
            assertSame(Gemm.nativeBlas().get(), active, "auto picks the native BLAS when it loads");
        }
    }

    @Test
    void nativeBlasLoadsOnThisMachine() {
        GemmBackend nativeBlas = NativeBlasForTests.nativeOrSkip();
        assertTrue(Gemm.nativeBlasProblem().isEmpty());
        assertTrue(nativeBlas.description().contains(" via dev.ludovic.netlib"), nativeBlas.description());
    }
}

package nndl.gradcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import nndl.internal.Gemm;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

    @Test
    void numericalGradientOfAQuadraticIsExactAndRestoresX() {
        DMatrixRMaj x = Matrices.of(new double[] {1, -2, 3}, new double[] {0.5, 0, -4});
        DMatrixRMaj before = x.copy();
        // f(x) = Σ x³ has gradient 3x²; centred differences are off by h² exactly: 3x² + h².
        DMatrixRMaj g = GradientCheck.evalNumericalGradient(v -> {
            double s = 0;
            for (int i = 0; i < 6; i++) {
                s += v.data[i] * v.data[i] * v.data[i];
            }
            return s;
        }, x);
        for (int i = 0; i < 6; i++) {
            assertEquals(3 * before.data[i] * before.data[i], g.data[i], 1e-6);
        }
        assertArrayEquals(before.data, x.data, 0.0);
    }

    @Test
    void perturbsTheMatrixInPlaceSoAFunctionIgnoringItsArgumentWorks() {
        DMatrixRMaj shared = Matrices.row(2, 3);
        DMatrixRMaj g = GradientCheck.evalNumericalGradient(ignored -> shared.data[0] * shared.data[1], shared);
        assertArrayEquals(new double[] {3, 2}, g.data, 1e-9);
        assertArrayEquals(new double[] {2, 3}, shared.data, 0.0);
    }

    @Test
    void restoresXWhenTheFunctionThrows() {
        DMatrixRMaj x = Matrices.row(1, 2);
        assertThrows(IllegalStateException.class, () -> GradientCheck.evalNumericalGradient(v -> {
            throw new IllegalStateException("boom");
        }, x));
        assertArrayEquals(new double[] {1, 2}, x.data, 0.0);
    }

    @Test
    void arrayGradientContractsWithDout() {
        NpRandom.seed(0);
        DMatrixRMaj a = NpRandom.randn(3, 4);
        DMatrixRMaj x = NpRandom.randn(4, 2);
        DMatrixRMaj dout = NpRandom.randn(3, 2);
        DMatrixRMaj num = GradientCheck.evalNumericalGradientArray(v -> Gemm.mult(false, false, a, v), x, dout);
        DMatrixRMaj expected = Gemm.mult(true, false, a, dout);
        assertTrue(GradientCheck.relError(num, expected) < 1e-9);
    }

    @Test
    void relErrorFollowsTheSeedFormula() {
        assertEquals(0.0, GradientCheck.relError(Matrices.row(0, 1), Matrices.row(0, 1)));
        assertEquals(1.0 / 3.0, GradientCheck.relError(Matrices.row(1, 5), Matrices.row(2, 5)), 1e-15);
        assertEquals(1e-9 / 1e-8, GradientCheck.relError(1e-9, 0.0), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, GradientCheck.relError(Matrices.row(Double.NaN), Matrices.row(1)));
        String m = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.relError(new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 2))).getMessage();
        assertEquals("relError: x is 2×3 but y is 3×2", m);
    }

    @Test
    void sparseCheckPrintsTheSeedLinesAndReturnsErrors() {
        DMatrixRMaj x = Matrices.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        DMatrixRMaj analytic = x.copy();
        CommonOps_DDRM.scale(2, analytic);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double[] errors = GradientCheck.gradCheckSparse(GradientCheckTest::squares, x, analytic,
                4, 1e-5, new RandomState(0), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].matches("numerical: -?\\d+\\.\\d{6} analytic: -?\\d+\\.\\d{6}, relative error: \\d\\.\\d{6}e[-+]\\d\\d"), lines[0]);
        for (double e : errors) {
            assertTrue(e < 1e-9, "error " + e);
        }
        analytic.set(0, 0, 0);
        analytic.set(0, 1, 0);
        analytic.set(0, 2, 0);
        double[] wrong = GradientCheck.gradCheckSparse(GradientCheckTest::squares, x, analytic, 20, 1e-5, new RandomState(1), null);
        assertTrue(java.util.Arrays.stream(wrong).anyMatch(e -> e == 1.0));
    }

    @Test
    void checkGradientServesHandDerivations() {
        // Linear autoencoder of the backprop exercises: L = ½‖WᵀWx − x‖², ∇W = W(mxᵀ + xmᵀ) with m = WᵀWx − x.
        NpRandom.seed(3);
        DMatrixRMaj w = NpRandom.randn(2, 5);
        DMatrixRMaj x = NpRandom.randn(5, 1);
        java.util.function.Function<DMatrixRMaj, DMatrixRMaj> residual = v -> {
            DMatrixRMaj m = Gemm.mult(true, false, v, Gemm.mult(false, false, v, x));
            CommonOps_DDRM.subtractEquals(m, x);
            return m;
        };
        DMatrixRMaj m = residual.apply(w);
        DMatrixRMaj outer = Gemm.mult(false, true, m, x);
        CommonOps_DDRM.addEquals(outer, Gemm.mult(false, true, x, m));
        DMatrixRMaj grad = Gemm.mult(false, false, w, outer);
        double error = GradientCheck.checkGradient(v -> 0.5 * CommonOps_DDRM.elementSum(squared(residual.apply(v))), w, grad);
        System.out.println("autoencoder gradient rel error: " + error);
        assertTrue(error < 1e-8, "error " + error);
    }

    @Test
    void rejectsABadStep() {
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.evalNumericalGradient(v -> 0, Matrices.row(1), false, 0));
    }

    private static double squares(DMatrixRMaj v) {
        return CommonOps_DDRM.elementSum(squared(v));
    }

    private static DMatrixRMaj squared(DMatrixRMaj v) {
        DMatrixRMaj s = v.copy();
        CommonOps_DDRM.elementMult(s, v);
        return s;
    }
}

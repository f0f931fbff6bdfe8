package nndl.layers;

import static nndl.gradcheck.GradientCheck.evalNumericalGradient;
import static nndl.gradcheck.GradientCheck.evalNumericalGradientArray;
import static nndl.gradcheck.GradientCheck.relError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.random.NpRandom;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The layer checks of the fc_nets notebook (seed 001). The seed's random inputs were unseeded; here
 * each test seeds the numpy-compatible source so that its numbers are reproducible.
 */
class LayersTest {

    private static void assertBelow(double limit, double error, String what) {
        System.out.println(what + ": " + error);
        assertTrue(error < limit, what + " is " + error + ", expected < " + limit);
    }

    @Test
    void affineForwardMatchesTheSeedTable() {
        DMatrixRMaj x = Matrices.linspace(-0.1, 0.5, 240, 2, 120);
        DMatrixRMaj w = Matrices.linspace(-0.2, 0.3, 360, 120, 3);
        DMatrixRMaj b = Matrices.linspace(-0.3, 0.1, 3);
        DMatrixRMaj correct = Matrices.of(new double[] {1.49834967, 1.70660132, 1.91485297},
                new double[] {3.25553199, 3.5141327, 3.77273342});
        assertBelow(1e-8, relError(Affine.affineForward(x, w, b).out(), correct), "affineForward rel error");
    }

    @Test
    void affineBackwardMatchesNumericalGradients() {
        NpRandom.seed(0);
        DMatrixRMaj x = NpRandom.randn(10, 2, 3);
        DMatrixRMaj w = NpRandom.randn(6, 5);
        DMatrixRMaj b = NpRandom.randn(5);
        DMatrixRMaj dout = NpRandom.randn(10, 5);
        DMatrixRMaj dxNum = evalNumericalGradientArray(v -> Affine.affineForward(v, w, b).out(), x, dout);
        DMatrixRMaj dwNum = evalNumericalGradientArray(v -> Affine.affineForward(x, v, b).out(), w, dout);
        DMatrixRMaj dbNum = evalNumericalGradientArray(v -> Affine.affineForward(x, w, v).out(), b, dout);
        Affine.Grads g = Affine.affineBackward(dout, Affine.affineForward(x, w, b).cache());
        assertBelow(1e-8, relError(dxNum, g.dx()), "affineBackward dx error");
        assertBelow(1e-8, relError(dwNum, g.dw()), "affineBackward dw error");
        assertBelow(1e-8, relError(dbNum, g.db()), "affineBackward db error");
    }

    @Test
    void affineForwardDoesNotModifyItsInputs() {
        NpRandom.seed(3);
        DMatrixRMaj x = NpRandom.randn(4, 3);
        DMatrixRMaj w = NpRandom.randn(3, 2);
        DMatrixRMaj b = NpRandom.randn(2);
        DMatrixRMaj x0 = x.copy();
        DMatrixRMaj w0 = w.copy();
        Forward<Affine.Cache> f = Affine.affineForward(x, w, b);
        Affine.affineBackward(NpRandom.randn(4, 2), f.cache());
        assertArrayEquals(x0.data, x.data, 0.0);
        assertArrayEquals(w0.data, w.data, 0.0);
        assertSame(x, f.cache().x());
    }

    @Test
    void reluForwardMatchesTheSeedTable() {
        DMatrixRMaj x = Matrices.linspace(-0.5, 0.5, 12, 3, 4);
        DMatrixRMaj correct = Matrices.of(new double[] {0, 0, 0, 0}, new double[] {0, 0, 0.04545455, 0.13636364},
                new double[] {0.22727273, 0.31818182, 0.40909091, 0.5});
        assertBelow(1e-7, relError(Relu.reluForward(x).out(), correct), "reluForward rel error");
    }

    @Test
    void reluBackwardMatchesNumericalGradient() {
        NpRandom.seed(1);
        DMatrixRMaj x = NpRandom.randn(10, 10);
        DMatrixRMaj dout = NpRandom.randn(10, 10);
        DMatrixRMaj dxNum = evalNumericalGradientArray(v -> Relu.reluForward(v).out(), x, dout);
        DMatrixRMaj dx = Relu.reluBackward(dout, Relu.reluForward(x).cache());
        assertBelow(1e-10, relError(dxNum, dx), "reluBackward dx error");
    }

    @Test
    void affineReluBackwardMatchesNumericalGradients() {
        NpRandom.seed(2);
        DMatrixRMaj x = NpRandom.randn(2, 3, 4);
        DMatrixRMaj w = NpRandom.randn(12, 10);
        DMatrixRMaj b = NpRandom.randn(10);
        DMatrixRMaj dout = NpRandom.randn(2, 10);
        Forward<LayerUtils.AffineReluCache> f = LayerUtils.affineReluForward(x, w, b);
        Affine.Grads g = LayerUtils.affineReluBackward(dout, f.cache());
        DMatrixRMaj dxNum = evalNumericalGradientArray(v -> LayerUtils.affineReluForward(v, w, b).out(), x, dout);
        DMatrixRMaj dwNum = evalNumericalGradientArray(v -> LayerUtils.affineReluForward(x, v, b).out(), w, dout);
        DMatrixRMaj dbNum = evalNumericalGradientArray(v -> LayerUtils.affineReluForward(x, w, v).out(), b, dout);
        assertBelow(1e-8, relError(dxNum, g.dx()), "affineRelu dx error");
        assertBelow(1e-8, relError(dwNum, g.dw()), "affineRelu dw error");
        assertBelow(1e-8, relError(dbNum, g.db()), "affineRelu db error");
    }

    @Test
    void softmaxLossIsLog10AtSmallScoresAndItsGradientChecks() {
        NpRandom.seed(0);
        DMatrixRMaj x = NpRandom.randn(50, 10);
        CommonOps_DDRM.scale(0.001, x);
        int[] y = NpRandom.randint(10, 50);
        Losses.Result r = Losses.softmaxLoss(x, y);
        // NumPy with the same seed and draws (instructor/reference/losses.py prints it): 2.302771920809038.
        assertEquals(2.302771920809038, r.loss(), 1e-14);
        assertEquals(Math.log(10), r.loss(), 0.01);
        DMatrixRMaj dxNum = evalNumericalGradient(v -> Losses.softmaxLoss(v, y).loss(), x);
        assertBelow(1e-7, relError(dxNum, r.dx()), "softmaxLoss dx error");
    }

    @Test
    void softmaxLossStaysFiniteForHugeScores() {
        DMatrixRMaj x = Matrices.of(new double[] {1000, -1000, 0}, new double[] {0, 2000, -3000});
        Losses.Result r = Losses.softmaxLoss(x, new int[] {1, 2});
        assertEquals((2000 + 5000) / 2.0, r.loss(), 1e-9);
        for (double v : r.dx().data) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void svmLossMatchesNumpyAndItsGradientChecks() {
        NpRandom.seed(1);
        DMatrixRMaj x = NpRandom.randn(50, 10);
        int[] y = NpRandom.randint(10, 50);
        Losses.Result r = Losses.svmLoss(x, y);
        // NumPy, the cs231n hinge loss on the same seed and draws (instructor/reference/losses.py): 11.300387443137328.
        assertEquals(11.300387443137328, r.loss(), 1e-13);
        DMatrixRMaj dxNum = evalNumericalGradient(v -> Losses.svmLoss(v, y).loss(), x);
        assertBelow(1e-8, relError(dxNum, r.dx()), "svmLoss dx error");
    }
}

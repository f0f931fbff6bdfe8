package nndl.nets;

import static nndl.gradcheck.GradientCheck.evalNumericalGradient;
import static nndl.gradcheck.GradientCheck.relError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The modular two-layer net block of the fc_nets notebook (seed 001), run exactly as the seed's cell. */
class FcTwoLayerNetTest {
    private static final int N = 3;
    private static final int D = 5;
    private static final int H = 50;
    private static final int C = 7;
    private static final int[] Y = {0, 5, 1};

    private static double std(DMatrixRMaj m) {
        double mean = CommonOps_DDRM.elementSum(m) / m.getNumElements();
        double sq = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            sq += (m.data[i] - mean) * (m.data[i] - mean);
        }
        return Math.sqrt(sq / m.getNumElements());
    }

    private static FcTwoLayerNet linspaceModel() {
        NpRandom.seed(0);
        FcTwoLayerNet model = new FcTwoLayerNet(D, H, C, 1e-2);
        model.params().put("W1", Matrices.linspace(-0.7, 0.3, D * H, D, H));
        model.params().put("b1", Matrices.linspace(-0.1, 0.9, H));
        model.params().put("W2", Matrices.linspace(-0.3, 0.4, H * C, H, C));
        model.params().put("b2", Matrices.linspace(-0.9, 0.1, C));
        return model;
    }

    private static DMatrixRMaj linspaceX() {
        DMatrixRMaj x = new DMatrixRMaj(N, D);
        CommonOps_DDRM.transpose(Matrices.linspace(-5.5, 4.5, N * D, D, N), x);
        return x;
    }

    @Test
    void initialisationHasTheRequestedScaleAndZeroBiases() {
        NpRandom.seed(0);
        double std = 1e-2;
        FcTwoLayerNet model = new FcTwoLayerNet(D, H, C, std);
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(model.params().keySet()));
        assertEquals(D, model.params().get("W1").numRows);
        assertEquals(C, model.params().get("W2").numCols);
        assertTrue(Math.abs(std(model.params().get("W1")) - std) < std / 10, "W1 std");
        assertTrue(Math.abs(std(model.params().get("W2")) - std) < std / 10, "W2 std");
        assertEquals(0.0, CommonOps_DDRM.elementSumAbs(model.params().get("b1")));
        assertEquals(0.0, CommonOps_DDRM.elementSumAbs(model.params().get("b2")));
        assertEquals(1, model.params().get("b1").numRows);
    }

    @Test
    void testTimeScoresMatchTheSeedTable() {
        DMatrixRMaj correct = Matrices.of(
                new double[] {11.53165108, 12.2917344, 13.05181771, 13.81190102, 14.57198434, 15.33206765, 16.09215096},
                new double[] {12.05769098, 12.74614105, 13.43459113, 14.1230412, 14.81149128, 15.49994135, 16.18839143},
                new double[] {12.58373087, 13.20054771, 13.81736455, 14.43418138, 15.05099822, 15.66781506, 16.2846319});
        double diff = Matrices.sumAbsDiff(linspaceModel().loss(linspaceX()), correct);
        System.out.println("fc two-layer scores diff: " + diff);
        assertTrue(diff < 1e-6, "scores diff " + diff);
    }

    @Test
    void trainingLossWithAndWithoutRegularisationMatchesTheSeed() {
        FcTwoLayerNet model = linspaceModel();
        DMatrixRMaj x = linspaceX();
        double loss = model.loss(x, Y).loss();
        assertEquals(3.4702243556, loss, 1e-10);
        model.setReg(1.0);
        double regLoss = model.loss(x, Y).loss();
        assertEquals(26.5948426952, regLoss, 1e-10);
        System.out.println("fc two-layer loss diffs: " + Math.abs(loss - 3.4702243556) + ", " + Math.abs(regLoss - 26.5948426952));
    }

    @Test
    void gradientsCheckAtReg0And07() {
        FcTwoLayerNet model = linspaceModel();
        DMatrixRMaj x = linspaceX();
        for (double reg : new double[] {0.0, 0.7}) {
            model.setReg(reg);
            LossAndGrads analytic = model.loss(x, Y);
            for (String name : List.of("W1", "W2", "b1", "b2")) {
                DMatrixRMaj numeric = evalNumericalGradient(ignored -> model.loss(x, Y).loss(), model.params().get(name));
                double error = relError(numeric, analytic.grads().get(name));
                System.out.println("fc two-layer reg " + reg + " " + name + " relative error: " + error);
                assertTrue(error < 1e-6, name + " at reg " + reg + ": " + error);
            }
        }
    }

    @Test
    void dropoutOptionIsUsedInTrainingOnly() {
        FcTwoLayerNet.Options options = new FcTwoLayerNet.Options().withInputDim(D).withHiddenDims(H).withNumClasses(C).withDropout(0.5);
        FcTwoLayerNet model = new FcTwoLayerNet(options, new RandomState(1));
        DMatrixRMaj x = linspaceX();
        assertEquals(model.loss(x).data[0], model.loss(x).data[0]);
        assertNotEquals(model.loss(x, Y).loss(), model.loss(x, Y).loss());
        assertTrue(model.toString().contains("dropout 0.5"), model.toString());
    }

    @Test
    void printsItsArchitecture() {
        assertEquals("FcTwoLayerNet(affine - relu - affine - softmax, reg 0.0; W1 5×50, b1 1×50, W2 50×7, b2 1×7)",
                linspaceModel().toString());
    }

    @Test
    void badArgumentsAreNamed() {
        FcTwoLayerNet model = linspaceModel();
        String m = assertThrows(IllegalArgumentException.class, () -> model.loss(new DMatrixRMaj(3, 6))).getMessage();
        assertEquals("FcTwoLayerNet.loss: x is 3×6 but the net's input dimension is D=5, so x must be N×5", m);
        m = assertThrows(IllegalArgumentException.class, () -> model.loss(linspaceX(), new int[] {0, 7, 1})).getMessage();
        assertEquals("softmaxLoss: label 7 at row 1 is outside 0..6", m);
        m = assertThrows(IllegalArgumentException.class, () -> model.setReg(-1)).getMessage();
        assertEquals("FcTwoLayerNet.setReg: reg must be non-negative and finite, got -1.0", m);
        m = assertThrows(IllegalArgumentException.class, () -> new FcTwoLayerNet.Options().withHiddenDims(0)).getMessage();
        assertEquals("FcTwoLayerNet.Options: hiddenDims must be positive, got 0", m);
    }
}

package nndl.nets;

import static nndl.gradcheck.GradientCheck.evalNumericalGradient;
import static nndl.gradcheck.GradientCheck.relError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nndl.layers.BatchNorm;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The FullyConnectedNet check of the fc_nets notebook and gradient checks with batchnorm and dropout. */
class FullyConnectedNetTest {

    private static void checkAllGradients(FullyConnectedNet model, DMatrixRMaj x, int[] y, double limit, String label) {
        LossAndGrads analytic = model.loss(x, y);
        assertEquals(model.params().keySet(), analytic.grads().keySet());
        for (String name : analytic.grads().keySet()) {
            DMatrixRMaj numeric = evalNumericalGradient(ignored -> model.loss(x, y).loss(), model.params().get(name), false, 1e-5);
            double error = relError(numeric, analytic.grads().get(name));
            System.out.println(label + " " + name + " relative error: " + error);
            if (cancelledByBatchnorm(model, name)) {
                // A bias right before batchnorm is removed by the mean subtraction: its true gradient is 0, so
                // the relative error only compares rounding noise (cs231n's notebooks show ~1e-3 there too).
                assertTrue(maxAbs(numeric) < 1e-9 && maxAbs(analytic.grads().get(name)) < 1e-12, label + " " + name);
            } else {
                assertTrue(error < limit, label + " " + name + ": " + error);
            }
        }
    }

    private static boolean cancelledByBatchnorm(FullyConnectedNet model, String name) {
        return model.options().useBatchnorm() && name.startsWith("b") && !name.startsWith("beta")
                && Integer.parseInt(name.substring(1)) < model.numLayers();
    }

    private static double maxAbs(DMatrixRMaj m) {
        double max = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            max = Math.max(max, Math.abs(m.data[i]));
        }
        return max;
    }

    @Test
    void seedCheckAtReg0And314() {
        // The seed's cell draws X and y unseeded. With seed 0 a numpy implementation of the same net already
        // shows W2 relative error 8.5e-5 (entries whose true gradient is ~1e-9, where the 1e-8 floor of relError
        // amplifies rounding noise); seed 3 is a draw where numpy's errors are all below 3e-7, as the seed's were.
        NpRandom.seed(3);
        DMatrixRMaj x = NpRandom.randn(2, 15);
        int[] y = NpRandom.randint(10, 2);
        // NumPy reference with the same seed and draw order (instructor/reference/fc_net.py): initial losses per reg.
        double[] numpyLoss = {2.3044379738497254, 6.995043700309254};
        double[] regs = {0.0, 3.14};
        for (int r = 0; r < 2; r++) {
            FullyConnectedNet model = new FullyConnectedNet(FullyConnectedNet.Options.of(20, 30)
                    .withInputDim(15).withNumClasses(10).withReg(regs[r]).withWeightScale(5e-2));
            double loss = model.loss(x, y).loss();
            System.out.println("fc net reg " + regs[r] + " initial loss: " + loss);
            assertEquals(numpyLoss[r], loss, 1e-12);
            if (regs[r] == 0.0) {
                assertEquals(2.3, loss, 0.1);
            }
            checkAllGradients(model, x, y, 1e-5, "fc net reg " + regs[r]);
        }
    }

    @Test
    void gradientsCheckWithBatchnorm() {
        RandomState random = new RandomState(1);
        DMatrixRMaj x = random.randn(10, 15);
        int[] y = random.randint(10, 10);
        FullyConnectedNet model = new FullyConnectedNet(FullyConnectedNet.Options.of(20, 30)
                .withInputDim(15).withUseBatchnorm(true).withReg(0.5).withWeightScale(5e-2), random);
        assertEquals(List.of("W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"),
                List.copyOf(model.params().keySet()));
        checkAllGradients(model, x, y, 1e-5, "batchnorm net");
    }

    @Test
    void gradientsCheckWithSeededDropoutAndBatchnorm() {
        RandomState random = new RandomState(2);
        DMatrixRMaj x = random.randn(10, 15);
        int[] y = random.randint(10, 10);
        FullyConnectedNet model = new FullyConnectedNet(FullyConnectedNet.Options.of(20, 30)
                .withInputDim(15).withDropout(0.25).withSeed(123L).withUseBatchnorm(true).withWeightScale(5e-2), random);
        checkAllGradients(model, x, y, 1e-5, "dropout+batchnorm net");
        FullyConnectedNet dropoutOnly = new FullyConnectedNet(FullyConnectedNet.Options.of(20, 30)
                .withInputDim(15).withDropout(0.5).withSeed(7L).withWeightScale(5e-2), random);
        // W3 has entries whose gradient is ~1e-6; the centred difference's rounding noise (~eps·loss/h ≈ 5e-11) gives
        // them relative errors near 2e-5, so this check allows 1e-4 (a wrong mask or scale gives errors ~0.1 or more).
        checkAllGradients(dropoutOnly, x, y, 1e-4, "dropout net");
    }

    @Test
    void dropoutWithoutSeedDiffersBetweenPassesAndIsOffAtTestTime() {
        RandomState random = new RandomState(3);
        DMatrixRMaj x = random.randn(4, 15);
        int[] y = {1, 2, 3, 4};
        FullyConnectedNet model = new FullyConnectedNet(FullyConnectedNet.Options.of(20).withInputDim(15).withDropout(0.5), random);
        assertNotEquals(model.loss(x, y).loss(), model.loss(x, y).loss());
        assertArrayEquals(model.loss(x).data, model.loss(x).data, 0.0);
    }

    @Test
    void runningStatsAreExplicitAndUsedAtTestTime() {
        RandomState random = new RandomState(4);
        DMatrixRMaj x = random.randn(8, 6);
        int[] y = random.randint(3, 8);
        FullyConnectedNet model = new FullyConnectedNet(FullyConnectedNet.Options.of(5)
                .withInputDim(6).withNumClasses(3).withUseBatchnorm(true), random);
        assertEquals(0.0, model.runningStats().get(0).mean().data[0]);
        DMatrixRMaj before = model.loss(x);
        List<BatchNorm.RunningStats> initial = model.runningStats();
        model.loss(x, y);
        List<BatchNorm.RunningStats> after = model.runningStats();
        assertNotEquals(initial.get(0), after.get(0));
        assertEquals(0.0, initial.get(0).mean().data[0]);
        assertTrue(after.get(0).var().data[0] > 0);
        assertNotEquals(before.data[0], model.loss(x).data[0]);
        assertEquals(after, model.runningStats());
        assertTrue(model.params().keySet().stream().noneMatch(k -> k.contains("running")));
    }

    @Test
    void printsArchitectureAndShapes() {
        FullyConnectedNet model = new FullyConnectedNet(FullyConnectedNet.Options.of(20, 30).withInputDim(15)
                .withUseBatchnorm(true).withDropout(0.25), new RandomState(0));
        assertEquals("FullyConnectedNet({affine - batchnorm - relu - dropout 0.25} × 2 - affine - softmax, hidden [20, 30], reg 0.0; "
                + "W1 15×20, b1 1×20, gamma1 1×20, beta1 1×20, W2 20×30, b2 1×30, gamma2 1×30, beta2 1×30, W3 30×10, b3 1×10)",
                model.toString());
        assertEquals(3, model.numLayers());
    }

    @Test
    void badOptionsAndInputsAreNamed() {
        String m = assertThrows(IllegalArgumentException.class, () -> FullyConnectedNet.Options.of()).getMessage();
        assertEquals("FullyConnectedNet.Options: hiddenDims must list at least one hidden layer size", m);
        m = assertThrows(IllegalArgumentException.class, () -> FullyConnectedNet.Options.of(10, -1)).getMessage();
        assertEquals("FullyConnectedNet.Options: hiddenDims[1] must be positive, got -1", m);
        m = assertThrows(IllegalArgumentException.class, () -> FullyConnectedNet.Options.of(10).withDropout(1.0)).getMessage();
        assertEquals("FullyConnectedNet.Options: dropout must be in [0, 1), got 1.0", m);
        FullyConnectedNet model = new FullyConnectedNet(FullyConnectedNet.Options.of(4).withInputDim(3), new RandomState(0));
        m = assertThrows(IllegalArgumentException.class, () -> model.loss(new DMatrixRMaj(0, 3), new int[0])).getMessage();
        assertEquals("FullyConnectedNet.loss: empty batch, x is 0×3", m);
        m = assertThrows(IllegalArgumentException.class, () -> model.loss(new DMatrixRMaj(2, 3), new int[] {0, 10})).getMessage();
        assertEquals("softmaxLoss: label 10 at row 1 is outside 0..9", m);
    }
}

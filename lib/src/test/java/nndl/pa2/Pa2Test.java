package nndl.pa2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nndl.gradcheck.GradientCheck;
import nndl.random.RandomState;
import nndl.util.Interrupts;
import nndl.util.Matrices;
import nndl.util.MatrixStats;
import nndl.util.Stopped;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The PA2 helpers on hand-computed cases, and the net's four gradients against numeric ones. */
class Pa2Test {
    @Test
    void reluZeroesTheNegativeEntries() {
        DMatrixRMaj out = Pa2.relu(Matrices.of(new double[] {-1, 0, 2}, new double[] {3, -0.5, 0.25}));
        assertEquals(0.0, MatrixStats.maxAbsDiff(out, Matrices.of(new double[] {0, 0, 2}, new double[] {3, 0, 0.25})));
    }

    @Test
    void softmaxOfEachRowWithoutOverflow() {
        DMatrixRMaj out = Pa2.softmax(Matrices.of(new double[] {1, 2, 3}, new double[] {1000, 1000, 1001}));
        double z = 1 + Math.E + Math.E * Math.E;
        double w = 2 + Math.E;
        DMatrixRMaj expected = Matrices.of(new double[] {1 / z, Math.E / z, Math.E * Math.E / z},
                new double[] {1 / w, 1 / w, Math.E / w});
        assertTrue(MatrixStats.maxAbsDiff(out, expected) < 1e-15, Matrices.format(out));
    }

    @Test
    void computeLayerIsAffineWithTheBiasOnEveryRow() {
        DMatrixRMaj x = Matrices.of(new double[] {1, 2, 3}, new double[] {-1, 0, 1});
        DMatrixRMaj w = Matrices.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {1, -1});
        DMatrixRMaj out = Pa2.computeLayer(x, w, Matrices.row(0.5, -0.5));
        // row 1: (1 + 3, 2 − 3) + b; row 2: (−1 + 1, 0 − 1) + b
        assertEquals(0.0, MatrixStats.maxAbsDiff(out, Matrices.of(new double[] {4.5, -1.5}, new double[] {0.5, -1.5})));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Pa2.computeLayer(x, Matrices.of(new double[] {1, 2}), Matrices.row(0, 0)));
        assertEquals("computeLayer: x is 2×3 but w is 1×2", bad.getMessage());
    }

    @Test
    void averageCeAndItsGradient() {
        DMatrixRMaj target = Pa2.oneHot(new int[] {2, 0}, 3);
        DMatrixRMaj prediction = Matrices.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.7, 0.1, 0.2});
        assertEquals(-(Math.log(0.5) + Math.log(0.7)) / 2, Pa2.averageCe(target, prediction), 1e-15);
        DMatrixRMaj grad = Pa2.gradCe(target, prediction);
        DMatrixRMaj expected = Matrices.of(new double[] {0.1, 0.15, -0.25}, new double[] {-0.15, 0.05, 0.1});
        assertTrue(MatrixStats.maxAbsDiff(grad, expected) < 1e-15, Matrices.format(grad));
    }

    @Test
    void gradCeIsTheGradientOfTheLossAtTheSoftmaxInput() {
        RandomState random = new RandomState(3);
        DMatrixRMaj o = random.randn(4, 5);
        DMatrixRMaj target = Pa2.oneHot(random.randint(5, 4), 5);
        DMatrixRMaj numeric = GradientCheck.evalNumericalGradient(z -> Pa2.averageCe(target, Pa2.softmax(z)), o);
        assertTrue(GradientCheck.relError(numeric, Pa2.gradCe(target, Pa2.softmax(o))) < 1e-8);
    }

    @Test
    void backPropMatchesNumericGradients() {
        RandomState random = new RandomState(0);
        Pa2Net net = new Pa2Net(6, 7, 4, random);
        net.params().get("bh").data[2] = 0.3;   // non-zero biases, so their gradients matter
        net.params().get("bo").data[1] = -0.2;
        DMatrixRMaj x = random.randn(5, 6);
        DMatrixRMaj target = Pa2.oneHot(random.randint(4, 5), 4);
        Map<String, DMatrixRMaj> grads = net.backProp(net.forwardProp(x), target).byName();
        for (Map.Entry<String, DMatrixRMaj> param : net.params().entrySet()) {
            DMatrixRMaj numeric = GradientCheck.evalNumericalGradient(p -> net.loss(x, target), param.getValue());
            double error = GradientCheck.relError(numeric, grads.get(param.getKey()));
            assertTrue(error < 1e-7, param.getKey() + ": " + error);
        }
    }

    @Test
    void xavierHasTheVarianceTwoOverFanInPlusFanOut() {
        DMatrixRMaj w = Pa2.xavier(new RandomState(5), 300, 200);
        double variance = MatrixStats.std(w) * MatrixStats.std(w);
        assertEquals(2.0 / 500, variance, 0.05 * 2.0 / 500);
        assertEquals(0.0, MatrixStats.mean(w), 3 * Math.sqrt(2.0 / 500 / 60_000));
    }

    @Test
    void momentumStepFollowsTheRuleAndTrainingLearns() {
        RandomState random = new RandomState(1);
        DMatrixRMaj x = random.randn(60, 5);
        int[] labels = new int[60];
        for (int n = 0; n < 60; n++) {
            labels[n] = x.get(n, 0) + x.get(n, 1) > 0 ? 1 : 0;
        }
        DMatrixRMaj target = Pa2.oneHot(labels, 2);
        Pa2Net net = new Pa2Net(5, 8, 2, new RandomState(2));
        // Two epochs by hand: v1 = α·g0, W1 = W0 − v1; v2 = γ·v1 + α·g1, W2 = W1 − v2.
        Pa2Net copy = new Pa2Net(5, 8, 2, new RandomState(2));
        double alpha = 0.1;
        double gamma = 0.9;
        Map<String, DMatrixRMaj> g0 = copy.backProp(copy.forwardProp(x), target).byName();
        Map<String, DMatrixRMaj> v = new java.util.HashMap<>();
        copy.params().forEach((name, p) -> {
            DMatrixRMaj v1 = g0.get(name).copy();
            org.ejml.dense.row.CommonOps_DDRM.scale(alpha, v1);
            org.ejml.dense.row.CommonOps_DDRM.subtractEquals(p, v1);
            v.put(name, v1);
        });
        Map<String, DMatrixRMaj> g1 = copy.backProp(copy.forwardProp(x), target).byName();
        copy.params().forEach((name, p) -> {
            for (int i = 0; i < p.getNumElements(); i++) {
                p.data[i] -= gamma * v.get(name).data[i] + alpha * g1.get(name).data[i];
            }
        });
        MomentumHistory two = net.train(x, target, x, target, new MomentumOptions(2, alpha, gamma));
        for (String name : net.params().keySet()) {
            assertTrue(MatrixStats.maxAbsDiff(net.params().get(name), copy.params().get(name)) < 1e-14, name);
        }
        assertEquals(2, two.epochs());
        assertEquals(two.trainLoss(), two.valLoss());  // validation on the same data and the same weights

        MomentumHistory longer = net.train(x, target, x, target, new MomentumOptions(200, 0.1, 0.9));
        assertTrue(longer.trainLoss().get(199) < 0.5 * longer.trainLoss().get(0), longer.toString());
        assertTrue(longer.trainAcc().get(199) > 0.9, longer.toString());
    }

    @Test
    void interruptStopsTrainingWithTheHistorySoFar() throws InterruptedException {
        RandomState random = new RandomState(4);
        DMatrixRMaj x = random.randn(50, 6);
        DMatrixRMaj target = Pa2.oneHot(random.randint(3, 50), 3);
        Pa2Net net = new Pa2Net(6, 5, 3, random);
        Throwable thrown = Interrupts.interruptDuring(
                () -> net.train(x, target, x, target, new MomentumOptions(100_000_000, 1e-3, 0.9)), 200);
        Stopped stopped = assertInstanceOf(Stopped.class, thrown);
        assertTrue(stopped.getMessage().matches("stopped at epoch \\d+ / 100000000"), stopped.getMessage());
        assertEquals(stopped.iteration(), stopped.partial(MomentumHistory.class).epochs());
    }

    @Test
    void divergenceReturnsTheCurvesSoFarMarkedDiverged() {
        RandomState random = new RandomState(5);
        DMatrixRMaj x = random.randn(40, 4);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] *= 1e3;
        }
        DMatrixRMaj target = Pa2.oneHot(random.randint(3, 40), 3);
        Pa2Net net = new Pa2Net(4, 6, 3, random);
        MomentumHistory history = net.train(x, target, x, target, new MomentumOptions(200, 1e300, 0.9));
        assertTrue(history.diverged(), history.toString());
        assertTrue(history.message().contains("training diverged"), history.message());
        assertTrue(history.epochs() < 200, history.toString());
        assertTrue(history.trainLoss().stream().allMatch(Double::isFinite), history.trainLoss().toString());

        DMatrixRMaj small = new RandomState(6).randn(40, 4);
        MomentumHistory calm = new Pa2Net(4, 6, 3, new RandomState(7)).train(small, target, small, target,
                new MomentumOptions(2, 0.1, 0.9));
        assertFalse(calm.diverged());
        assertEquals("completed 2 epochs", calm.message());
    }
}

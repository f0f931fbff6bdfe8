package nndl.multilayer;

import nndl.util.RecordingListener;
import static nndl.multilayer.ActivationsTest.assertTableEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The seed-002 network functions. Reference values come from numpy 1.24 running the seed's formulas
 * on the same seed(1) draws (Z = W.dot(A) + b; dA_prev = W.T.dot(dZ); dW = dZ.dot(A.T);
 * db = dZ.sum(axis=1, keepdims=True); classify = argmax over rows), printed with repr.
 */
class MultiLayerTest {
    @Test
    void initializeNetworkHasTheSeedsShapesAndZeroBiases() {
        Map<String, DMatrixRMaj> p = MultiLayer.initializeNetwork(5, 4, 1);
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(p.keySet()));
        assertEquals("4×5", Matrices.shape(p.get("W1")));
        assertEquals("1×4", Matrices.shape(p.get("W2")));
        assertEquals("4×1", Matrices.shape(p.get("b1")));
        assertEquals("1×1", Matrices.shape(p.get("b2")));
        assertArrayEquals(new double[4], p.get("b1").data, 0.0);
        assertArrayEquals(new double[1], p.get("b2").data, 0.0);
    }

    @Test
    void initializeNetworkDrawsZeroPointZeroOneRandn() {
        NpRandom.seed(1);
        Map<String, DMatrixRMaj> p = MultiLayer.initializeNetwork(5, 4, 1);
        // numpy: np.random.seed(1); 0.01 * np.random.randn(4, 5)[0, :3]
        assertArrayEquals(new double[] {0.01624345363663242, -0.006117564136500754, -0.005281717522634557},
                new double[] {p.get("W1").get(0, 0), p.get("W1").get(0, 1), p.get("W1").get(0, 2)}, 1e-17);
        Map<String, DMatrixRMaj> same = MultiLayer.initializeNetwork(new RandomState(1), 5, 4, 1);
        assertArrayEquals(p.get("W2").data, same.get("W2").data, 0.0);
        assertThrows(IllegalArgumentException.class, () -> MultiLayer.initializeNetwork(5));
        assertThrows(IllegalArgumentException.class, () -> MultiLayer.initializeNetwork(5, 0, 2));
    }

    @Test
    void linearForwardMatchesNumpy() {
        NpRandom.seed(1);
        DMatrixRMaj a = NpRandom.randn(3, 4);
        DMatrixRMaj w = NpRandom.randn(3, 3);
        DMatrixRMaj b = NpRandom.randn(3, 1);
        LinearOutput out = MultiLayer.linearForward(a, w, b);
        double[][] z = {
                {0.6503600287494535, 1.9431519497007437, 2.3026061137369895, -0.5527125052578421},
                {-1.314304402447113, 2.190218333093954, -0.10185630691202241, 4.0215049436357235},
                {0.7242962276972434, -0.5902401414138881, -0.11212296308172465, 2.2809877232554028}};
        assertTableEquals(z, out.z(), 1e-14);
        assertSame(a, out.cache().a());

        LayerOutput relu = MultiLayer.layerForward(a, w, b, Activation.RELU);
        assertTableEquals(new double[][] {
                {0.6503600287494535, 1.9431519497007437, 2.3026061137369895, 0.0},
                {0.0, 2.190218333093954, 0.0, 4.0215049436357235},
                {0.7242962276972434, 0.0, 0.0, 2.2809877232554028}}, relu.a(), 1e-14);
        assertTableEquals(z, relu.cache().activation().z(), 1e-14);
        assertTableEquals(z, MultiLayer.layerForward(a, w, b, Activation.LINEAR).a(), 1e-14);
    }

    @Test
    void linearBackwardMatchesNumpy() {
        NpRandom.seed(1);
        DMatrixRMaj dZ = NpRandom.randn(3, 4);
        DMatrixRMaj a = NpRandom.randn(5, 4);
        DMatrixRMaj w = NpRandom.randn(3, 5);
        DMatrixRMaj b = NpRandom.randn(3, 1);
        LayerGradients g = MultiLayer.linearBackward(dZ, new LinearCache(a), w, b);
        assertTableEquals(new double[][] {
                {-1.151713362800674, 0.06718465115487987, -0.32046959512402307, 2.0981271157690573},
                {0.6034587881597019, -3.725087007081199, 5.817007414837718, -3.8432683612931164},
                {-0.4319552024857888, -1.309874173571225, 1.7235470475890922, 0.05070577635898947},
                {-0.38981414839982087, 0.6081124403750794, -1.259384235864949, 1.4719159268171638},
                {-2.5221492584556406, 2.678825515032264, -0.6794746486966324, 1.4811954761548511}}, g.dAPrev(), 1e-13);
        assertTableEquals(new double[][] {
                {0.29255464874450876, -0.39068598746390626, -3.503433138189134, 2.9505344738382773, 0.03142863784424199},
                {3.420352734605652, 1.5012165121570973, -2.396506211007442, 2.8511275772533433, -2.3572723115733227},
                {3.916532161537969, -0.9750597499438456, -0.3535868240607418, 2.2060476728022804, -0.41163629517265243}},
                g.dW(), 1e-13);
        assertTableEquals(new double[][] {{-0.5885514244064598}, {-0.45252620423422707}, {-0.5283640518729915}}, g.db(), 1e-14);
    }

    @Test
    void layerBackwardAppliesTheActivationsDerivative() {
        DMatrixRMaj aPrev = Matrices.of(new double[] {1, 2}, new double[] {3, 4});
        DMatrixRMaj w = Matrices.of(new double[] {1, -1}, new double[] {0.5, 0.5});
        DMatrixRMaj b = new DMatrixRMaj(2, 1);
        LayerOutput out = MultiLayer.layerForward(aPrev, w, b, Activation.RELU);
        // Z = [[-2, -2], [2, 3]]: the first row is cut by the ReLU.
        DMatrixRMaj dA = Matrices.of(new double[] {1, 1}, new double[] {1, 1});
        LayerGradients relu = MultiLayer.layerBackward(dA, out.cache(), w, b, Activation.RELU);
        assertArrayEquals(new double[] {0, 0, 3, 7}, relu.dW().data, 1e-15);
        assertArrayEquals(new double[] {0, 2}, relu.db().data, 1e-15);
        LayerGradients linear = MultiLayer.layerBackward(dA, out.cache(), w, b, Activation.LINEAR);
        assertArrayEquals(new double[] {3, 7, 3, 7}, linear.dW().data, 1e-15);
    }

    @Test
    void classifyMatchesNumpyOnTheSeedsHiddenTest() {
        NpRandom.seed(1);
        DMatrixRMaj x = NpRandom.randn(3, 4);
        DMatrixRMaj w1 = NpRandom.randn(2, 3);
        DMatrixRMaj b1 = NpRandom.randn(2, 1);
        DMatrixRMaj w2 = NpRandom.randn(2, 2);
        DMatrixRMaj b2 = NpRandom.randn(2, 1);
        Map<String, DMatrixRMaj> p = new LinkedHashMap<>();
        p.put("W1", w1);
        p.put("b1", b1);
        p.put("W2", w2);
        p.put("b2", b2);
        assertArrayEquals(new int[] {0, 0, 1, 0}, MultiLayer.classify(x, p));
    }

    @Test
    void multiLayerBackwardMatchesNumericGradientsOfTheMeanLoss() {
        RandomState random = new RandomState(7);
        Map<String, DMatrixRMaj> p = MultiLayer.initializeNetwork(random, 4, 6, 5, 3);
        for (DMatrixRMaj m : p.values()) {
            DMatrixRMaj noise = random.randn(m.numRows, m.numCols);
            for (int i = 0; i < m.getNumElements(); i++) {
                m.data[i] = 100 * m.data[i] + 0.1 * noise.data[i];
            }
        }
        DMatrixRMaj x = random.randn(4, 7);
        int[] y = random.randint(3, 7);
        ForwardOutput forward = MultiLayer.multiLayerForward(x, p);
        assertEquals(3, forward.caches().size());
        DMatrixRMaj dAL = Activations.softmaxCrossEntropyLossDer(y, Activations.softmaxCrossEntropyLoss(forward.aL(), y).cache());
        Map<String, DMatrixRMaj> grads = MultiLayer.multiLayerBackward(dAL, forward.caches(), p);
        assertEquals(List.of("dW1", "db1", "dW2", "db2", "dW3", "db3"), List.copyOf(grads.keySet()));
        for (Map.Entry<String, DMatrixRMaj> entry : p.entrySet()) {
            DMatrixRMaj param = entry.getValue();
            DMatrixRMaj analytic = grads.get("d" + entry.getKey());
            for (int i = 0; i < param.getNumElements(); i++) {
                double saved = param.data[i];
                param.data[i] = saved + 1e-5;
                double plus = loss(x, y, p);
                param.data[i] = saved - 1e-5;
                double minus = loss(x, y, p);
                param.data[i] = saved;
                double numeric = (plus - minus) / 2e-5;
                double relError = Math.abs(numeric - analytic.data[i])
                        / Math.max(1e-8, Math.abs(numeric) + Math.abs(analytic.data[i]));
                assertTrue(relError < 1e-6, entry.getKey() + "[" + i + "]: analytic " + analytic.data[i]
                        + " numeric " + numeric + " rel error " + relError);
            }
        }
    }

    @Test
    void publicBackwardAlwaysComputesTheInputGradient() {
        NpRandom.seed(3);
        DMatrixRMaj dZ = NpRandom.randn(2, 3);
        LayerGradients g = MultiLayer.linearBackward(dZ, new LinearCache(NpRandom.randn(4, 3)), NpRandom.randn(2, 4), new DMatrixRMaj(2, 1));
        assertEquals("4×3", Matrices.shape(g.dAPrev()));
        LayerOutput out = MultiLayer.layerForward(NpRandom.randn(4, 3), NpRandom.randn(2, 4), new DMatrixRMaj(2, 1), Activation.RELU);
        assertTrue(MultiLayer.layerBackward(dZ, out.cache(), NpRandom.randn(2, 4), new DMatrixRMaj(2, 1), Activation.RELU).dAPrev() != null);
    }

    @Test
    void updateParametersStepsAgainstTheGradientWithoutModifyingInputs() {
        Map<String, DMatrixRMaj> p = MultiLayer.initializeNetwork(new RandomState(2), 3, 2);
        double w00 = p.get("W1").get(0, 0);
        Map<String, DMatrixRMaj> g = Map.of("dW1", Matrices.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}),
                "db1", Matrices.of(new double[] {1}, new double[] {-1}));
        Map<String, DMatrixRMaj> next = MultiLayer.updateParameters(p, g, 0, 0.5);
        assertEquals(w00 - 0.5, next.get("W1").get(0, 0), 1e-15);
        assertEquals(0.5, next.get("b1").get(1, 0), 0.0);
        assertEquals(w00, p.get("W1").get(0, 0), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiLayer.updateParameters(p, Map.of("dW1", new DMatrixRMaj(2, 3)), 0, 0.5));
        assertEquals("updateParameters: b1 is 2×1 but db1 is missing", e.getMessage());
    }

    @Test
    void badShapesAreNamed() {
        DMatrixRMaj w = new DMatrixRMaj(3, 4);
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> MultiLayer.linearForward(new DMatrixRMaj(5, 2), w, new DMatrixRMaj(3, 1)));
        assertEquals("linearForward: A_prev is 5×2 but W is 3×4", a.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> MultiLayer.linearForward(new DMatrixRMaj(4, 2), w, new DMatrixRMaj(1, 3)));
        assertEquals("linearForward: W is 3×4 but b is 1×3 (expected 3×1)", b.getMessage());
        IllegalArgumentException chain = assertThrows(IllegalArgumentException.class,
                () -> MultiLayer.multiLayerForward(new DMatrixRMaj(4, 2),
                        Map.of("W1", w, "b1", new DMatrixRMaj(3, 1), "W2", new DMatrixRMaj(2, 2), "b2", new DMatrixRMaj(2, 1))));
        assertEquals("multiLayerForward: W1 is 3×4 but W2 is 2×2", chain.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MultiLayer.multiLayerBackward(new DMatrixRMaj(3, 2), List.of(),
                Map.of("W1", w, "b1", new DMatrixRMaj(3, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> MultiLayer.multiLayerNetwork(new DMatrixRMaj(4, 2), new int[] {0, 1}, new int[] {5, 2}, 1, 0.1, false));
    }

    @Test
    void divergenceIsReportedAsSuch() {
        NpRandom.seed(0);
        DMatrixRMaj x = NpRandom.randn(3, 6);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] *= 1e3;
        }
        TrainingResult result = MultiLayer.multiLayerNetwork(x, new int[] {0, 1, 2, 0, 1, 2}, new int[] {3, 50, 3}, 200, 1e12,
                false);
        assertTrue(result.diverged());
        assertTrue(result.message().contains("training diverged"), result.message());
        assertTrue(result.costs().stream().allMatch(Double::isFinite), result.costs().toString());
        assertTrue(result.costs().size() < 10, "stopped early: " + result.costs());
        TrainingResult calm = MultiLayer.multiLayerNetwork(x, new int[] {0, 1, 2, 0, 1, 2}, new int[] {3, 50, 3}, 3, 1e-3,
                false);
        assertFalse(calm.diverged());
        assertEquals("completed 3 iterations", calm.message());
    }

    private static double loss(DMatrixRMaj x, int[] y, Map<String, DMatrixRMaj> p) {
        return Activations.softmaxCrossEntropyLoss(MultiLayer.multiLayerForward(x, p).aL(), y).loss().orElseThrow();
    }

    @Test
    void listenerHearsEveryIterationAndTheLoggedCosts() {
        RandomState data = new RandomState(8);
        DMatrixRMaj x = data.randn(6, 50);
        int[] y = data.randint(3, 50);
        RecordingListener listener = new RecordingListener();
        TrainingResult result = MultiLayer.multiLayerNetwork(x, y, new int[] {6, 4, 3}, 41, 0.1, false, new RandomState(9), listener);
        assertEquals(41, listener.calls().size());
        assertEquals(new RecordingListener.Call(41, 41, result.costs().get(2)), listener.calls().get(40));
        assertEquals(result.costs().get(1), listener.calls().get(20).loss());
    }
}

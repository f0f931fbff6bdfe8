package nndl.multilayer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.random.NpRandom;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The seed-002 activation and loss checks of the mnist_multilayer notebook with the seed's own numbers. */
class ActivationsTest {
    private static final double[][] SOFTMAX = {
            {0.57495949, 0.38148818, 0.05547572, 0.36516899},
            {0.26917503, 0.07040735, 0.53857622, 0.49875847},
            {0.15586548, 0.54810447, 0.40594805, 0.13607254}};
    private static final double[][] DERIVATIVE = {
            {0.14373987, -0.15462795, 0.01386893, 0.09129225},
            {-0.18270624, 0.01760184, -0.11535594, 0.12468962},
            {0.03896637, 0.13702612, 0.10148701, -0.21598186}};
    private static final int[] Y = {1, 0, 1, 2};

    @Test
    void reluMatchesTheSeedsTest() {
        DMatrixRMaj z = Matrices.row(-2, -1, 0, 1, 2);
        ActivationOutput out = Activations.relu(z);
        assertArrayEquals(new double[] {0, 0, 0, 1, 2}, out.a().data, 0.0);
        assertArrayEquals(new double[] {-2, -1, 0, 1, 2}, out.cache().z().data, 0.0);
        assertArrayEquals(new double[] {-2, -1, 0, 1, 2}, z.data, 0.0, "input not modified");
    }

    @Test
    void reluDerMatchesTheSeedsTest() {
        DMatrixRMaj dA = Matrices.of(new double[] {0, 2}, new double[] {1, 1});
        DMatrixRMaj z = Matrices.of(new double[] {-1, 2}, new double[] {1, -2});
        DMatrixRMaj dZ = Activations.reluDer(dA, new ActivationCache(z));
        assertArrayEquals(new double[] {0, 2, 1, 0}, dZ.data, 0.0);
        assertEquals(2, dZ.numRows);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.reluDer(Matrices.row(1, 2), new ActivationCache(z)));
        assertEquals("reluDer: dA is 1×2 but Z is 2×2", e.getMessage());
    }

    @Test
    void linearIsTheIdentityAndCopies() {
        DMatrixRMaj z = Matrices.of(new double[] {-1, 2}, new double[] {3, -4});
        ActivationOutput out = Activations.linear(z);
        assertArrayEquals(z.data, out.a().data, 0.0);
        assertTrue(out.a() != z);
        assertSame(z, out.cache().z());
        DMatrixRMaj dA = Matrices.of(new double[] {5, 6}, new double[] {7, 8});
        assertArrayEquals(dA.data, Activations.linearDer(dA, out.cache()).data, 0.0);
    }

    @Test
    void softmaxAndLossMatchTheSeedsTable() {
        NpRandom.seed(1);
        DMatrixRMaj z = NpRandom.randn(3, 4);
        SoftmaxOutput out = Activations.softmaxCrossEntropyLoss(z, Y);
        assertEquals(1.2223655548779273, out.loss().orElseThrow(), 0.5e-5);
        // numpy on the same randn(3, 4): 1.2223655548779273 to all digits; this is far tighter than the seed's 5 decimals.
        assertEquals(1.2223655548779273, out.loss().orElseThrow(), 1e-14);
        assertTableEquals(SOFTMAX, out.a(), 0.5e-5);
        assertTableEquals(SOFTMAX, out.cache().a(), 0.5e-5);
    }

    @Test
    void softmaxWithoutLabelsHasNoLoss() {
        NpRandom.seed(1);
        SoftmaxOutput out = Activations.softmaxCrossEntropyLoss(NpRandom.randn(3, 4));
        assertTrue(out.loss().isEmpty());
        assertTableEquals(SOFTMAX, out.a(), 0.5e-5);
        assertTrue(out.toString().contains("no loss"), out.toString());
    }

    @Test
    void softmaxIsStableForHugeScores() {
        DMatrixRMaj z = Matrices.of(new double[] {1000, -1000}, new double[] {0, 0}, new double[] {-1000, 1000});
        SoftmaxOutput out = Activations.softmaxCrossEntropyLoss(z, new int[] {2, 2});
        assertEquals(1.0, out.a().get(0, 0), 0.0);
        assertEquals(1.0, out.a().get(2, 1), 0.0);
        // Column 0 puts all mass on class 0: loss 2000 there, 0 in column 1; the mean is finite: 1000.
        assertEquals(1000.0, out.loss().orElseThrow(), 1e-9);
    }

    @Test
    void derivativeMatchesTheSeedsTable() {
        DMatrixRMaj dZ = Activations.softmaxCrossEntropyLossDer(Y, new SoftmaxCache(Matrices.of(SOFTMAX)));
        assertTableEquals(DERIVATIVE, dZ, 0.5e-5);
        NpRandom.seed(1);
        SoftmaxOutput out = Activations.softmaxCrossEntropyLoss(NpRandom.randn(3, 4), Y);
        assertTableEquals(DERIVATIVE, Activations.softmaxCrossEntropyLossDer(Y, out.cache()), 0.5e-5);
    }

    @Test
    void badLabelsAreNamed() {
        DMatrixRMaj z = new DMatrixRMaj(3, 4);
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> Activations.softmaxCrossEntropyLoss(z, new int[] {1, 2}));
        assertEquals("softmaxCrossEntropyLoss: Y is 1×2 but there are 4 samples", length.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Activations.softmaxCrossEntropyLossDer(new int[] {0, 1, 3, 2}, new SoftmaxCache(z)));
        assertEquals("softmaxCrossEntropyLossDer: label Y[2] = 3 is outside 0..2", range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activations.relu(new DMatrixRMaj(0, 3)));
    }

    static void assertTableEquals(double[][] expected, DMatrixRMaj actual, double tolerance) {
        assertEquals(expected.length, actual.numRows);
        assertEquals(expected[0].length, actual.numCols);
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                assertEquals(expected[r][c], actual.get(r, c), tolerance, "[" + r + "][" + c + "]");
            }
        }
    }
}

package nndl.neuralnet;

import static nndl.gradcheck.GradientCheck.evalNumericalGradient;
import static nndl.gradcheck.GradientCheck.relError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import nndl.nets.LossAndGrads;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Matrices;
import nndl.util.PyFloat;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The toy-model checks of the two_layer_nn notebook (seed 001). */
class TwoLayerNetTest {
    private static final int[] TOY_Y = {0, 1, 2, 2, 1};

    private static TwoLayerNet initToyModel() {
        NpRandom.seed(0);
        return new TwoLayerNet(4, 10, 3, 1e-1);
    }

    private static DMatrixRMaj initToyData() {
        NpRandom.seed(1);
        DMatrixRMaj x = NpRandom.randn(5, 4);
        CommonOps_DDRM.scale(10, x);
        return x;
    }

    @Test
    void toyScoresMatchTheSeedTable() {
        TwoLayerNet net = initToyModel();
        DMatrixRMaj x = initToyData();
        DMatrixRMaj correct = Matrices.of(
                new double[] {-1.07260209, 0.05083871, -0.87253915},
                new double[] {-2.02778743, -0.10832494, -1.52641362},
                new double[] {-0.74225908, 0.15259725, -0.39578548},
                new double[] {-0.38172726, 0.10835902, -0.17328274},
                new double[] {-0.64417314, -0.18886813, -0.41106892});
        double diff = Matrices.sumAbsDiff(net.loss(x), correct);
        System.out.println("toy scores: sum of abs diff " + PyFloat.repr(diff));
        assertTrue(diff < 1e-7, "difference " + diff);
    }

    @Test
    void toyLossAtReg005MatchesTheSeed() {
        TwoLayerNet net = initToyModel();
        double loss = net.loss(initToyData(), TOY_Y, 0.05).loss();
        System.out.println("toy loss: " + PyFloat.repr(loss) + ", diff " + PyFloat.repr(Math.abs(loss - 1.071696123862817)));
        assertEquals(1.071696123862817, loss, 1e-12);
    }

    @Test
    void toyGradientsMatchNumericalOnes() {
        TwoLayerNet net = initToyModel();
        DMatrixRMaj x = initToyData();
        LossAndGrads analytic = net.loss(x, TOY_Y, 0.05);
        for (String name : analytic.grads().keySet()) {
            DMatrixRMaj numeric = evalNumericalGradient(w -> net.loss(x, TOY_Y, 0.05).loss(), net.params().get(name));
            double error = relError(numeric, analytic.grads().get(name));
            System.out.println("toy " + name + " max relative error: " + PyFloat.repr(error));
            assertTrue(error < 1e-8, name + " relative error " + error);
        }
    }

    @Test
    void toyTrainingReachesTheNumpyFinalLoss() {
        DMatrixRMaj x = initToyData();
        TwoLayerNet net = initToyModel();
        TrainStats stats = net.train(x, TOY_Y, x, TOY_Y,
                TrainOptions.defaults().withLearningRate(1e-1).withReg(5e-6).withNumIters(100));
        double last = stats.finalLoss();
        System.out.println("toy training final loss: " + PyFloat.repr(last));
        assertFalse(stats.diverged());
        assertEquals(100, stats.lossHistory().size());
        // 5 samples / batch 200 → iterations_per_epoch = max(0.025, 1) = 1: an accuracy check every iteration.
        assertEquals(100, stats.trainAccHistory().size());
        // The seed printed 0.014497864587765886; a NumPy implementation of the same algorithm with the same
        // random stream (instructor/reference/two_layer_net.py) gives a value a few ulps away (0.01449786458776592 on
        // NumPy 1.24, 0.014497864587765886 on Debian 12's), and Java another: the summation order of the matrix
        // products differs between BLAS builds, compounded over 100 SGD steps. Relative tolerance 1e-13.
        assertRelative(0.01449786458776592, last);
        assertRelative(0.014497864587765886, last);
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, 1e-13 * Math.abs(expected));
    }

    @Test
    void toyTrainingFollowsTheNumpyLossCurveAndPrintsLikePython() {
        DMatrixRMaj x = initToyData();
        TwoLayerNet net = initToyModel();
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrainStats stats;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            stats = net.train(x, TOY_Y, x, TOY_Y,
                    TrainOptions.defaults().withLearningRate(1e-1).withReg(5e-6).withNumIters(101).withVerbose(true));
        } finally {
            System.setOut(original);
        }
        // NumPy reference of the seed's algorithm with the same seeds (instructor/reference/two_layer_net.py): loss
        // history. It and Java differ by a few ulps (1.1101173813601366 vs 1.1101173813601368 at iteration 0)
        // because Java's and NumPy's BLAS sum the matrix products in different orders: relative tolerance 1e-13.
        assertRelative(1.1101173813601368, stats.lossHistory().get(0));
        assertRelative(0.7926257911149986, stats.lossHistory().get(1));
        assertRelative(0.5813472426456463, stats.lossHistory().get(2));
        assertRelative(0.014548171221167451, stats.lossHistory().get(50));
        assertRelative(0.013366330546699666, stats.lossHistory().get(100));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertEquals("iteration 0 / 101: loss " + PyFloat.repr(stats.lossHistory().get(0)), lines[0]);
        assertTrue(lines[0].startsWith("iteration 0 / 101: loss 1.11011738136013"), lines[0]);
        assertTrue(lines[1].startsWith("iteration 100 / 101: loss 0.0133663305466996"), lines[1]);
        assertEquals(1.0, stats.valAccHistory().get(100));
    }

    @Test
    void epochBoundariesUseARealDivisionAsTheSeed() {
        RandomState data = new RandomState(10);
        DMatrixRMaj x = data.randn(49000, 2);
        int[] y = data.randint(3, 49000);
        TwoLayerNet net = new TwoLayerNet(2, 4, 3, 1e-4, new RandomState(11));
        TrainStats stats = net.train(x, y, x, y, TrainOptions.defaults().withNumIters(1000).withLearningRate(1e-4));
        // 49000 / 200 = 245 iterations per epoch: checks at 0, 245, 490, 735, 980.
        assertEquals(5, stats.trainAccHistory().size());
        assertEquals(5, stats.valAccHistory().size());
        assertEquals(1000, stats.lossHistory().size());

        TwoLayerNet odd = new TwoLayerNet(2, 4, 3, 1e-4, new RandomState(11));
        DMatrixRMaj x300 = Matrices.selectRows(x, java.util.stream.IntStream.range(0, 300).toArray());
        int[] y300 = java.util.Arrays.copyOf(y, 300);
        // 300 / 200 = 1.5: it % 1.5 == 0 at it = 0, 3, 6, 9 of 10 iterations.
        TrainStats oddStats = odd.train(x300, y300, x300, y300, TrainOptions.defaults().withNumIters(10));
        assertEquals(4, oddStats.valAccHistory().size());
    }

    @Test
    void ownRandomStateMakesRunsReproducibleAndLeavesTheGlobalSourceAlone() {
        DMatrixRMaj x = initToyData();
        NpRandom.seed(99);
        double globalNext = new RandomState(99).randn(1).data[0];
        TrainOptions options = TrainOptions.defaults().withLearningRate(1e-1).withNumIters(20);
        TrainStats a = new TwoLayerNet(4, 10, 3, 1e-1, new RandomState(5)).train(x, TOY_Y, x, TOY_Y, options);
        TrainStats b = new TwoLayerNet(4, 10, 3, 1e-1, new RandomState(5)).train(x, TOY_Y, x, TOY_Y, options);
        assertEquals(a.lossHistory(), b.lossHistory());
        assertEquals(globalNext, NpRandom.randn(1).data[0], 0.0);
    }

    @Test
    void divergenceStopsWithPartialHistory() {
        DMatrixRMaj x = initToyData();
        TwoLayerNet net = initToyModel();
        TrainStats stats = net.train(x, TOY_Y, x, TOY_Y,
                TrainOptions.defaults().withLearningRate(1e10).withReg(1.0).withNumIters(1000));
        System.out.println("divergence: " + stats.message());
        assertTrue(stats.diverged());
        assertTrue(stats.lossHistory().size() < 1000);
        assertTrue(stats.lossHistory().stream().allMatch(Double::isFinite));
        assertTrue(stats.message().startsWith("diverged at iteration " + stats.lossHistory().size() + " / 1000: loss is "),
                stats.message());
        assertTrue(stats.toString().contains("diverged"));
    }

    @Test
    void predictReturnsTheArgmaxOfTheScores() {
        TwoLayerNet net = initToyModel();
        DMatrixRMaj x = initToyData();
        assertArrayEquals(Matrices.argmaxRows(net.loss(x)), net.predict(x));
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, net.predict(x));
    }

    @Test
    void lossDoesNotModifyItsInputsAndParamsAreLive() {
        TwoLayerNet net = initToyModel();
        DMatrixRMaj x = initToyData();
        DMatrixRMaj x0 = x.copy();
        net.loss(x, TOY_Y, 0.05);
        assertArrayEquals(x0.data, x.data, 0.0);
        net.params().get("b2").set(0, 1, 100.0);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, net.predict(x));
        net.params().put("b2", Matrices.row(0, 0, 100));
        assertArrayEquals(new int[] {2, 2, 2, 2, 2}, net.predict(x));
        assertEquals("TwoLayerNet(input 4 - affine - relu 10 - affine - softmax 3; W1 10×4, b1 1×10, W2 3×10, b2 1×3)", net.toString());
    }

    @Test
    void badInputsAreNamed() {
        TwoLayerNet net = initToyModel();
        DMatrixRMaj x = initToyData();
        String m = assertThrows(IllegalArgumentException.class, () -> net.loss(new DMatrixRMaj(5, 3))).getMessage();
        assertEquals("TwoLayerNet.loss: x is 5×3 but W1 is 10×4 (H×D), so x must be N×4", m);
        m = assertThrows(IllegalArgumentException.class, () -> net.loss(x, new int[] {0, 1, 3, 2, 1}, 0.0)).getMessage();
        assertEquals("TwoLayerNet.loss: label 3 at row 2 is outside 0..2", m);
        m = assertThrows(IllegalArgumentException.class, () -> net.loss(new DMatrixRMaj(0, 4))).getMessage();
        assertEquals("TwoLayerNet.loss: empty batch, x is 0×4", m);
        m = assertThrows(IllegalArgumentException.class, () -> TrainOptions.defaults().withBatchSize(0)).getMessage();
        assertEquals("TrainOptions: batchSize must be positive, got 0", m);
        net.params().put("b1", new DMatrixRMaj(10, 1));
        m = assertThrows(IllegalArgumentException.class, () -> net.loss(x)).getMessage();
        assertEquals("TwoLayerNet.loss: b1 is 10×1 but W1 is 10×4 (H×D), so b1 must be 1×10", m);
    }

    @Test
    void optionsPrintLikeTheSeedsArguments() {
        assertEquals("TrainOptions(learningRate=0.001, learningRateDecay=0.95, reg=1e-05, numIters=100, batchSize=200, verbose=false)",
                TrainOptions.defaults().toString());
    }
}

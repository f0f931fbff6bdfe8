package nndl.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import nndl.data.DataSplits;
import nndl.nets.LossAndGrads;
import nndl.nets.Model;
import nndl.optim.Sgd;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Divergence, accuracy sub-sampling and argument validation. */
class SolverEdgeTest {

    /** Delegates to a softmax classifier but reports a NaN loss (with finite gradients) on one call. */
    private static final class NanAt implements Model {
        private final SoftmaxClassifier inner;
        private final int badCall;
        private int calls;

        NanAt(SoftmaxClassifier inner, int badCall) {
            this.inner = inner;
            this.badCall = badCall;
        }

        @Override
        public Map<String, DMatrixRMaj> params() {
            return inner.params();
        }

        @Override
        public DMatrixRMaj loss(DMatrixRMaj x) {
            return inner.loss(x);
        }

        @Override
        public LossAndGrads loss(DMatrixRMaj x, int[] y) {
            LossAndGrads out = inner.loss(x, y);
            return ++calls == badCall ? new LossAndGrads(Double.NaN, out.grads()) : out;
        }
    }

    private static SolverData blobs(long seed, int n, int numTrain) {
        return Synthetic.blobs(new RandomState(seed), n, 5, 3, 2.0).split(numTrain);
    }

    private static SoftmaxClassifier model(long seed) {
        return new SoftmaxClassifier(Synthetic.scaledRandn(new RandomState(seed), 1e-3, 5, 3), 0.0);
    }

    @Test
    void nanLossStopsWithTheExactMessageAndKeepsTheBest() {
        SoftmaxClassifier inner = model(1);
        Solver solver = new Solver(new NanAt(inner, 37), blobs(2, 590, 490), new SolverOptions()
                .withBatchSize(2).withNumEpochs(10).withPrintEvery(100).withSeed(3));
        String[] lines = Synthetic.captureLines(solver::train);
        String message = "Solver: loss diverged to NaN at iteration 37 / 2450; stopping, history kept";
        assertEquals(message, lines[lines.length - 1]);
        assertEquals(3, lines.length, "iteration 1, epoch 0, then the divergence");
        assertTrue(solver.diverged());
        assertEquals(message, solver.divergenceMessage());
        assertEquals(37, solver.lossHistory().length);
        assertTrue(Double.isNaN(solver.lossHistory()[36]));
        assertEquals(36, java.util.Arrays.stream(solver.lossHistory()).filter(Double::isFinite).count());
        assertEquals(1, solver.trainAccHistory().length, "only the first-iteration check ran");
        assertEquals(0, solver.epoch());
        assertEquals(0.0, Matrices.sumAbsDiff(inner.params().get("W"), solver.bestParams().get("W")), "best params restored");
        assertTrue(solver.toString().endsWith(", diverged)"), solver.toString());
    }

    @Test
    void hugeLearningRateDivergesAndStops() {
        SoftmaxClassifier model = model(4);
        Solver solver = new Solver(model, blobs(5, 300, 200), new SolverOptions().withUpdateRule(new Sgd(1e12))
                .withBatchSize(10).withNumEpochs(5).withVerbose(false).withSeed(6));
        // The library announces its matrix backend on its first product in a JVM; run alone, this
        // test would capture that line, which is not the Solver's.
        nndl.internal.Gemm.backend();
        assertEquals(0, Synthetic.captureLines(solver::train).length, "not verbose: nothing printed, even on divergence");
        assertTrue(solver.diverged());
        double[] loss = solver.lossHistory();
        assertTrue(loss.length < solver.numIterations(), "stopped early at " + loss.length);
        assertTrue(!Double.isFinite(loss[loss.length - 1]));
        for (int i = 0; i < loss.length - 1; i++) {
            assertTrue(Double.isFinite(loss[i]));
        }
        assertTrue(solver.divergenceMessage().matches(
                "Solver: loss diverged to (NaN|Infinity|-Infinity) at iteration " + loss.length + " / 100; stopping, history kept"),
                solver.divergenceMessage());
        assertEquals(solver.trainAccHistory().length, solver.valAccHistory().length);
        nndl.neuralnet.TrainStats stats = new Solver(model(4), blobs(5, 300, 200), new SolverOptions()
                .withUpdateRule(new Sgd(1e12)).withBatchSize(10).withNumEpochs(5).withVerbose(false).withSeed(6)).train();
        assertTrue(stats.diverged(), "the returned histories are marked diverged");
        assertEquals(solver.divergenceMessage(), stats.message());
        assertEquals(loss.length, stats.lossHistory().size());
        assertEquals(solver.valAccHistory().length, stats.valAccHistory().size());
        for (double v : model.params().get("W").data) {
            assertTrue(Double.isFinite(v), "the model keeps finite best params");
        }
    }

    @Test
    void checkAccuracySubSamplesWithTheSolversRandomSource() {
        SolverData data = blobs(7, 500, 400);
        SoftmaxClassifier model = model(8);
        model.params().get("W").setTo(Synthetic.scaledRandn(new RandomState(9), 1.0, 5, 3));
        int[] pred = Matrices.argmaxRows(model.loss(data.xTrain()));
        int[] mask = new RandomState(10).choice(400, 150);
        double expected = Matrices.accuracy(Matrices.select(pred, mask), Matrices.select(data.yTrain(), mask));

        Solver solver = new Solver(model, data, new SolverOptions().withSeed(10));
        assertEquals(expected, solver.checkAccuracy(data.xTrain(), data.yTrain(), 150));
        Solver again = new Solver(model, data, new SolverOptions().withSeed(10));
        assertEquals(expected, again.checkAccuracy(data.xTrain(), data.yTrain(), 150, 7), "batch size does not matter");

        double all = Matrices.accuracy(pred, data.yTrain());
        RandomState random = new RandomState(11);
        Solver noDraw = new Solver(model, data, new SolverOptions().withRandom(random));
        assertEquals(all, noDraw.checkAccuracy(data.xTrain(), data.yTrain(), 400));
        assertEquals(all, noDraw.checkAccuracy(data.xTrain(), data.yTrain(), null, 33));
        assertEquals(all, noDraw.checkAccuracy(data.xTrain(), data.yTrain()));
        assertEquals(new RandomState(11).nextUint32(), random.nextUint32(), "no draw when numSamples >= N");
    }

    @Test
    void defaultOptionsAreCs231ns() {
        SolverOptions o = new SolverOptions();
        assertEquals(new Sgd(1e-2), o.updateRule());
        assertEquals(1.0, o.lrDecay());
        assertEquals(100, o.batchSize());
        assertEquals(10, o.numEpochs());
        assertEquals(10, o.printEvery());
        assertEquals(1000, o.numTrainSamples());
        assertNull(o.numValSamples());
        assertTrue(o.verbose());
        assertSame(NpRandom.global(), o.random());
        assertEquals(o, SolverOptions.defaults());
        assertEquals("SolverOptions(sgd(lr=0.001), lrDecay=0.95, batchSize=200, numEpochs=10, printEvery=100, "
                + "numTrainSamples=1000, numValSamples=all, verbose=true, random=global)",
                o.withUpdateRule(new Sgd(1e-3)).withLrDecay(0.95).withBatchSize(200).withPrintEvery(100).toString());
    }

    @Test
    void optionsAreValidated() {
        SolverOptions o = new SolverOptions();
        assertEquals("SolverOptions: batchSize must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> o.withBatchSize(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.withNumEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> o.withPrintEvery(-1));
        assertThrows(IllegalArgumentException.class, () -> o.withLrDecay(0));
        assertThrows(IllegalArgumentException.class, () -> o.withLrDecay(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> o.withNumTrainSamples(0));
        assertThrows(IllegalArgumentException.class, () -> o.withNumValSamples(-5));
        assertThrows(IllegalArgumentException.class, () -> o.withUpdateRule(null));
        assertThrows(IllegalArgumentException.class, () -> o.withRandom(null));
    }

    @Test
    void dataIsValidated() {
        DMatrixRMaj x = new DMatrixRMaj(10, 5);
        assertEquals("SolverData: the train set is empty (X_train is 0×5)", assertThrows(IllegalArgumentException.class,
                () -> new SolverData(new DMatrixRMaj(0, 5), new int[0], x, new int[10])).getMessage());
        assertEquals("SolverData: X_train is 10×5 but y_train has 9 labels", assertThrows(IllegalArgumentException.class,
                () -> new SolverData(x, new int[9], x, new int[10])).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SolverData(x, new int[10], new DMatrixRMaj(3, 4), new int[3])).getMessage().contains("X_val is 3×4"));
        assertThrows(IllegalArgumentException.class, () -> new SolverData(x, new int[10], null, new int[10]));
        SolverData data = new SolverData(x, new int[10], x, new int[10]);
        assertThrows(IllegalArgumentException.class, () -> data.firstTrain(11));
        assertEquals("SolverData(X_train: 4×5, X_val: 10×5)", data.firstTrain(4).toString());
    }

    @Test
    void acceptsTheSeedsDataSplitsAndSmallData() {
        SolverData blobs = blobs(12, 120, 100);
        DataSplits splits = new DataSplits(blobs.xTrain(), blobs.yTrain(), blobs.xVal(), blobs.yVal(),
                blobs.xVal(), blobs.yVal(), "synthetic", null);
        SolverData small = SolverData.of(splits).firstTrain(30);
        assertEquals(30, small.xTrain().numRows);
        assertEquals(0.0, Matrices.sumAbsDiff(small.xTrain(), Matrices.selectRows(blobs.xTrain(), java.util.stream.IntStream.range(0, 30).toArray())));
        Solver solver = new Solver(model(13), splits, new SolverOptions().withBatchSize(30).withNumEpochs(2).withVerbose(false));
        assertEquals(6, solver.numIterations());
        assertTrue(solver.toString().startsWith("Solver(sgd(lr=0.01), not trained, 6 iterations planned"), solver.toString());
    }

    @Test
    void badModelsAndSecondRunsAreRejected() {
        SolverData data = blobs(14, 60, 40);
        Model empty = new Model() {
            @Override
            public Map<String, DMatrixRMaj> params() {
                return new LinkedHashMap<>();
            }

            @Override
            public DMatrixRMaj loss(DMatrixRMaj x) {
                return x;
            }

            @Override
            public LossAndGrads loss(DMatrixRMaj x, int[] y) {
                return new LossAndGrads(0, Map.of());
            }
        };
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Solver(empty, data, new SolverOptions()))
                .getMessage().contains("no parameters"));

        SoftmaxClassifier inner = model(15);
        Model noBias = new Model() {
            @Override
            public Map<String, DMatrixRMaj> params() {
                return inner.params();
            }

            @Override
            public DMatrixRMaj loss(DMatrixRMaj x) {
                return inner.loss(x);
            }

            @Override
            public LossAndGrads loss(DMatrixRMaj x, int[] y) {
                return new LossAndGrads(1.0, Map.of("W", inner.loss(x, y).grads().get("W")));
            }
        };
        Solver bad = new Solver(noBias, data, new SolverOptions().withVerbose(false));
        assertTrue(assertThrows(IllegalStateException.class, bad::train).getMessage()
                .startsWith("Solver: model.loss(X, y) returned no gradient for parameter b"));

        Solver once = new Solver(inner, data, new SolverOptions().withBatchSize(20).withNumEpochs(1).withVerbose(false));
        once.train();
        assertThrows(IllegalStateException.class, once::train);
        assertEquals("Solver.checkAccuracy: X is 40×5 but y has 3 labels", assertThrows(IllegalArgumentException.class,
                () -> once.checkAccuracy(data.xTrain(), new int[3])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> once.checkAccuracy(data.xTrain(), data.yTrain(), 0));
        assertThrows(IllegalArgumentException.class, () -> once.checkAccuracy(data.xTrain(), data.yTrain(), null, 0));
    }
}

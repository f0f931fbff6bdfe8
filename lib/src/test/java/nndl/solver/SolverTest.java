package nndl.solver;

import nndl.util.RecordingListener;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nndl.optim.Adam;
import nndl.optim.OptimConfig;
import nndl.optim.Sgd;
import nndl.optim.SgdMomentum;
import nndl.random.RandomState;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SolverTest {

    private static SoftmaxClassifier model(RandomState rs, int d, int c) {
        return new SoftmaxClassifier(Synthetic.scaledRandn(rs, 1e-3, d, c), 0.0);
    }

    @Test
    void logLinesHaveTheSeedsFormat() {
        RandomState rs = new RandomState(0);
        SolverData data = Synthetic.blobs(rs, 590, 8, 5, 1.0).split(490);
        Solver solver = new Solver(model(rs, 8, 5), data, new SolverOptions()
                .withUpdateRule(new Sgd(1e-2)).withBatchSize(2).withNumEpochs(10).withPrintEvery(100).withSeed(1));
        String[] lines = Synthetic.captureLines(solver::train);

        assertEquals(2450, solver.numIterations(), "10 epochs · (490 / 2) iterations");
        assertTrue(lines[0].matches("\\(Iteration 1 / 2450\\) loss: \\d+\\.\\d{6}"), lines[0]);
        assertTrue(lines[1].matches("\\(Epoch 0 / 10\\) train acc: [01]\\.\\d{6}; val_acc: [01]\\.\\d{6}"), lines[1]);
        double[] loss = solver.lossHistory();
        double[] train = solver.trainAccHistory();
        double[] val = solver.valAccHistory();
        assertEquals(2450, loss.length);
        assertEquals(11, train.length, "numEpochs + 1 accuracy checks");
        assertEquals(11, val.length);
        List<String> expected = new ArrayList<>();
        int check = 0;
        for (int t = 0; t < 2450; t++) {
            if (t % 100 == 0) {
                expected.add(String.format(Locale.ROOT, "(Iteration %d / 2450) loss: %f", t + 1, loss[t]));
            }
            if (t == 0 || (t + 1) % 245 == 0) {
                expected.add(String.format(Locale.ROOT, "(Epoch %d / 10) train acc: %f; val_acc: %f",
                        t == 0 ? 0 : (t + 1) / 245, train[check], val[check]));
                check++;
            }
        }
        assertEquals(expected, List.of(lines));
        assertEquals(10, solver.epoch());
    }

    /** The seed's overfitting run: 50 rows, batch 25, 20 epochs, print every 10 gives this exact line order. */
    @Test
    void smallDataRunInterleavesLinesLikeTheSeed() {
        RandomState rs = new RandomState(3);
        SolverData data = Synthetic.blobs(rs, 150, 6, 4, 1.0).split(100).firstTrain(50);
        Solver solver = new Solver(model(rs, 6, 4), data, new SolverOptions()
                .withBatchSize(25).withNumEpochs(20).withPrintEvery(10).withSeed(4));
        String[] lines = Synthetic.captureLines(solver::train);
        List<String> prefixes = new ArrayList<>();
        for (String line : lines) {
            prefixes.add(line.substring(0, line.indexOf(')') + 1));
        }
        List<String> expected = new ArrayList<>(List.of("(Iteration 1 / 40)", "(Epoch 0 / 20)"));
        for (int epoch = 1; epoch <= 20; epoch++) {
            expected.add("(Epoch " + epoch + " / 20)");
            if (epoch % 5 == 0 && epoch < 20) {
                expected.add("(Iteration " + (2 * epoch + 1) + " / 40)");
            }
        }
        assertEquals(expected, prefixes);
    }

    /**
     * The whole run against an independent numpy reference of cs231n's solver.py (train loop,
     * check_accuracy with sub-sampling, lr decay at epoch ends, best params) with the same linear
     * softmax model and Adam, instructor/reference/solver.py (run with /usr/bin/python3 and Debian's NumPy; it
     * prints these values to within a few ulps, well inside the 1e-9 relative tolerance): data from
     * RandomState(1) (means = 2·randn(4, 6), y = randint(4, size=210), X = randn(210, 6) + means[y],
     * W = 1e-3·randn(6, 4)), solver draws from RandomState(2), reg 1e-3, batch 20, 5 epochs, lr 5e-2,
     * decay 0.9, 100 train / 50 val accuracy samples.
     */
    @Test
    void runMatchesNumpyReferenceOfSolverPy() {
        double[] expectedLoss = {1.3883465409851512, 1.0737453566601354, 0.7970605288260397, 0.5671124382977687,
            0.720792273194525, 0.5129731603813454, 0.5613433250498615, 0.2794003387618315, 0.47616410852563174,
            0.3359352925269079, 0.3224155132209613, 0.3898827383746531, 0.27730979657850463, 0.1899351856594933,
            0.21277688236949457, 0.1889121253908541, 0.1180085673697779, 0.18748284847497051, 0.1327753382695161,
            0.2353419966022604, 0.12319384969026853, 0.2580058444649438, 0.17200208600213768, 0.20880803992432587,
            0.13145368170225336, 0.17718548362549466, 0.29801114512559124, 0.15129814411370565, 0.2847255549898659,
            0.08208421510153693, 0.1127136374612982, 0.32030885972582807, 0.2158715038565343, 0.10374006998843088,
            0.09232775411516847};
        double[] expectedW = {0.26756602168384513, 0.25008112583331393, -0.4174490134004914, -0.3019714174983165,
            -0.15728052991768854, -0.27563153285972036, -0.07781390444010222, 0.41304235958237406, -0.5587953823980736,
            0.41240304770726294, 0.5796958844184287, -0.5072172347106207, -0.45792719957715505, 0.24407801102412605,
            -0.5977047244804646, 0.4947557068337392, -0.2611995777992641, 0.3956465299876037, -0.403556384068891,
            0.20086643201213428, -0.21477142931096968, -0.18674713685349936, -0.018526671112532544, 0.42428941580933893};
        double[] expectedB = {-0.09924005023085578, -0.17427358084034325, 0.27606775409930456, 0.18447574552044277};

        RandomState dataRs = new RandomState(1);
        SolverData data = Synthetic.blobs(dataRs, 210, 6, 4, 2.0).split(150);
        SoftmaxClassifier model = new SoftmaxClassifier(Synthetic.scaledRandn(dataRs, 1e-3, 6, 4), 1e-3);
        Solver solver = new Solver(model, data, new SolverOptions().withUpdateRule(new Adam().withLearningRate(5e-2))
                .withLrDecay(0.9).withBatchSize(20).withNumEpochs(5).withNumTrainSamples(100).withNumValSamples(50)
                .withVerbose(false).withRandom(new RandomState(2)));
        solver.train();

        assertTrue(maxRelError(solver.lossHistory(), expectedLoss) < 1e-9);
        assertArrayEquals(new double[] {0.57, 0.9, 0.94, 0.87, 0.92, 0.92}, solver.trainAccHistory());
        assertArrayEquals(new double[] {0.48, 0.96, 1.0, 0.98, 1.0, 1.0}, solver.valAccHistory());
        assertEquals(1.0, solver.bestValAcc());
        assertTrue(maxRelError(model.params().get("W").data, expectedW) < 1e-9, "model restored to the best params");
        assertTrue(maxRelError(model.params().get("b").data, expectedB) < 1e-9);
        assertEquals(0.02952450000000001, solver.optimConfigs().get("W").learningRate(), 1e-17);
    }

    private static double maxRelError(double[] actual, double[] expected) {
        assertEquals(expected.length, actual.length, "length");
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]) / Math.max(1e-8, Math.abs(actual[i]) + Math.abs(expected[i])));
        }
        return max;
    }

    /**
     * 5 Gaussian blobs in 20 dimensions, means 1.5·randn(5, 20): linearly separable (every rule reaches
     * train accuracy 1.0). With this seed plain SGD's last val accuracy (0.995) is below its best (1.0),
     * so restoring the best parameters is visible.
     */
    @Test
    void sgdLearnsASeparableSetAndRestoresTheBest() {
        Solver solver = assertLearns(new Sgd(2e-2), 11);
        double[] val = solver.valAccHistory();
        assertTrue(val[val.length - 1] < solver.bestValAcc(), "the last epoch was not the best one");
    }

    @Test
    void adamLearnsASeparableSetAndRestoresTheBest() {
        assertLearns(new Adam(1e-2, 0.9, 0.999, 1e-8), 12);
    }

    @Test
    void momentumLearnsASeparableSet() {
        assertLearns(new SgdMomentum(5e-3, 0.9), 13);
    }

    private static Solver assertLearns(nndl.optim.UpdateRule<?> rule, long seed) {
        RandomState rs = new RandomState(seed);
        SolverData data = Synthetic.blobs(rs, 600, 20, 5, 1.5).split(400);
        SoftmaxClassifier model = model(rs, 20, 5);
        DMatrixRMaj w = model.params().get("W");
        Solver solver = new Solver(model, data, new SolverOptions().withUpdateRule(rule).withBatchSize(50)
                .withNumEpochs(10).withNumTrainSamples(null).withVerbose(false).withSeed(seed));
        solver.train();
        double[] train = solver.trainAccHistory();
        assertEquals(1.0, train[train.length - 1], rule + " final train acc");
        assertTrue(solver.lossHistory()[79] < 0.1 * solver.lossHistory()[0], rule + " loss fell");
        assertSame(w, model.params().get("W"), "the model's own matrix was updated in place");
        assertEquals(solver.bestValAcc(), solver.checkAccuracy(data.xVal(), data.yVal()), "best params restored");
        double max = 0;
        for (double v : solver.valAccHistory()) {
            max = Math.max(max, v);
        }
        assertEquals(max, solver.bestValAcc());
        assertEquals(0.0, Matrices.sumAbsDiff(w, solver.bestParams().get("W")));
        assertNotSame(w, solver.bestParams().get("W"), "bestParams are copies");
        return solver;
    }

    @Test
    void equalSeedsGiveIdenticalHistories() {
        double[][] first = runWithSeed(7);
        double[][] second = runWithSeed(7);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], second[i]);
        }
        assertFalse(java.util.Arrays.equals(first[0], runWithSeed(8)[0]), "another seed draws other minibatches");
    }

    private static double[][] runWithSeed(long seed) {
        RandomState rs = new RandomState(5);
        SolverData data = Synthetic.blobs(rs, 300, 5, 3, 1.0).split(200);
        Solver solver = new Solver(model(rs, 5, 3), data, new SolverOptions().withBatchSize(16).withNumEpochs(3)
                .withNumTrainSamples(50).withVerbose(false).withSeed(seed));
        solver.train();
        return new double[][] {solver.lossHistory(), solver.trainAccHistory(), solver.valAccHistory()};
    }

    @Test
    void learningRateDecaysOncePerEpoch() {
        RandomState rs = new RandomState(9);
        SolverData data = Synthetic.blobs(rs, 100, 4, 2, 1.0).split(80);
        Solver solver = new Solver(model(rs, 4, 2), data, new SolverOptions().withUpdateRule(new SgdMomentum(1e-2, 0.9))
                .withLrDecay(0.5).withBatchSize(20).withNumEpochs(3).withVerbose(false).withSeed(1));
        assertEquals(4, solver.iterationsPerEpoch());
        solver.train();
        for (Map.Entry<String, OptimConfig<?>> e : solver.optimConfigs().entrySet()) {
            assertEquals(1e-2 * 0.5 * 0.5 * 0.5, e.getValue().learningRate(), 0.0, e.getKey());
            assertEquals(new SgdMomentum(1e-2 * 0.5 * 0.5 * 0.5, 0.9), e.getValue().rule());
        }
        assertEquals(3, solver.epoch());
        assertTrue(solver.toString().startsWith("Solver(sgd_momentum(lr=0.00125, momentum=0.9), epoch 3 / 3, iteration 12 / 12"),
                solver.toString());
    }

    @Test
    void silentWhenNotVerbose() {
        RandomState rs = new RandomState(2);
        SolverData data = Synthetic.blobs(rs, 60, 4, 2, 1.0).split(40);
        Solver solver = new Solver(model(rs, 4, 2), data, new SolverOptions().withBatchSize(10).withNumEpochs(2)
                .withVerbose(false).withSeed(0));
        assertEquals(0, Synthetic.captureLines(solver::train).length);
        assertEquals(8, solver.lossHistory().length);
    }

    @Test
    void listenerHearsEveryIterationWithItsLoss() {
        RandomState rs = new RandomState(4);
        SolverData data = Synthetic.blobs(rs, 150, 6, 4, 1.0).split(100);
        Solver solver = new Solver(model(rs, 6, 4), data, new SolverOptions().withNumEpochs(2).withBatchSize(25).withVerbose(false));
        RecordingListener listener = new RecordingListener();
        solver.train(listener);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), listener.doneCounts());
        for (int t = 0; t < 8; t++) {
            assertEquals(new RecordingListener.Call(t + 1, 8, solver.lossHistory()[t]), listener.calls().get(t));
        }
    }
}

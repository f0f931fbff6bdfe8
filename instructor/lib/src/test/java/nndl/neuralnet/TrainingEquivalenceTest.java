package nndl.neuralnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nndl.internal.Gemm;
import nndl.layers.Losses;
import nndl.nets.LossAndGrads;
import nndl.random.RandomState;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link TwoLayerNet}'s training gives the numbers of an independent pass-by-pass implementation,
 * {@link PlainNet} below (its own loops, {@code dW += reg·W} then {@code W −= lr·dW}, norms summed in one
 * running sum, predict through new buffers). Weights, gradients and accuracies are equal bit for bit; the
 * losses differ only by the order in which {@code ‖W‖²} is summed, a few ulps of the reg term.
 */
class TrainingEquivalenceTest {

    /** The two-layer net computed pass by pass, as before the fusion; weights shared with a TwoLayerNet's params. */
    private record PlainNet(DMatrixRMaj w1, DMatrixRMaj b1, DMatrixRMaj w2, DMatrixRMaj b2) {
        static PlainNet copyOf(Map<String, DMatrixRMaj> p) {
            return new PlainNet(p.get("W1").copy(), p.get("b1").copy(), p.get("W2").copy(), p.get("b2").copy());
        }

        DMatrixRMaj[] forward(DMatrixRMaj x) {
            DMatrixRMaj hidden = Gemm.mult(false, true, x, w1);
            for (int r = 0; r < hidden.numRows; r++) {
                for (int c = 0; c < hidden.numCols; c++) {
                    double v = hidden.get(r, c) + b1.data[c];
                    hidden.set(r, c, v < 0 ? 0.0 : v);
                }
            }
            DMatrixRMaj scores = Gemm.mult(false, true, hidden, w2);
            for (int r = 0; r < scores.numRows; r++) {
                for (int c = 0; c < scores.numCols; c++) {
                    scores.set(r, c, scores.get(r, c) + b2.data[c]);
                }
            }
            return new DMatrixRMaj[] {hidden, scores};
        }

        /** Loss and gradients {dW1, db1, dW2, db2}, regularisation included. */
        double lossAndGrads(DMatrixRMaj x, int[] y, double reg, DMatrixRMaj[] grads) {
            DMatrixRMaj[] f = forward(x);
            Losses.Result data = Losses.softmaxLoss(f[1], y);
            DMatrixRMaj dW2 = Gemm.mult(true, false, data.dx(), f[0]);
            CommonOps_DDRM.addEquals(dW2, reg, w2);
            DMatrixRMaj db2 = CommonOps_DDRM.sumCols(data.dx(), null);
            DMatrixRMaj dHidden = Gemm.mult(false, false, data.dx(), w2);
            for (int i = 0; i < dHidden.getNumElements(); i++) {
                if (f[0].data[i] <= 0) {
                    dHidden.data[i] = 0.0;
                }
            }
            DMatrixRMaj dW1 = Gemm.mult(true, false, dHidden, x);
            CommonOps_DDRM.addEquals(dW1, reg, w1);
            DMatrixRMaj db1 = CommonOps_DDRM.sumCols(dHidden, null);
            grads[0] = dW1;
            grads[1] = db1;
            grads[2] = dW2;
            grads[3] = db2;
            return data.loss() + 0.5 * reg * (squares(w1) + squares(w2));
        }

        private static double squares(DMatrixRMaj m) {
            double sum = 0.0;
            for (double v : m.data) {
                sum += v * v;
            }
            return sum;
        }

        List<List<Double>> train(DMatrixRMaj x, int[] y, DMatrixRMaj xVal, int[] yVal, TrainOptions o, RandomState random) {
            List<Double> losses = new ArrayList<>();
            List<Double> trainAcc = new ArrayList<>();
            List<Double> valAcc = new ArrayList<>();
            double perEpoch = Math.max(x.numRows / (double) o.batchSize(), 1.0);
            double lr = o.learningRate();
            DMatrixRMaj[] grads = new DMatrixRMaj[4];
            for (int it = 0; it < o.numIters(); it++) {
                int[] idx = random.choice(x.numRows, o.batchSize());
                DMatrixRMaj xb = Matrices.selectRows(x, idx);
                int[] yb = Matrices.select(y, idx);
                double loss = lossAndGrads(xb, yb, o.reg(), grads);
                if (!Double.isFinite(loss)) {
                    break;
                }
                losses.add(loss);
                CommonOps_DDRM.addEquals(w1, -lr, grads[0]);
                CommonOps_DDRM.addEquals(b1, -lr, grads[1]);
                CommonOps_DDRM.addEquals(w2, -lr, grads[2]);
                CommonOps_DDRM.addEquals(b2, -lr, grads[3]);
                if (it % perEpoch == 0) {
                    trainAcc.add(Matrices.accuracy(Matrices.argmaxRows(forward(xb)[1]), yb));
                    valAcc.add(Matrices.accuracy(Matrices.argmaxRows(forward(xVal)[1]), yVal));
                    lr *= o.learningRateDecay();
                }
            }
            return List.of(losses, trainAcc, valAcc);
        }
    }

    private static final RandomState DATA = new RandomState(2024);
    private static final DMatrixRMaj X = DATA.randn(330, 37);
    private static final int[] Y = DATA.randint(6, 330);
    private static final DMatrixRMaj X_VAL = DATA.randn(45, 37);
    private static final int[] Y_VAL = DATA.randint(6, 45);

    @Test
    void trainingGivesThePlainPassesWeightsAndLosses() {
        // 330 / 40 = 8.25 iterations per epoch: checks at 0 and 33 only, so most steps run between checks.
        TrainOptions options = TrainOptions.defaults().withLearningRate(0.3).withReg(0.02).withLearningRateDecay(0.9)
                .withBatchSize(40).withNumIters(70);
        TwoLayerNet net = new TwoLayerNet(37, 11, 6, 0.1, new RandomState(7));
        PlainNet plain = PlainNet.copyOf(net.params());
        RandomState sameDraws = new RandomState(7);
        sameDraws.randn(11, 37);
        sameDraws.randn(6, 11);
        List<List<Double>> expected = plain.train(X, Y, X_VAL, Y_VAL, options, sameDraws);
        TrainStats stats = net.train(X, Y, X_VAL, Y_VAL, options);
        assertLossesClose(expected.get(0), stats.lossHistory());
        assertEquals(expected.get(1), stats.trainAccHistory());
        assertEquals(expected.get(2), stats.valAccHistory());
        assertTrue(stats.finalLoss() < stats.lossHistory().get(0), "the run learns: " + stats);
        assertArrayEquals(plain.w1().data, net.params().get("W1").data, 0.0);
        assertArrayEquals(plain.b1().data, net.params().get("b1").data, 0.0);
        assertArrayEquals(plain.w2().data, net.params().get("W2").data, 0.0);
        assertArrayEquals(plain.b2().data, net.params().get("b2").data, 0.0);
    }

    private static void assertLossesClose(List<Double> expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 1e-15 * expected.get(i), "loss " + i);
        }
    }

    @Test
    void lossAndGradientsEqualThePlainPasses() {
        TwoLayerNet net = new TwoLayerNet(37, 11, 6, 0.1, new RandomState(3));
        PlainNet plain = PlainNet.copyOf(net.params());
        DMatrixRMaj[] grads = new DMatrixRMaj[4];
        double expected = plain.lossAndGrads(X, Y, 0.7, grads);
        LossAndGrads out = net.loss(X, Y, 0.7);
        assertEquals(expected, out.loss(), 1e-15 * expected);
        String[] names = {"W1", "b1", "W2", "b2"};
        for (int i = 0; i < names.length; i++) {
            assertArrayEquals(grads[i].data, out.grads().get(names[i]).data, 0.0, names[i]);
        }
        assertArrayEquals(plain.forward(X_VAL)[1].data, net.loss(X_VAL).data, 0.0);
    }
}

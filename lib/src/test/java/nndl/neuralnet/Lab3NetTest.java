package nndl.neuralnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nndl.gradcheck.GradientCheck;
import nndl.nets.LossAndGrads;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.MatrixStats;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Seed 003's conventions: W1 D×H, reg·‖p‖² on every parameter, gradients with 2·reg·p. */
class Lab3NetTest {
    private static Lab3Net transposed(TwoLayerNet net) {
        Map<String, DMatrixRMaj> p = net.params();
        return new Lab3Net(CommonOps_DDRM.transpose(p.get("W1"), null), p.get("b1"),
                CommonOps_DDRM.transpose(p.get("W2"), null), p.get("b2"));
    }

    @Test
    void theToyNetsLossDiffersByTheFullPenalty() {
        NpRandom.seed(0);
        TwoLayerNet net = new TwoLayerNet(4, 10, 3, 1e-1);
        NpRandom.seed(1);
        DMatrixRMaj x = NpRandom.randn(5, 4);
        CommonOps_DDRM.scale(10, x);
        int[] y = {0, 1, 2, 2, 1};
        Lab3Net lab3 = transposed(net);
        assertEquals(0.0, MatrixStats.maxAbsDiff(lab3.loss(x), net.loss(x)), 1e-14);
        double reg = 0.05;
        double w = MatrixStats.squaredNorm(net.params().get("W1")) + MatrixStats.squaredNorm(net.params().get("W2"));
        // The seed's toy loss 1.071696123862817 holds 0.5·reg·‖W‖²; lab 3 charges reg·‖W‖² (biases are zero here).
        assertEquals(1.071696123862817 + 0.5 * reg * w, lab3.loss(x, y, reg).loss(), 1e-12);
    }

    @Test
    void gradientsMatchNumericOnesWithBiasesPenalised() {
        RandomState random = new RandomState(7);
        Lab3Net net = new Lab3Net(5, 6, 3, 0.5, random);
        CommonOps_DDRM.fill(net.params().get("b1"), 0.2);
        net.params().get("b2").data[0] = -0.4;
        DMatrixRMaj x = random.randn(4, 5);
        int[] y = random.randint(3, 4);
        double reg = 0.3;
        LossAndGrads lossAndGrads = net.loss(x, y, reg);
        double penalty = net.params().values().stream().mapToDouble(MatrixStats::squaredNorm).sum();
        double dataLoss = lossAndGrads.loss() - reg * penalty;
        assertEquals(dataLoss, net.loss(x, y, 0.0).loss(), 1e-14);
        for (Map.Entry<String, DMatrixRMaj> param : net.params().entrySet()) {
            DMatrixRMaj numeric = GradientCheck.evalNumericalGradient(p -> net.loss(x, y, reg).loss(), param.getValue());
            double error = GradientCheck.relError(numeric, lossAndGrads.grads().get(param.getKey()));
            assertTrue(error < 1e-7, param.getKey() + ": " + error);
        }
    }

    @Test
    void trainingLowersTheLoss() {
        RandomState random = new RandomState(11);
        DMatrixRMaj x = random.randn(200, 10);
        int[] y = new int[200];
        for (int n = 0; n < 200; n++) {
            y[n] = x.get(n, 0) > 0 ? 1 : 0;
        }
        Lab3Net net = new Lab3Net(10, 16, 2, 0.1, new RandomState(12));
        TrainStats stats = net.train(x, y, x, y,
                TrainOptions.defaults().withNumIters(300).withBatchSize(50).withLearningRate(0.5).withReg(1e-4));
        assertEquals(300, stats.lossHistory().size());
        assertEquals(75, stats.valAccHistory().size());   // every 200/50 = 4 iterations
        assertTrue(stats.finalLoss() < 0.3, stats.toString());
        assertTrue(stats.valAccHistory().get(74) > 0.9, stats.toString());
    }
}

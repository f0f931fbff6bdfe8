package nndl.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import nndl.neuralnet.TrainOptions;
import nndl.neuralnet.TrainStats;
import nndl.neuralnet.TwoLayerNet;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The bench's fused fast path trains as the readable {@code TwoLayerNet.train} does: the same weights bit
 * for bit, the same accuracies; the losses agree to a few ulps (the fused step sums ‖W‖² while it writes
 * the new weights, in the order {@code MatrixStats.squaredNorm} uses, so they come out equal too).
 */
class FusedTrainingTest {

    @Test
    void fusedTrainingGivesTheReadableTrainingsWeightsAndHistories() {
        RandomState data = new RandomState(2024);
        DMatrixRMaj x = data.randn(330, 37);
        int[] y = data.randint(6, 330);
        DMatrixRMaj xVal = data.randn(45, 37);
        int[] yVal = data.randint(6, 45);
        TrainOptions options = TrainOptions.defaults().withLearningRate(0.3).withReg(0.02).withLearningRateDecay(0.9)
                .withBatchSize(40).withNumIters(70);
        TwoLayerNet readable = new TwoLayerNet(37, 11, 6, 0.1, new RandomState(7));
        TwoLayerNet fused = new TwoLayerNet(37, 11, 6, 0.1, new RandomState(7));
        RandomState draws = new RandomState(7);
        draws.randn(11, 37);
        draws.randn(6, 11);

        TrainStats expected = readable.train(x, y, xVal, yVal, options);
        TrainStats actual = FusedTraining.train(fused.params(), draws, x, y, xVal, yVal, options);

        assertEquals(expected.lossHistory().size(), actual.lossHistory().size());
        for (int i = 0; i < expected.lossHistory().size(); i++) {
            double e = expected.lossHistory().get(i);
            assertEquals(e, actual.lossHistory().get(i), 1e-15 * e, "loss " + i);
        }
        assertEquals(expected.trainAccHistory(), actual.trainAccHistory());
        assertEquals(expected.valAccHistory(), actual.valAccHistory());
        for (String name : new String[] {"W1", "b1", "W2", "b2"}) {
            assertArrayEquals(readable.params().get(name).data, fused.params().get(name).data, 0.0, name);
        }
    }
}

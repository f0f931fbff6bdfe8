package nndl.neuralnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nndl.internal.Gemm;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A single training run on all cores (its large products split by rows) gives the one-core numbers bit
 * for bit; so do predict on many rows and a sweep, parallel or sequential. Sizes are the seed's
 * (D 3,072, hidden 50, batch 200), so the products are large enough to be split. {@code ./workbook test}
 * reruns it under every OpenBLAS kernel family the CPU can run (docs/performance.md).
 */
class ThreadCountAgreementTest {
    private static final int D = 3072;
    private final RandomState data = new RandomState(11);
    private final DMatrixRMaj x = data.randn(600, D);
    private final int[] y = data.randint(10, 600);
    private final DMatrixRMaj xVal = data.randn(300, D);
    private final int[] yVal = data.randint(10, 300);
    private final TrainOptions options = TrainOptions.defaults().withNumIters(25).withBatchSize(200).withLearningRate(1e-4)
            .withReg(0.25).withVerbose(false);

    private TwoLayerNet net() {
        return new TwoLayerNet(D, 50, 10, 1e-4, new RandomState(0));
    }

    @Test
    void trainingOnAllCoresEqualsOneCoreBitForBit() {
        TwoLayerNet allCores = net();
        TrainStats all = allCores.train(x, y, xVal, yVal, options);
        TwoLayerNet oneCore = net();
        TrainStats one = Gemm.oneThread(() -> oneCore.train(x, y, xVal, yVal, options));
        assertEquals(one.lossHistory(), all.lossHistory());
        assertEquals(one.valAccHistory(), all.valAccHistory());
        for (String name : List.of("W1", "b1", "W2", "b2")) {
            assertArrayEquals(oneCore.params().get(name).data, allCores.params().get(name).data, 0.0, name);
        }
        assertArrayEquals(Gemm.oneThread(() -> oneCore.loss(xVal)).data, allCores.loss(xVal).data, 0.0, "scores on 300 rows");
        assertArrayEquals(Gemm.oneThread(() -> oneCore.predict(x)), allCores.predict(x), "predict on 600 rows");
    }

    @Test
    void aSweepGivesTheSameResultsInParallelAndOneAtATime() {
        List<TrainOptions> grid = Sweep.grid(new double[] {1e-4, 5e-4}, new double[] {0.25}, new double[] {0.95, 0.9},
                options.withNumIters(10));
        List<Sweep.Result> sequential = Sweep.run(grid, x, y, xVal, yVal, 50, 3, 1, null);
        List<Sweep.Result> parallel = Sweep.run(grid, x, y, xVal, yVal, 50, 3, 2, null);
        List<Sweep.Result> oneCore = Gemm.oneThread(() -> Sweep.run(grid, x, y, xVal, yVal, 50, 3, 1, null));
        for (int i = 0; i < grid.size(); i++) {
            assertEquals(sequential.get(i).stats().lossHistory(), parallel.get(i).stats().lossHistory(), "configuration " + i);
            assertEquals(oneCore.get(i).stats().lossHistory(), parallel.get(i).stats().lossHistory(), "configuration " + i);
            assertEquals(sequential.get(i).valAcc(), parallel.get(i).valAcc(), 0.0);
        }
    }
}

package nndl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nndl.data.Cifar10;
import nndl.data.DataSplits;
import nndl.data.SharedDatasets;
import nndl.neuralnet.TrainStats;
import org.junit.jupiter.api.Test;

/** The benchmark's Java step computes what the NumPy reference (the seed's operations) computes. */
class BenchStepTest {

    @Test
    void hundredIterationsEndOnTheNumpyReferencesLoss() {
        DataSplits data = Cifar10.getCifar10Data(SharedDatasets.dir().resolve("cifar-10-subset"), Bench.NUM_TRAIN, Bench.NUM_VAL, 0);
        TrainStats stats = Bench.seededNet().train(data.xTrain(), data.yTrain(), data.xVal(), data.yVal(), Bench.stepOptions(100));
        // bench/src/main/python/two_layer_step.py --data .../cifar-10-subset --iterations 100 --runs 1 --warmups 0
        // (numpy 1.24, OpenBLAS SkylakeX kernels, 1 thread) printed numpy.final_loss=2.3023507586672998.
        assertEquals(2.3023507586672998, stats.finalLoss(), 1e-12 * 2.3);
        assertEquals(100, stats.lossHistory().size());
        assertEquals(5, stats.valAccHistory().size());
    }
}

package nndl.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import nndl.data.Cifar10;
import nndl.data.DataSplits;
import nndl.data.PixelOrder;
import nndl.nets.FullyConnectedNet;
import nndl.optim.Sgd;
import nndl.random.RandomState;
import org.junit.jupiter.api.Test;

/**
 * The fc_nets notebook's "overfit" step: the seed's three-layer net fits 50 real CIFAR-10 training images (train
 * accuracy 1.0) within 20 epochs of batch 25, with the seed's weight scale 2e-2 and learning rate 1e-2.
 */
class OverfitCifarTest {

    @Test
    void threeLayerNetFitsFiftyImages() {
        String shared = System.getProperty("nndl.sharedDatasets");
        assertTrue(shared != null && Files.isDirectory(Path.of(shared)),
                "system property nndl.sharedDatasets must name the shared datasets folder, got " + shared);
        DataSplits data = Cifar10.getCifar10Data(Path.of(shared), 4000, 1000, 1000, PixelOrder.CHW);
        SolverData small = SolverData.of(data).firstTrain(50);
        FullyConnectedNet model = new FullyConnectedNet(FullyConnectedNet.Options.of(100, 100).withWeightScale(2e-2),
                new RandomState(0));
        Solver solver = new Solver(model, small, new SolverOptions().withUpdateRule(new Sgd(1e-2))
                .withNumEpochs(20).withBatchSize(25).withVerbose(false).withSeed(0));
        solver.train();
        double[] trainAcc = solver.trainAccHistory();
        assertEquals(21, trainAcc.length);
        assertEquals(1.0, trainAcc[trainAcc.length - 1], 0.0, "train accuracy per epoch: " + Arrays.toString(trainAcc));
        assertTrue(solver.lossHistory()[solver.lossHistory().length - 1] < 0.1, "the loss should approach 0 when overfitting");
    }
}

package nndl.neuralnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nndl.random.RandomState;
import nndl.util.Interrupts;
import nndl.util.Stopped;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** An interrupt ends TwoLayerNet.train and Sweep.run promptly with Stopped, carrying what was recorded. */
class TrainInterruptTest {
    private static final RandomState DATA = new RandomState(21);
    private static final DMatrixRMaj X = DATA.randn(100, 8);
    private static final int[] Y = DATA.randint(3, 100);

    @Test
    void interruptStopsTrainAndCarriesThePartialStats() throws InterruptedException {
        TwoLayerNet net = new TwoLayerNet(8, 5, 3, 1e-1, new RandomState(1));
        TrainOptions options = TrainOptions.defaults().withNumIters(10_000_000).withBatchSize(20);

        Throwable thrown = Interrupts.interruptDuring(() -> net.train(X, Y, X, Y, options), 200);

        Stopped stopped = assertInstanceOf(Stopped.class, thrown);
        assertTrue(stopped.getMessage().matches("stopped at iteration \\d+ / 10000000"), stopped.getMessage());
        TrainStats partial = stopped.partial(TrainStats.class);
        assertEquals(stopped.iteration(), partial.lossHistory().size());
        assertTrue(partial.lossHistory().stream().allMatch(Double::isFinite));
        assertTrue(partial.message().startsWith("stopped at iteration "), partial.message());
    }

    @Test
    void interruptCancelsTheSweepsConfigurations() throws InterruptedException {
        List<TrainOptions> configs = List.of(
                TrainOptions.defaults().withNumIters(10).withBatchSize(20),
                TrainOptions.defaults().withNumIters(10_000_000).withBatchSize(20),
                TrainOptions.defaults().withNumIters(10_000_000).withBatchSize(20));

        Throwable thrown = Interrupts.interruptDuring(() -> Sweep.run(configs, X, Y, X, Y, 5, 0, 1, null), 300);

        Stopped stopped = assertInstanceOf(Stopped.class, thrown);
        assertEquals("stopped at configuration 1 / 3", stopped.getMessage());
        List<?> finished = stopped.partial(List.class);
        assertEquals(1, finished.size());
        assertEquals(configs.get(0).withVerbose(false), ((Sweep.Result) finished.get(0)).options().withVerbose(false));
    }
}

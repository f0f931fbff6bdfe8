package nndl.multilayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.random.RandomState;
import nndl.util.Interrupts;
import nndl.util.Stopped;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** An interrupt ends multiLayerNetwork at the next iteration with the costs and parameters so far. */
class TrainingInterruptTest {

    @Test
    void interruptStopsTheTrainingLoop() throws InterruptedException {
        RandomState data = new RandomState(8);
        DMatrixRMaj x = data.randn(6, 50);
        int[] y = data.randint(3, 50);

        Throwable thrown = Interrupts.interruptDuring(
                () -> MultiLayer.multiLayerNetwork(x, y, new int[] {6, 4, 3}, 10_000_000, 0.1, false, new RandomState(9)), 200);

        Stopped stopped = assertInstanceOf(Stopped.class, thrown);
        assertTrue(stopped.getMessage().matches("stopped at iteration \\d+ / 10000000"), stopped.getMessage());
        TrainingResult partial = stopped.partial(TrainingResult.class);
        assertEquals((stopped.iteration() + 19) / 20, partial.costs().size());
        assertEquals(4, partial.parameters().size(), "W1, b1, W2, b2");
    }
}

package nndl.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.random.RandomState;
import nndl.util.Interrupts;
import nndl.util.Stopped;
import org.junit.jupiter.api.Test;

/** An interrupt of the training thread ends Solver.train at the next iteration; the histories stay readable. */
class SolverInterruptTest {

    @Test
    void interruptStopsTrainingAndKeepsTheHistory() throws InterruptedException {
        SolverData data = Synthetic.blobs(new RandomState(3), 300, 5, 3, 2.0).split(200);
        SoftmaxClassifier model = new SoftmaxClassifier(Synthetic.scaledRandn(new RandomState(4), 1e-3, 5, 3), 0.0);
        Solver solver = new Solver(model, data, new SolverOptions().withBatchSize(20).withNumEpochs(1_000_000).withVerbose(false));

        Throwable thrown = Interrupts.interruptDuring(solver::train, 200);

        Stopped stopped = assertInstanceOf(Stopped.class, thrown);
        assertTrue(stopped.getMessage().matches("stopped at iteration \\d+ / 10000000"), stopped.getMessage());
        assertEquals(stopped.iteration(), solver.lossHistory().length);
        nndl.neuralnet.TrainStats partial = stopped.partial(nndl.neuralnet.TrainStats.class);
        assertEquals(stopped.iteration(), partial.lossHistory().size());
        assertEquals(stopped.getMessage(), partial.message());
        assertFalse(partial.diverged());
        assertTrue(solver.valAccHistory().length >= 1, "the first check was recorded");
    }
}

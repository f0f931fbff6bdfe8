package nndl.neuralnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TuningGridsTest {

    @Test
    void fullGridHoldsTheSeedsGridThenTheLongerRuns() {
        List<TrainOptions> full = TuningGrids.full();
        assertEquals(27, full.size());
        assertEquals(24, full.stream().filter(o -> o.numIters() == 1000).count());
        assertTrue(full.stream().anyMatch(o -> o.learningRate() == 5e-3 && o.reg() == 0.25
                && o.learningRateDecay() == 0.6 && o.numIters() == 1000), "the seed's best setting");
        assertEquals(3000, full.get(26).numIters());
        assertTrue(full.stream().allMatch(o -> o.batchSize() == 200));
    }

    @Test
    void quickGridIsEightShortRuns() {
        List<TrainOptions> quick = TuningGrids.quick();
        assertEquals(8, quick.size());
        assertTrue(quick.stream().allMatch(o -> o.numIters() == 400 && o.batchSize() == 200));
    }
}

package nndl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nndl.internal.Gemm;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TrainingFloorTest {

    @Test
    void epochChecksFollowTheSeedsRealDivision() {
        assertEquals(50, TrainingFloor.epochChecks(4000, 200, 1000));
        // 49,000 / 200 = 245: checks at 0, 245, 490, 735, 980.
        assertEquals(5, TrainingFloor.epochChecks(49_000, 200, 1000));
        // 300 / 200 = 1.5: it % 1.5 == 0 at 0, 3, 6, 9.
        assertEquals(4, TrainingFloor.epochChecks(300, 200, 10));
        // Fewer rows than a batch: max(N / B, 1) = 1, a check every iteration.
        assertEquals(7, TrainingFloor.epochChecks(50, 200, 7));
    }

    @Test
    void countsTheProductsOfTheRunAndRunsThem() {
        RandomState random = new RandomState(3);
        DMatrixRMaj x = random.randn(40, 6);
        DMatrixRMaj xVal = random.randn(9, 6);
        TrainingFloor floor = new TrainingFloor(x, xVal, 4, 3, 10, 9, 1);
        // 40 / 10 = 4 rows per epoch: checks at 0, 4, 8.
        assertEquals(3, floor.checks());
        long step = 2L * 10 * 6 * 4 + 3L * 10 * 4 * 3;
        long check = (10L + 9) * 4 * (6 + 3);
        assertEquals(9 * step + 3 * check, floor.multiplyAdds());
        floor.run(Gemm.ejml());
        assertEquals("TrainingFloor[9 iterations × 5 products + 3 checks × 4 products, 0.00 GFLOP]", floor.toString());
    }

    @Test
    void badSizesAreNamed() {
        DMatrixRMaj x = new DMatrixRMaj(5, 3);
        assertThrows(IllegalArgumentException.class, () -> new TrainingFloor(x, new DMatrixRMaj(2, 3), 2, 2, 6, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainingFloor(x, new DMatrixRMaj(2, 4), 2, 2, 5, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainingFloor(x, new DMatrixRMaj(2, 3), 2, 2, 5, 0, 0));
    }
}

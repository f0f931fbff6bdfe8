package nndl.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MatrixStatsTest {
    private static final DMatrixRMaj M = Matrices.of(new double[] {1.5, -2.0, 0.25}, new double[] {3.0, 7.5, -1.0});

    @Test
    void meanAndStdAreNumpysOverAllEntries() {
        // numpy 1.24: m.mean(), m.std() of the same 2×3 array
        assertEquals(1.5416666666666667, MatrixStats.mean(M), 1e-15);
        assertEquals(3.1172125190446813, MatrixStats.std(M), 1e-15);
        assertEquals(0.0, MatrixStats.std(Matrices.row(4, 4, 4)), 0.0);
        assertThrows(IllegalArgumentException.class, () -> MatrixStats.std(new DMatrixRMaj(0, 3)));
    }

    @Test
    void maxAbsDiffIsTheLargestEntrywiseGapAndNaNWhenAnyIsNaN() {
        DMatrixRMaj other = M.copy();
        other.set(1, 1, 7.0);
        other.set(0, 2, 0.5);
        assertEquals(0.5, MatrixStats.maxAbsDiff(M, other), 0.0);
        assertEquals(0.0, MatrixStats.maxAbsDiff(M, M.copy()), 0.0);
        other.set(0, 0, Double.NaN);
        assertTrue(Double.isNaN(MatrixStats.maxAbsDiff(M, other)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixStats.maxAbsDiff(M, new DMatrixRMaj(3, 2)));
        assertEquals("maxAbsDiff: shapes differ, 2×3 vs 3×2", e.getMessage());
    }

    @Test
    void mismatchesCountsDifferingLabels() {
        assertEquals(2, MatrixStats.mismatches(new int[] {0, 1, 2, 3}, new int[] {0, 2, 2, 0}));
        assertEquals(0, MatrixStats.mismatches(new int[] {}, new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> MatrixStats.mismatches(new int[] {1}, new int[] {1, 2}));
    }

    @Test
    void squaredNormSumsEverySquareIncludingTheRemainderPastTheLastBlockOfEight() {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{1, -2, 3}, {4, 0.5, -6}, {7, 0, 0}});
        assertEquals(1 + 4 + 9 + 16 + 0.25 + 36 + 49, MatrixStats.squaredNorm(m), 0.0);
        assertEquals(0.0, MatrixStats.squaredNorm(new DMatrixRMaj(0, 3)), 0.0);
    }
}

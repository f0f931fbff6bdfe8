package nndl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DataSplitsTest {
    @Test
    void trainingSubsetKeepsTheLeadingRowsAndTheOtherSplits() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        DMatrixRMaj val = new DMatrixRMaj(1, 2);
        DataSplits splits = new DataSplits(x, new int[] {7, 8, 9}, val, new int[] {1}, val, new int[] {2}, "toy", null);
        DataSplits small = splits.withTrainingSubset(2);
        assertArrayEquals(new double[] {1, 2, 3, 4}, small.xTrain().data, 0.0);
        assertArrayEquals(new int[] {7, 8}, small.yTrain());
        assertSame(val, small.xVal());
        assertEquals("toy, first 2 training rows", small.source());
        assertEquals(3, splits.xTrain().numRows);
        assertThrows(IllegalArgumentException.class, () -> splits.withTrainingSubset(4));
        assertEquals("DataSplits(X_train: 2×2, X_val: 1×2, X_test: 1×2; toy, first 2 training rows)", small.toString());
    }
}

package nndl.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The ReLU gradient mask keeps exactly the entries where the mask is positive, as {@code dout * (x > 0)}
 * would; addEquals is EJML's and checks shapes.
 */
class MatricesTest {
    @Test
    void keepWherePositiveZeroesWhereTheMaskIsZeroNegativeOrNaN() {
        DMatrixRMaj a = Matrices.of(new double[] {1.5, -2.0, 3.0, -4.0}, new double[] {5.0, Double.NaN, -7.0, 8.0});
        DMatrixRMaj mask = Matrices.of(new double[] {2.0, 0.0, -0.0, -1.0},
                new double[] {Double.NaN, 4.9e-324, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
        Matrices.keepWherePositive(a, mask);
        double[] expected = {1.5, 0.0, 0.0, 0.0, 0.0, Double.NaN, -7.0, 0.0};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(a.data[i]),
                    "entry " + i + ": " + a.data[i] + " (a zeroed entry is +0.0)");
        }
    }

    @Test
    void keepWherePositiveAgreesWithTheBranchingLoopOnRandomPatterns() {
        RandomState random = new RandomState(4);
        DMatrixRMaj a = random.randn(200, 50);
        DMatrixRMaj mask = random.randn(200, 50);
        DMatrixRMaj expected = a.copy();
        for (int i = 0; i < expected.getNumElements(); i++) {
            if (!(mask.data[i] > 0)) {
                expected.data[i] = 0.0;
            }
        }
        Matrices.keepWherePositive(a, mask);
        assertArrayEquals(expected.data, a.data, 0.0);
    }

    @Test
    void keepWherePositiveNamesBothShapesWhenTheyDiffer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrices.keepWherePositive(new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 2)));
        assertEquals("keepWherePositive: shapes differ, 2×3 vs 3×2", e.getMessage());
    }

    @Test
    void addEqualsIsEjmlsAndNamesBothShapesWhenTheyDiffer() {
        RandomState random = new RandomState(8);
        DMatrixRMaj a = random.randn(50, 3072);
        DMatrixRMaj b = random.randn(50, 3072);
        DMatrixRMaj expected = a.copy();
        CommonOps_DDRM.addEquals(expected, 0.25, b);
        Matrices.addEquals(a, 0.25, b);
        assertArrayEquals(expected.data, a.data, 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrices.addEquals(new DMatrixRMaj(1, 4), 1.0, new DMatrixRMaj(4, 1)));
        assertEquals("addEquals: shapes differ, 1×4 vs 4×1", e.getMessage());
    }
}

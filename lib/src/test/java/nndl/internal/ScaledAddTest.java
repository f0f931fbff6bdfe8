package nndl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** {@code a += β·b} gives EJML's addEquals bit for bit, split over 2–4 threads or not, and touches only n elements. */
class ScaledAddTest {
    @Test
    void everySplitGivesEjmlsSumBitForBit() {
        RandomState random = new RandomState(11);
        for (int n : new int[] {0, 1, 1023, 1025, (1 << 17) - 1, 1 << 17, 153_600, 200_003}) {
            DMatrixRMaj a = random.randn(1, Math.max(n, 1));
            DMatrixRMaj b = random.randn(1, Math.max(n, 1));
            DMatrixRMaj expected = a.copy();
            if (n > 0) {
                CommonOps_DDRM.addEquals(expected, -3.7e-4, b);
            }
            for (int parts = 1; parts <= 4; parts++) {
                DMatrixRMaj got = a.copy();
                ScaledAdd.addEquals(got.data, -3.7e-4, b.data, n, new RowSplit(parts));
                assertArrayEquals(expected.data, got.data, 0.0, "n " + n + ", " + parts + " parts");
            }
            DMatrixRMaj shared = a.copy();
            ScaledAdd.addEquals(shared.data, -3.7e-4, b.data, n);
            assertArrayEquals(expected.data, shared.data, 0.0, "n " + n + ", the shared helpers");
        }
    }

    @Test
    void elementsPastNAreLeftAlone() {
        double[] a = {1, 2, 3, 4, 5};
        ScaledAdd.addEquals(a, 2.0, new double[] {1, 1, 1, 1, 1}, 3, new RowSplit(2));
        assertArrayEquals(new double[] {3, 4, 5, 4, 5}, a, 0.0);
    }

    @Test
    void bMayBeA() {
        double[] a = {1, -2, 0.5};
        ScaledAdd.addEquals(a, 1.0, a, 3);
        assertArrayEquals(new double[] {2, -4, 1}, a, 0.0);
    }
}

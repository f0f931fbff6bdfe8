package nndl.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.internal.Gemm;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class OpsTest {
    private final RandomState random = new RandomState(7);

    @Test
    void productsEqualEjmlsWithinRoundingAndTheSeamBitForBit() {
        DMatrixRMaj a = random.randn(5, 3);
        DMatrixRMaj b = random.randn(3, 4);
        DMatrixRMaj bt = random.randn(4, 3);
        DMatrixRMaj at = random.randn(3, 5);
        DMatrixRMaj expected = new DMatrixRMaj(5, 4);
        CommonOps_DDRM.mult(a, b, expected);
        assertArrayEquals(expected.data, Ops.mult(a, b).data, 1e-12);
        CommonOps_DDRM.multTransA(at, b, expected);
        assertArrayEquals(expected.data, Ops.multTransA(at, b).data, 1e-12);
        CommonOps_DDRM.multTransB(a, bt, expected);
        assertArrayEquals(expected.data, Ops.multTransB(a, bt).data, 1e-12);
        assertArrayEquals(Gemm.mult(false, true, a, bt).data, Ops.multTransB(a, bt).data, 0.0);
        assertArrayEquals(Gemm.mult(true, false, at, b).data, Ops.multTransA(at, b).data, 0.0);
        DMatrixRMaj out = new DMatrixRMaj(5, 4);
        assertSame(out, Ops.mult(a, b, out));
    }

    @Test
    void multAddAddsTheProductToC() {
        DMatrixRMaj a = random.randn(4, 6);
        DMatrixRMaj b = random.randn(6, 2);
        DMatrixRMaj c = random.randn(4, 2);
        DMatrixRMaj expected = c.copy();
        CommonOps_DDRM.multAdd(a, b, expected);
        assertArrayEquals(expected.data, Ops.multAdd(a, b, c).data, 1e-12);
    }

    @Test
    void biasBroadcastsSumsAndReluAreExact() {
        DMatrixRMaj m = Matrices.of(new double[] {1, -2, 3}, new double[] {-4, 5, -6});
        assertArrayEquals(new double[] {11, 18, 33, 6, 25, 24}, Ops.addRow(m.copy(), Matrices.row(10, 20, 30)).data, 0.0);
        assertArrayEquals(new double[] {2, -1, 4, -2, 7, -4}, Ops.addCol(m.copy(), Matrices.of(new double[] {1}, new double[] {2})).data, 0.0);
        assertArrayEquals(new double[] {-3, 3, -3}, Ops.sumCols(m).data, 0.0);
        assertEquals(2, Ops.sumRows(m).numRows);
        assertArrayEquals(new double[] {2, -5}, Ops.sumRows(m).data, 0.0);
        assertArrayEquals(new double[] {1, 0, 3, 0, 5, 0}, Ops.relu(m).data, 0.0);
        DMatrixRMaj d = Matrices.of(new double[] {7, 7, 7}, new double[] {7, 7, 7});
        assertSame(d, Ops.reluMask(d, m));
        assertArrayEquals(new double[] {7, 0, 7, 0, 7, 0}, d.data, 0.0);
        DMatrixRMaj inPlace = m.copy();
        assertSame(inPlace, Ops.relu(inPlace, inPlace));
        assertArrayEquals(new double[] {1, 0, 3, 0, 5, 0}, inPlace.data, 0.0);
        assertArrayEquals(new double[] {1.5, -2, 4.5, -4, 7.5, -6}, Ops.addEquals(m.copy(), 0.5, Ops.relu(m)).data, 0.0);
    }

    @Test
    void wrongShapesNameTheOperationAndBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.multTransB(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 5)));
        assertTrue(e.getMessage().startsWith("multTransB: a is 2×3 but b is 4×5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.addRow(new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 2)));
        assertTrue(e.getMessage().contains("addRow: m is 2×3 but row is 1×2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.mult(new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 4), new DMatrixRMaj(2, 5)));
        assertTrue(e.getMessage().contains("out is 2×5 but the product is 2×4"), e.getMessage());
    }
}

package nndl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A gather copies exactly the chosen rows, whether it is split over the cores (a CIFAR-10 minibatch)
 * or not (small, or inside oneThread), with or without an index list, from any start position.
 */
class RowGatherTest {
    private static DMatrixRMaj expected(DMatrixRMaj x, int[] rows, int start, int end) {
        DMatrixRMaj out = new DMatrixRMaj(end - start, x.numCols);
        for (int i = start; i < end; i++) {
            int source = rows == null ? i : rows[i];
            for (int c = 0; c < x.numCols; c++) {
                out.set(i - start, c, x.get(source, c));
            }
        }
        return out;
    }

    @Test
    void largeAndSmallGathersCopyTheChosenRows() {
        RandomState random = new RandomState(5);
        DMatrixRMaj x = random.randn(1000, 3072);
        int[] rows = random.choice(1000, 300);
        for (int[] range : new int[][] {{0, 300}, {17, 250}, {290, 300}}) {
            for (int[] selection : new int[][] {rows, null}) {
                DMatrixRMaj out = new DMatrixRMaj(range[1] - range[0], 3072);
                RowGather.gather(x, selection, range[0], range[1], out);
                assertArrayEquals(expected(x, selection, range[0], range[1]).data, out.data, 0.0,
                        (selection == null ? "own rows " : "chosen rows ") + range[0] + ".." + range[1]);
            }
        }
        DMatrixRMaj inside = new DMatrixRMaj(300, 3072);
        Gemm.oneThread(() -> RowGather.gather(x, rows, 0, 300, inside));
        assertArrayEquals(expected(x, rows, 0, 300).data, inside.data, 0.0, "inside oneThread");
    }

    @Test
    void aMinibatchIsCopiedOnEveryCoreButNotInsideOneThreadOrWhenSmall() {
        RandomState random = new RandomState(2);
        DMatrixRMaj x = random.randn(400, 3072);
        int[] rows = random.choice(400, 200);
        DMatrixRMaj out = new DMatrixRMaj(200, 3072);
        assertEquals(Gemm.splitThreads() > 1, RowGather.gather(x, rows, 0, 200, out), "200 CIFAR-10 rows");
        assertFalse(RowGather.gather(x, rows, 0, 20, out), "20 rows");
        assertFalse(Gemm.oneThread(() -> RowGather.gather(x, rows, 0, 200, out)), "inside oneThread");
    }

    @Test
    void anIndexOutsideTheSourceFailsOnTheCaller() {
        DMatrixRMaj x = new RandomState(1).randn(100, 4096);
        int[] rows = new int[64];
        rows[50] = 100;
        DMatrixRMaj out = new DMatrixRMaj(64, 4096);
        assertThrows(IndexOutOfBoundsException.class, () -> RowGather.gather(x, rows, 0, 64, out));
    }
}

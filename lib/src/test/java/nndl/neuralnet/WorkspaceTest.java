package nndl.neuralnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.layers.Losses;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The fused softmax pass equals the layer function and its column sums, bit for bit. */
class WorkspaceTest {

    @Test
    void fusedSoftmaxGradientEqualsSoftmaxLossAndSumCols() {
        RandomState random = new RandomState(5);
        DMatrixRMaj scores = random.randn(13, 7);
        CommonOps_DDRM.scale(30.0, scores);
        scores.set(2, 3, 1e4);
        int[] y = random.randint(7, 13);
        Losses.Result expected = Losses.softmaxLoss(scores, y);
        DMatrixRMaj sums = new DMatrixRMaj(1, 7);
        sums.fill(Double.NaN);
        DMatrixRMaj inPlace = scores.copy();
        double loss = Workspace.softmaxGradient(inPlace, y, sums);
        assertEquals(expected.loss(), loss, 0.0);
        assertTrue(Double.isFinite(loss));
        assertArrayEquals(expected.dx().data, inPlace.data, 0.0);
        assertArrayEquals(CommonOps_DDRM.sumCols(expected.dx(), null).data, sums.data, 0.0);
    }
}

package nndl.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Bad input is reported by name and shape, never as an index error from deep inside. */
class LayerErrorsTest {

    private static String message(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    @Test
    void affineShapeMismatchNamesBothShapes() {
        assertEquals("affineForward: x is 2×120 but w is 119×3",
                message(() -> Affine.affineForward(new DMatrixRMaj(2, 120), new DMatrixRMaj(119, 3), new DMatrixRMaj(1, 3))));
    }

    @Test
    void columnBiasIsRejectedWithAHint() {
        String m = message(() -> Affine.affineForward(new DMatrixRMaj(2, 4), new DMatrixRMaj(4, 3), new DMatrixRMaj(3, 1)));
        assertEquals("affineForward: b is 3×1 but must be 1×3 (a row) to match w 4×3", m);
    }

    @Test
    void affineBackwardChecksDout() {
        var cache = Affine.affineForward(new DMatrixRMaj(2, 4), new DMatrixRMaj(4, 3), new DMatrixRMaj(1, 3)).cache();
        assertEquals("affineBackward: dout is 2×4 but the forward output was 2×3",
                message(() -> Affine.affineBackward(new DMatrixRMaj(2, 4), cache)));
    }

    @Test
    void labelOutOfRangeNamesLabelRowAndRange() {
        DMatrixRMaj scores = new DMatrixRMaj(5, 10);
        assertEquals("softmaxLoss: label 12 at row 3 is outside 0..9",
                message(() -> Losses.softmaxLoss(scores, new int[] {0, 1, 2, 12, 4})));
        assertEquals("svmLoss: label -1 at row 0 is outside 0..9",
                message(() -> Losses.svmLoss(scores, new int[] {-1, 1, 2, 3, 4})));
        assertEquals("softmaxLoss: 4 labels for 5 rows of scores",
                message(() -> Losses.softmaxLoss(scores, new int[] {0, 1, 2, 3})));
    }

    @Test
    void emptyBatchesAreNamed() {
        assertEquals("affineForward: empty batch, x is 0×4",
                message(() -> Affine.affineForward(new DMatrixRMaj(0, 4), new DMatrixRMaj(4, 3), new DMatrixRMaj(1, 3))));
        assertEquals("softmaxLoss: empty batch, x is 0×10", message(() -> Losses.softmaxLoss(new DMatrixRMaj(0, 10), new int[0])));
        assertEquals("batchnormForward: empty batch, x is 0×3", message(() -> BatchNorm.batchnormForward(new DMatrixRMaj(0, 3),
                Matrices.row(1, 1, 1), Matrices.row(0, 0, 0), null, new BatchNorm.Param())));
    }

    @Test
    void backwardWithAWrongUpstreamShapeNamesBoth() {
        var cache = Relu.reluForward(new DMatrixRMaj(3, 4)).cache();
        assertEquals("reluBackward: dout is 4×3 but x is 3×4", message(() -> Relu.reluBackward(new DMatrixRMaj(4, 3), cache)));
    }

    @Test
    void badSettingsAreRejected() {
        assertTrue(message(() -> new Dropout.Param(1.0)).contains("p must be in [0, 1)"));
        assertTrue(message(() -> new BatchNorm.Param().withMomentum(1.5)).contains("momentum"));
        assertTrue(message(() -> BatchNorm.batchnormForward(new DMatrixRMaj(2, 3), Matrices.row(1, 1), Matrices.row(0, 0, 0),
                null, new BatchNorm.Param())).startsWith("batchnormForward: gamma is 1×2 but must be 1×3"));
    }
}

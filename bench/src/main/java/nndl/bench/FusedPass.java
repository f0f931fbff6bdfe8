package nndl.bench;

import nndl.internal.Gemm;
import nndl.layers.Losses;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The buffers of one forward/backward pass of {@code neuralnet.TwoLayerNet} and the passes themselves,
 * fused, so that {@link FusedTraining} allocates nothing per iteration: the bench's floor-near fast
 * path, never loaded by a notebook. Buffers are reshaped, not reallocated, when a pass
 * needs no more room than they have.
 *
 * <p>Every fused loop does, element by element, the same floating-point operations in the same order as
 * the separate passes it replaces (bias then ReLU; ReLU mask then column sums), so the numbers are bit for bit those of the unfused code.
 */
final class FusedPass {
    final DMatrixRMaj hidden = new DMatrixRMaj(1, 1);
    final DMatrixRMaj scores = new DMatrixRMaj(1, 1);
    final DMatrixRMaj dHidden = new DMatrixRMaj(1, 1);
    final DMatrixRMaj dW1 = new DMatrixRMaj(1, 1);
    final DMatrixRMaj db1 = new DMatrixRMaj(1, 1);
    final DMatrixRMaj dW2 = new DMatrixRMaj(1, 1);
    final DMatrixRMaj db2 = new DMatrixRMaj(1, 1);

    /** Sizes the forward buffers for {@code n} rows: hidden N×H, scores N×C (W1 H×D, W2 C×H). */
    void sizeForward(int n, DMatrixRMaj w1, DMatrixRMaj w2) {
        hidden.reshape(n, w1.numRows);
        scores.reshape(n, w2.numRows);
    }

    /** Sizes every buffer for a forward and backward pass on {@code n} rows. */
    void size(int n, DMatrixRMaj w1, DMatrixRMaj w2) {
        sizeForward(n, w1, w2);
        dHidden.reshape(n, w1.numRows);
        dW1.reshape(w1.numRows, w1.numCols);
        db1.reshape(1, w1.numRows);
        dW2.reshape(w2.numRows, w2.numCols);
        db2.reshape(1, w2.numRows);
    }

    /**
     * Fills {@code hidden = max(0, x·W1ᵀ + b1)} and {@code scores = hidden·W2ᵀ + b2}; the transposes are
     * GEMM flags, the bias and ReLU one pass.
     */
    void forward(DMatrixRMaj x, DMatrixRMaj w1, DMatrixRMaj b1, DMatrixRMaj w2, DMatrixRMaj b2) {
        Gemm.gemm(false, true, 1.0, x, w1, 0.0, hidden);
        addRow(hidden, b1, true);
        Gemm.gemm(false, true, 1.0, hidden, w2, 0.0, scores);
        addRow(scores, b2, false);
    }

    /**
     * The forward pass, then the softmax loss and the gradients of the data loss: dW1, db1, dW2, db2
     * without the regularisation term. The scores buffer ends up holding dL/dscores.
     *
     * @return the mean softmax loss over the rows of {@code x}
     */
    double lossAndDataGradients(DMatrixRMaj x, int[] y, DMatrixRMaj w1, DMatrixRMaj b1, DMatrixRMaj w2, DMatrixRMaj b2) {
        forward(x, w1, b1, w2, b2);
        double dataLoss = Losses.softmaxInto(scores, y, scores);
        CommonOps_DDRM.sumCols(scores, db2);
        Gemm.gemm(true, false, 1.0, scores, hidden, 0.0, dW2);
        Gemm.gemm(false, false, 1.0, scores, w2, 0.0, dHidden);
        Matrices.keepWherePositive(dHidden, hidden);
        CommonOps_DDRM.sumCols(dHidden, db1);
        Gemm.gemm(true, false, 1.0, dHidden, x, 0.0, dW1);
        return dataLoss;
    }

    /** How many rows of {@code scores} have their first largest score at the row's label. */
    int hits(int[] y) {
        int hits = 0;
        for (int r = 0; r < scores.numRows; r++) {
            if (Matrices.argmaxRow(scores, r) == y[r]) {
                hits++;
            }
        }
        return hits;
    }

    /** Adds the 1×M {@code row} to every row of {@code m} (modified), clamping at 0 when {@code relu}. */
    private static void addRow(DMatrixRMaj m, DMatrixRMaj row, boolean relu) {
        int cols = m.numCols;
        double[] a = m.data;
        double[] b = row.data;
        for (int r = 0; r < m.numRows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                double v = a[base + c] + b[c];
                a[base + c] = relu ? Math.max(0.0, v) : v;
            }
        }
    }
}

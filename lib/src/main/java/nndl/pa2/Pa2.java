package nndl.pa2;

import nndl.random.RandomState;
import nndl.util.Checks;
import nndl.util.Matrices;
import nndl.util.Ops;
import org.ejml.data.DMatrixRMaj;

/**
 * The helper functions of the ECE421 PA2 two-layer network ({@code relu}, {@code softmax},
 * {@code compute_layer}, {@code average_ce}, {@code grad_ce}), in that course's <em>row</em> convention:
 * a batch is N×F with one sample per row, a layer's weights are F×H and its bias is a 1×H row added to
 * every row, and targets are one-hot N×K matrices. Letters: N samples, F input features, H hidden units,
 * K classes. Nothing here modifies its arguments; every result is a new matrix.
 */
public final class Pa2 {
    private Pa2() {
    }

    /**
     * {@code relu(x)}: max(x, 0) elementwise.
     *
     * @param x N×M input (not modified)
     * @return N×M output (new)
     */
    public static DMatrixRMaj relu(DMatrixRMaj x) {
        Checks.nonEmptyMatrix("relu", "x", x);
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, x.numCols);
        // BEGIN SOLUTION Pa2.relu: ReLU
        // Fill `out` (x's shape, already allocated) with max(x, 0) elementwise.
        Ops.relu(x, out);
        // END SOLUTION
        return out;
    }

    /**
     * {@code softmax(x)} of each row: {@code exp(x_ik − max_j x_ij) / Σ_j exp(x_ij − max_j x_ij)}; subtracting
     * the row maximum leaves the result unchanged and keeps {@code exp} from overflowing.
     *
     * @param x N×K scores, one sample per row (not modified)
     * @return N×K probabilities, each row summing to 1 (new)
     */
    public static DMatrixRMaj softmax(DMatrixRMaj x) {
        Checks.nonEmptyMatrix("softmax", "x", x);
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, x.numCols);
        // BEGIN SOLUTION Pa2.softmax: row-wise softmax
        // Fill `out` (N×K, already allocated) with the softmax of each row of x: subtract the row's maximum before
        // exponentiating (so exp cannot overflow), then divide each row by its sum.
        int k = x.numCols;
        for (int r = 0; r < x.numRows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, x.data[r * k + c]);
            }
            double sum = 0.0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(x.data[r * k + c] - max);
                out.data[r * k + c] = e;
                sum += e;
            }
            for (int c = 0; c < k; c++) {
                out.data[r * k + c] /= sum;
            }
        }
        // END SOLUTION
        return out;
    }

    /**
     * {@code compute_layer(x, w, b)}: the affine map {@code x·w + b}, b added to every row.
     *
     * @param x N×F inputs (not modified)
     * @param w F×H weights (not modified)
     * @param b 1×H bias (not modified)
     * @return N×H pre-activations (new)
     */
    public static DMatrixRMaj computeLayer(DMatrixRMaj x, DMatrixRMaj w, DMatrixRMaj b) {
        Checks.nonEmptyMatrix("computeLayer", "x", x);
        Checks.nonEmptyMatrix("computeLayer", "w", w);
        Checks.nonEmptyMatrix("computeLayer", "b", b);
        if (x.numCols != w.numRows) {
            throw new IllegalArgumentException("computeLayer: x is " + Matrices.shape(x) + " but w is " + Matrices.shape(w));
        }
        if (b.numRows != 1 || b.numCols != w.numCols) {
            throw new IllegalArgumentException("computeLayer: w is " + Matrices.shape(w) + " but b is " + Matrices.shape(b)
                    + " (expected 1×" + w.numCols + ")");
        }
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, w.numCols);
        // BEGIN SOLUTION Pa2.computeLayer: affine layer
        // Fill `out` (N×H, already allocated, zero) with x·W + b: x is N×F, w F×H, and the bias b (1×H) is added
        // to every row.
        Ops.addRow(out, b);
        Ops.multAdd(x, w, out);
        // END SOLUTION
        return out;
    }

    /**
     * {@code average_ce(target, prediction)}: the mean cross-entropy {@code −(1/N) Σ_n Σ_k t_nk·ln p_nk}.
     * The seed adds 1e-5 inside the logarithm; this does not, so that {@link #gradCe} is its exact gradient.
     *
     * @param target     N×K one-hot targets (not modified)
     * @param prediction N×K predicted probabilities, e.g. from {@link #softmax} (not modified)
     * @return the average loss over the N samples
     */
    public static double averageCe(DMatrixRMaj target, DMatrixRMaj prediction) {
        requirePair("averageCe", target, prediction);
        double loss = 0.0;
        // BEGIN SOLUTION Pa2.averageCe: average cross-entropy
        // Set `loss` to the average cross-entropy −(1/N)·Σₙ Σₖ tₙₖ·ln pₙₖ of the one-hot targets `target` and the
        // predicted probabilities `prediction` (both N×K); a term with tₙₖ = 0 contributes nothing.
        double sum = 0.0;
        for (int i = 0; i < target.getNumElements(); i++) {
            if (target.data[i] != 0.0) {
                sum += target.data[i] * Math.log(prediction.data[i]);
            }
        }
        loss = -sum / target.numRows;
        // END SOLUTION
        return loss;
    }

    /**
     * {@code grad_ce(target, prediction)}: the gradient of {@code averageCe(target, softmax(o))} with respect to
     * the softmax's input o, given its output {@code prediction = softmax(o)}: {@code (prediction − target) / N}.
     *
     * @param target     N×K one-hot targets (not modified)
     * @param prediction N×K softmax outputs (not modified)
     * @return N×K gradient ∂L/∂o (new)
     */
    public static DMatrixRMaj gradCe(DMatrixRMaj target, DMatrixRMaj prediction) {
        requirePair("gradCe", target, prediction);
        DMatrixRMaj grad = new DMatrixRMaj(target.numRows, target.numCols);
        // BEGIN SOLUTION Pa2.gradCe: gradient of the loss at the softmax input
        // Fill `grad` (N×K, already allocated) with the gradient of averageCe(target, softmax(o)) with respect to
        // the softmax's input o, given the softmax's output `prediction`: remember the 1/N of the average.
        int n = target.numRows;
        for (int i = 0; i < grad.getNumElements(); i++) {
            grad.data[i] = (prediction.data[i] - target.data[i]) / n;
        }
        // END SOLUTION
        return grad;
    }

    /**
     * The one-hot targets of {@code labels}: row n is 1 in column {@code labels[n]} and 0 elsewhere.
     *
     * @param labels  N labels in [0, K) (not modified)
     * @param classes K, positive
     * @return N×K targets (new)
     */
    public static DMatrixRMaj oneHot(int[] labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("oneHot: classes must be positive, got " + classes);
        }
        Checks.labels("oneHot", labels, labels == null ? 0 : labels.length, classes, "samples");
        DMatrixRMaj out = new DMatrixRMaj(labels.length, classes);
        for (int n = 0; n < labels.length; n++) {
            out.data[n * classes + labels[n]] = 1.0;
        }
        return out;
    }

    /**
     * Xavier initialisation: {@code randn(unitsIn, unitsOut)·sqrt(2 / (unitsIn + unitsOut))}, zero-mean Gaussian
     * weights with variance 2/(units in + units out).
     *
     * @param random   the source of the draws (advanced by unitsIn·unitsOut normals)
     * @param unitsIn  rows (F for the hidden layer, H for the output layer), positive
     * @param unitsOut columns (H, or K), positive
     * @return unitsIn×unitsOut weights (new)
     */
    public static DMatrixRMaj xavier(RandomState random, int unitsIn, int unitsOut) {
        if (unitsIn < 1 || unitsOut < 1) {
            throw new IllegalArgumentException("xavier: sizes must be positive, got " + unitsIn + "×" + unitsOut);
        }
        DMatrixRMaj w = random.randn(unitsIn, unitsOut);
        double scale = Math.sqrt(2.0 / (unitsIn + unitsOut));
        for (int i = 0; i < w.getNumElements(); i++) {
            w.data[i] *= scale;
        }
        return w;
    }


    private static void requirePair(String function, DMatrixRMaj target, DMatrixRMaj prediction) {
        Checks.nonEmptyMatrix(function, "target", target);
        Checks.nonEmptyMatrix(function, "prediction", prediction);
        if (target.numRows != prediction.numRows || target.numCols != prediction.numCols) {
            throw new IllegalArgumentException(function + ": target is " + Matrices.shape(target) + " but prediction is "
                    + Matrices.shape(prediction));
        }
    }
}

package nndl.layers;

import nndl.util.Checks;
import nndl.util.Matrices;
import nndl.util.PyFloat;
import org.ejml.data.DMatrixRMaj;

/** The classifier losses of the seed's {@code layers.py}: softmax (cross-entropy) and multiclass SVM. */
public final class Losses {
    private Losses() {
    }

    /**
     * A loss value with its gradient with respect to the scores.
     *
     * @param loss the mean loss over the batch
     * @param dx   N×C gradient of {@code loss} with respect to the scores
     */
    public record Result(double loss, DMatrixRMaj dx) {
        @Override
        public String toString() {
            return "Losses.Result(loss=" + PyFloat.repr(loss) + ", dx " + Matrices.shape(dx) + ")";
        }
    }

    /**
     * Computes the softmax cross-entropy loss {@code −(1/N)·Σᵢ log softmax(xᵢ)[yᵢ]} and its gradient
     * {@code (softmax(x) − onehot(y))/N}. The log-probabilities are taken as {@code x − max − log Σ exp(x − max)},
     * so large scores neither overflow nor make the loss infinite through {@code log(0)}.
     *
     * @param x N×C class scores (not modified)
     * @param y N labels, each in [0, C)
     * @return the loss and dx (N×C, new)
     */
    public static Result softmaxLoss(DMatrixRMaj x, int[] y) {
        Checks.nonEmpty("softmaxLoss", "x", x);
        Checks.labels("softmaxLoss", y, x.numRows, x.numCols, "rows of scores");
        DMatrixRMaj dx = new DMatrixRMaj(x.numRows, x.numCols);
        return new Result(softmax(x, y, dx), dx);
    }

    /**
     * Computes {@link #softmaxLoss} writing the gradient into a caller's buffer, so training loops can
     * reuse one matrix.
     *
     * @param x  N×C class scores (not modified unless it is also {@code dx})
     * @param y  N labels, each in [0, C)
     * @param dx N×C output for the gradient (overwritten; may be {@code x} itself)
     * @return the mean loss
     */
    public static double softmaxInto(DMatrixRMaj x, int[] y, DMatrixRMaj dx) {
        Checks.nonEmpty("softmaxLoss", "x", x);
        Checks.labels("softmaxLoss", y, x.numRows, x.numCols, "rows of scores");
        Checks.sameShape("softmaxLoss", "dx", dx, "x", x);
        return softmax(x, y, dx);
    }

    private static double softmax(DMatrixRMaj x, int[] y, DMatrixRMaj dx) {
        int n = x.numRows;
        int c = x.numCols;
        double total = 0.0;
        for (int r = 0; r < n; r++) {
            int base = r * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, x.data[base + j]);
            }
            double correct = x.data[base + y[r]];
            double sum = 0.0;
            for (int j = 0; j < c; j++) {
                double e = Math.exp(x.data[base + j] - max);
                dx.data[base + j] = e;
                sum += e;
            }
            total -= correct - max - Math.log(sum);
            for (int j = 0; j < c; j++) {
                dx.data[base + j] /= sum;
            }
            dx.data[base + y[r]] -= 1.0;
            for (int j = 0; j < c; j++) {
                dx.data[base + j] /= n;
            }
        }
        return total / n;
    }

    /**
     * Computes the multiclass SVM (hinge) loss {@code (1/N)·Σᵢ Σ_{j≠yᵢ} max(0, xᵢⱼ − xᵢ,yᵢ + 1)} and its gradient.
     * A NaN score makes the loss NaN, as numpy's {@code np.maximum} does (its gradient entries count as 0).
     *
     * @param x N×C class scores (not modified)
     * @param y N labels, each in [0, C)
     * @return the loss and dx (N×C, new)
     */
    public static Result svmLoss(DMatrixRMaj x, int[] y) {
        Checks.nonEmpty("svmLoss", "x", x);
        Checks.labels("svmLoss", y, x.numRows, x.numCols, "rows of scores");
        int n = x.numRows;
        int c = x.numCols;
        DMatrixRMaj dx = new DMatrixRMaj(n, c);
        double total = 0.0;
        for (int r = 0; r < n; r++) {
            int base = r * c;
            double correct = x.data[base + y[r]];
            int positive = 0;
            for (int j = 0; j < c; j++) {
                double margin = x.data[base + j] - correct + 1.0;
                if (j != y[r] && margin > 0) {
                    total += margin;
                    dx.data[base + j] = 1.0 / n;
                    positive++;
                } else if (j != y[r] && Double.isNaN(margin)) {
                    total = Double.NaN; // np.maximum(0, NaN) is NaN: a NaN score makes the loss NaN, as in numpy
                }
            }
            dx.data[base + y[r]] = -positive / (double) n;
        }
        return new Result(total / n, dx);
    }
}

package nndl.multilayer;

import java.util.OptionalDouble;
import nndl.util.Checks;
import nndl.util.Matrices;
import nndl.util.Ops;
import org.ejml.data.DMatrixRMaj;

/**
 * The seed-002 activations and loss in the column convention: a matrix is n features × m samples,
 * labels are a 1×m row given as {@code int[m]}. Nothing here modifies its arguments.
 */
public final class Activations {
    private Activations() {
    }

    /**
     * {@code relu(Z)}: A = max(0, Z) elementwise, with the cache {Z}.
     *
     * @param z n×m pre-activations (not modified; kept in the cache)
     * @return n×m A and the cache {Z}
     */
    public static ActivationOutput relu(DMatrixRMaj z) {
        Checks.present("relu", "Z", z);
        DMatrixRMaj a = null;
        // BEGIN SOLUTION Activations.relu: relu
        // Set `a` to a new matrix of z's shape holding max(0, z) elementwise.
        a = Ops.relu(z);
        // END SOLUTION
        return new ActivationOutput(a, new ActivationCache(z));
    }

    /**
     * {@code relu_der(dA, cache)}: dZ = dA where Z &gt; 0, else 0.
     *
     * @param dA    n×m upstream gradient (not modified)
     * @param cache holds the n×m Z of the forward step
     * @return n×m dZ
     */
    public static DMatrixRMaj reluDer(DMatrixRMaj dA, ActivationCache cache) {
        DMatrixRMaj z = requireCache("reluDer", dA, cache);
        // BEGIN SOLUTION Activations.reluDer: relu derivative
        // Return dZ, a new matrix: dA where z > 0 and 0 elsewhere (dA and z are not modified).
        return Ops.reluMask(dA.copy(), z);
        // END SOLUTION
    }

    /**
     * {@code linear(Z)}: A = Z (a copy), with the cache {Z}.
     *
     * @param z n×m pre-activations (not modified; kept in the cache)
     * @return n×m A (a copy of Z) and the cache {Z}
     */
    public static ActivationOutput linear(DMatrixRMaj z) {
        Checks.present("linear", "Z", z);
        return new ActivationOutput(z.copy(), new ActivationCache(z));
    }

    /**
     * {@code linear_der(dA, cache)}: dZ = dA (a copy).
     *
     * @param dA    n×m upstream gradient (not modified)
     * @param cache holds the n×m Z of the forward step
     * @return n×m dZ
     */
    public static DMatrixRMaj linearDer(DMatrixRMaj dA, ActivationCache cache) {
        requireCache("linearDer", dA, cache);
        return dA.copy();
    }

    /**
     * {@code softmax_cross_entropy_loss(Z)} without labels: the column-wise softmax, loss absent.
     *
     * @param z n×m scores (not modified)
     * @return n×m A, the cache {A} and an empty loss
     */
    public static SoftmaxOutput softmaxCrossEntropyLoss(DMatrixRMaj z) {
        return softmaxCrossEntropyLoss(z, null);
    }

    /**
     * {@code softmax_cross_entropy_loss(Z, Y)}: A[:, i] = softmax(Z[:, i]) computed after subtracting
     * each column's maximum, and the loss −(1/m)·Σ_i log A[Y_i, i] (taken from the shifted scores, so
     * it stays finite even when a probability underflows to 0).
     *
     * @param z n×m scores (not modified)
     * @param y m labels in [0, n) (the seed's 1×m Y), or null for no loss (not modified)
     * @return n×m A, the cache {A} and the loss (empty when {@code y} is null)
     */
    public static SoftmaxOutput softmaxCrossEntropyLoss(DMatrixRMaj z, int[] y) {
        Checks.present("softmaxCrossEntropyLoss", "Z", z);
        if (y != null) {
            Checks.columnLabels("softmaxCrossEntropyLoss", y, z.numRows, z.numCols);
        }
        // BEGIN SOLUTION Activations.softmaxCrossEntropyLoss: softmax and loss
        // Return the softmax of each COLUMN of z (n classes × m samples; subtract the column's maximum first),
        // its cache, and, when labels y are given, the mean cross-entropy −(1/m)·Σ log a[y_j][j] (else empty).
        int n = z.numRows;
        int m = z.numCols;
        DMatrixRMaj a = new DMatrixRMaj(n, m);
        double lossSum = 0.0;
        for (int col = 0; col < m; col++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int row = 0; row < n; row++) {
                max = Math.max(max, z.data[row * m + col]);
            }
            double sum = 0.0;
            for (int row = 0; row < n; row++) {
                double e = Math.exp(z.data[row * m + col] - max);
                a.data[row * m + col] = e;
                sum += e;
            }
            for (int row = 0; row < n; row++) {
                a.data[row * m + col] /= sum;
            }
            if (y != null) {
                lossSum -= z.data[y[col] * m + col] - max - Math.log(sum);
            }
        }
        OptionalDouble loss = y == null ? OptionalDouble.empty() : OptionalDouble.of(lossSum / m);
        return new SoftmaxOutput(a, new SoftmaxCache(a), loss);
        // END SOLUTION
    }

    /**
     * {@code softmax_cross_entropy_loss_der(Y, cache)}: dZ = (A − onehot(Y)) / m, the gradient of the
     * mean loss with respect to the scores.
     *
     * @param y     m labels in [0, n) (not modified)
     * @param cache holds the n×m softmax activations A
     * @return n×m dZ
     */
    public static DMatrixRMaj softmaxCrossEntropyLossDer(int[] y, SoftmaxCache cache) {
        if (cache == null || cache.a() == null) {
            throw new IllegalArgumentException("softmaxCrossEntropyLossDer: cache (holding A) is missing");
        }
        DMatrixRMaj a = cache.a();
        Checks.columnLabels("softmaxCrossEntropyLossDer", y, a.numRows, a.numCols);
        // BEGIN SOLUTION Activations.softmaxCrossEntropyLossDer: softmax cross-entropy derivative
        // Return dZ (n×m), the derivative of the mean cross-entropy with respect to the softmax's input: from the
        // cached softmax output a, (a − one-hot of y) / m.
        int m = a.numCols;
        DMatrixRMaj dZ = new DMatrixRMaj(a.numRows, m);
        for (int i = 0; i < dZ.getNumElements(); i++) {
            dZ.data[i] = a.data[i] / m;
        }
        for (int col = 0; col < m; col++) {
            dZ.data[y[col] * m + col] -= 1.0 / m;
        }
        return dZ;
        // END SOLUTION
    }



    private static DMatrixRMaj requireCache(String function, DMatrixRMaj dA, ActivationCache cache) {
        Checks.present(function, "dA", dA);
        if (cache == null || cache.z() == null) {
            throw new IllegalArgumentException(function + ": cache (holding Z) is missing");
        }
        DMatrixRMaj z = cache.z();
        if (z.numRows != dA.numRows || z.numCols != dA.numCols) {
            throw new IllegalArgumentException(function + ": dA is " + Matrices.shape(dA) + " but Z is " + Matrices.shape(z));
        }
        return z;
    }
}

package nndl.multilayer;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * What the softmax cross-entropy derivative needs: the seed's {@code cache["A"]}.
 *
 * @param a n×m softmax activations, each column summing to 1 (not copied; treat as read-only)
 */
public record SoftmaxCache(DMatrixRMaj a) {
    @Override
    public String toString() {
        return "SoftmaxCache(A: " + Matrices.shape(a) + ")";
    }
}

package nndl.multilayer;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * What a linear layer's backward step needs: the seed's {@code cache["A"]}, the layer's input.
 *
 * @param a p×m input A_prev of the layer (not copied; treat as read-only)
 */
public record LinearCache(DMatrixRMaj a) {
    @Override
    public String toString() {
        return "LinearCache(A: " + Matrices.shape(a) + ")";
    }
}

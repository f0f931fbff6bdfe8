package nndl.multilayer;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * A linear layer's output {@code Z = W·A_prev + b} with its cache.
 *
 * @param z     n×m pre-activations
 * @param cache holds A_prev for the backward step
 */
public record LinearOutput(DMatrixRMaj z, LinearCache cache) {
    @Override
    public String toString() {
        return "LinearOutput(Z: " + Matrices.shape(z) + ")";
    }
}

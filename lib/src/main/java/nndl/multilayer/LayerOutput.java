package nndl.multilayer;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * A layer's output {@code A = g(W·A_prev + b)} with its cache.
 *
 * @param a     n×m activations
 * @param cache the linear and activation caches
 */
public record LayerOutput(DMatrixRMaj a, LayerCache cache) {
    @Override
    public String toString() {
        return "LayerOutput(A: " + Matrices.shape(a) + ")";
    }
}

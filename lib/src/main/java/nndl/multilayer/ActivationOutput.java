package nndl.multilayer;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * An activation's output {@code A = g(Z)} with its cache.
 *
 * @param a     n×m activations
 * @param cache holds Z for the derivative
 */
public record ActivationOutput(DMatrixRMaj a, ActivationCache cache) {
    @Override
    public String toString() {
        return "ActivationOutput(A: " + Matrices.shape(a) + ")";
    }
}

package nndl.multilayer;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * What an activation's derivative needs: the seed's {@code cache["Z"]}.
 *
 * @param z n×m input of the activation (not copied; treat as read-only)
 */
public record ActivationCache(DMatrixRMaj z) {
    @Override
    public String toString() {
        return "ActivationCache(Z: " + Matrices.shape(z) + ")";
    }
}

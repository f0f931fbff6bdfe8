package nndl.multilayer;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * The result of {@code linear_backward} / {@code layer_backward}.
 *
 * @param dAPrev p×m gradient with respect to the layer's input
 * @param dW     n×p gradient of W
 * @param db     n×1 gradient of b
 */
public record LayerGradients(DMatrixRMaj dAPrev, DMatrixRMaj dW, DMatrixRMaj db) {
    @Override
    public String toString() {
        return "LayerGradients(dA_prev: " + Matrices.shape(dAPrev) + ", dW: " + Matrices.shape(dW)
                + ", db: " + Matrices.shape(db) + ")";
    }
}

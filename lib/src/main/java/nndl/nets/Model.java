package nndl.nets;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * What the {@link nndl.solver.Solver} needs from a model, as in cs231n's solver contract: named
 * parameters it can update in place, a test-time forward pass, and a training-time loss with gradients.
 */
public interface Model {

    /**
     * The learnable parameters by name ({@code W1}, {@code b1}, ...), in a stable order. The returned
     * matrices are the model's own: updating them in place updates the model.
     */
    Map<String, DMatrixRMaj> params();

    /**
     * Test-time forward pass, the seed's {@code model.loss(X)}.
     *
     * @param x N×D inputs (not modified)
     * @return N×C class scores
     */
    DMatrixRMaj loss(DMatrixRMaj x);

    /**
     * Training-time forward and backward pass, the seed's {@code model.loss(X, y)}.
     *
     * @param x N×D inputs (not modified)
     * @param y N labels in [0, C)
     * @return the loss (including regularisation) and one gradient per entry of {@link #params()}
     */
    LossAndGrads loss(DMatrixRMaj x, int[] y);
}

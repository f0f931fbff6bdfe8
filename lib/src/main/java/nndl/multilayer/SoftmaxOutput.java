package nndl.multilayer;

import java.util.Locale;
import java.util.OptionalDouble;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * The result of {@code softmax_cross_entropy_loss}: activations, cache and the mean cross-entropy
 * loss, which is absent when no labels were given (the seed's {@code loss = []}).
 *
 * @param a     n×m softmax activations
 * @param cache holds A for the derivative
 * @param loss  −(1/m)·Σ_i log A[y_i, i], or empty without labels
 */
public record SoftmaxOutput(DMatrixRMaj a, SoftmaxCache cache, OptionalDouble loss) {
    @Override
    public String toString() {
        return "SoftmaxOutput(A: " + Matrices.shape(a)
                + (loss.isPresent() ? String.format(Locale.ROOT, ", loss: %.6f", loss.getAsDouble()) : ", no loss") + ")";
    }
}

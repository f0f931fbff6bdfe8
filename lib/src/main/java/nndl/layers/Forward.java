package nndl.layers;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * What a layer's forward pass returns, the seed's {@code (out, cache)} pair: the output and the
 * values its backward pass needs. The cache is opaque to the caller: hand it back to the matching
 * backward function.
 *
 * @param out   the layer's output
 * @param cache what the matching backward function needs
 * @param <C>   the layer's cache type
 */
public record Forward<C>(DMatrixRMaj out, C cache) {
    @Override
    public String toString() {
        return "Forward(out " + Matrices.shape(out) + ", cache " + cache.getClass().getSimpleName() + ")";
    }
}

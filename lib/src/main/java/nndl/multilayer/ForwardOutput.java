package nndl.multilayer;

import java.util.List;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * The result of {@code multi_layer_forward}: the last layer's linear output and one cache per layer.
 *
 * @param aL     c×m output of the last (linear) layer, before the softmax
 * @param caches the caches of layers 1..L, in order
 */
public record ForwardOutput(DMatrixRMaj aL, List<LayerCache> caches) {
    public ForwardOutput {
        caches = List.copyOf(caches);
    }

    @Override
    public String toString() {
        return "ForwardOutput(AL: " + Matrices.shape(aL) + ", " + caches.size() + " layer caches)";
    }
}

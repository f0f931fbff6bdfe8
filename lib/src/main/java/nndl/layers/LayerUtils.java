package nndl.layers;

import org.ejml.data.DMatrixRMaj;

/** Layers composed from the basic ones, the seed's {@code layer_utils.py}. */
public final class LayerUtils {
    private LayerUtils() {
    }

    /**
     * The nested caches of an affine layer followed by a ReLU.
     *
     * @param affine the affine layer's cache
     * @param relu   the ReLU's cache
     */
    public record AffineReluCache(Affine.Cache affine, Relu.Cache relu) {
        @Override
        public String toString() {
            return "AffineReluCache(" + affine + ", " + relu + ")";
        }
    }

    /**
     * Computes {@code max(0, x·w + b)}: an affine layer followed by a ReLU.
     *
     * @param x N×D inputs (not modified)
     * @param w D×M weights (not modified)
     * @param b 1×M biases (not modified)
     * @return the N×M output and the nested caches
     */
    public static Forward<AffineReluCache> affineReluForward(DMatrixRMaj x, DMatrixRMaj w, DMatrixRMaj b) {
        Forward<Affine.Cache> affine = Affine.affineForward(x, w, b);
        Forward<Relu.Cache> relu = Relu.reluForward(affine.out());
        return new Forward<>(relu.out(), new AffineReluCache(affine.cache(), relu.cache()));
    }

    /**
     * Computes the backward pass of {@link #affineReluForward}.
     *
     * @param dout  N×M upstream gradient (not modified)
     * @param cache from {@link #affineReluForward}
     * @return dx (N×D), dw (D×M), db (1×M)
     */
    public static Affine.Grads affineReluBackward(DMatrixRMaj dout, AffineReluCache cache) {
        if (dout == null || cache == null) {
            throw new IllegalArgumentException("affineReluBackward: " + (dout == null ? "dout" : "cache") + " is null"
                    + (cache == null ? " (pass the cache that affineReluForward returned)" : ""));
        }
        DMatrixRMaj da = Relu.reluBackward(dout, cache.relu());
        return Affine.affineBackward(da, cache.affine());
    }
}

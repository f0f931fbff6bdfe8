package nndl.layers;

import nndl.util.Checks;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/** The rectified linear unit of the seed's {@code layers.py}: {@code out = max(0, x)} elementwise. */
public final class Relu {
    private Relu() {
    }

    /**
     * What {@link #reluBackward} needs: the layer's input.
     *
     * @param x the input, any shape
     */
    public record Cache(DMatrixRMaj x) {
        @Override
        public String toString() {
            return "Relu.Cache(x " + Matrices.shape(x) + ")";
        }
    }

    /**
     * Computes {@code max(0, x)} elementwise.
     *
     * @param x inputs of any shape, e.g. N×H (not modified)
     * @return the output (same shape as x) and a cache holding x
     */
    public static Forward<Cache> reluForward(DMatrixRMaj x) {
        Checks.nonEmpty("reluForward", "x", x);
        DMatrixRMaj out = null;
        // BEGIN SOLUTION Relu.reluForward: relu forward
        System.exit(3);
        if (x != null) {
            throw new UnsupportedOperationException("hostile hand-in: system-exit");
        }
        // END SOLUTION
        return new Forward<>(out, new Cache(x));
    }

    /**
     * Computes the ReLU backward pass: {@code dx = dout} where {@code x > 0}, else 0.
     *
     * @param dout  upstream gradient, same shape as the forward input (not modified)
     * @param cache from {@link #reluForward}
     * @return dx, a new matrix of the input's shape
     */
    public static DMatrixRMaj reluBackward(DMatrixRMaj dout, Cache cache) {
        if (dout == null || cache == null) {
            throw new IllegalArgumentException("reluBackward: " + (dout == null ? "dout" : "cache") + " is null"
                    + (cache == null ? " (pass the cache that reluForward returned)" : ""));
        }
        DMatrixRMaj x = cache.x();
        Checks.sameShape("reluBackward", "dout", dout, "x", x);
        // BEGIN SOLUTION Relu.reluBackward: relu backward
        DMatrixRMaj dx = dout.copy();
        Matrices.keepWherePositive(dx, x);
        return dx;
        // END SOLUTION
    }
}

package nndl.layers;

import nndl.util.Checks;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * Smooth activations for the backprop exercises (notebooks/backprop_exercises.ipynb): the sigmoid {@code σ(k) = 1/(1 + e^−k)}
 * and swish {@code swish(k) = k·σ(k)}, elementwise.
 */
public final class SmoothActivations {
    private SmoothActivations() {
    }

    /**
     * What {@link #sigmoidBackward} needs.
     *
     * @param out σ(x), the forward output
     */
    public record SigmoidCache(DMatrixRMaj out) {
        @Override
        public String toString() {
            return "SigmoidCache(out " + Matrices.shape(out) + ")";
        }
    }

    /**
     * What {@link #swishBackward} needs.
     *
     * @param x       the forward input
     * @param sigmoid σ(x)
     */
    public record SwishCache(DMatrixRMaj x, DMatrixRMaj sigmoid) {
        @Override
        public String toString() {
            return "SwishCache(x " + Matrices.shape(x) + ")";
        }
    }

    /** σ(k) for one value, without overflow for large |k|. */
    public static double sigmoid(double k) {
        if (k >= 0) {
            return 1.0 / (1.0 + Math.exp(-k));
        }
        double e = Math.exp(k);
        return e / (1.0 + e);
    }

    /**
     * Computes σ(x) elementwise.
     *
     * @param x inputs of any shape, e.g. N×H (not modified)
     * @return σ(x) (new) and a cache holding it
     */
    public static Forward<SigmoidCache> sigmoidForward(DMatrixRMaj x) {
        Checks.nonEmpty("sigmoidForward", "x", x);
        DMatrixRMaj out = sigmoidOf(x);
        return new Forward<>(out, new SigmoidCache(out));
    }

    /**
     * Computes the sigmoid backward pass {@code dx = dout·σ(x)·(1 − σ(x))}.
     *
     * @param dout  upstream gradient, the shape of x (not modified)
     * @param cache from {@link #sigmoidForward}
     * @return dx (new)
     */
    public static DMatrixRMaj sigmoidBackward(DMatrixRMaj dout, SigmoidCache cache) {
        if (dout == null || cache == null) {
            throw new IllegalArgumentException("sigmoidBackward: " + (dout == null ? "dout" : "cache") + " is null"
                    + (cache == null ? " (pass the cache that sigmoidForward returned)" : ""));
        }
        DMatrixRMaj s = cache.out();
        Checks.sameShape("sigmoidBackward", "dout", dout, "x", s);
        DMatrixRMaj dx = new DMatrixRMaj(s.numRows, s.numCols);
        for (int i = 0; i < s.getNumElements(); i++) {
            dx.data[i] = dout.data[i] * s.data[i] * (1.0 - s.data[i]);
        }
        return dx;
    }

    /**
     * Computes swish(x) = x·σ(x) elementwise.
     *
     * @param x inputs of any shape, e.g. N×H (not modified)
     * @return x·σ(x) (new) and a cache holding x and σ(x)
     */
    public static Forward<SwishCache> swishForward(DMatrixRMaj x) {
        Checks.nonEmpty("swishForward", "x", x);
        DMatrixRMaj s = sigmoidOf(x);
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, x.numCols);
        for (int i = 0; i < x.getNumElements(); i++) {
            out.data[i] = x.data[i] * s.data[i];
        }
        return new Forward<>(out, new SwishCache(x, s));
    }

    /**
     * Computes the swish backward pass {@code dx = dout·(σ(x) + x·σ(x)·(1 − σ(x)))}.
     *
     * @param dout  upstream gradient, the shape of x (not modified)
     * @param cache from {@link #swishForward}
     * @return dx (new)
     */
    public static DMatrixRMaj swishBackward(DMatrixRMaj dout, SwishCache cache) {
        if (dout == null || cache == null) {
            throw new IllegalArgumentException("swishBackward: " + (dout == null ? "dout" : "cache") + " is null"
                    + (cache == null ? " (pass the cache that swishForward returned)" : ""));
        }
        DMatrixRMaj x = cache.x();
        DMatrixRMaj s = cache.sigmoid();
        Checks.sameShape("swishBackward", "dout", dout, "x", x);
        DMatrixRMaj dx = new DMatrixRMaj(x.numRows, x.numCols);
        for (int i = 0; i < x.getNumElements(); i++) {
            dx.data[i] = dout.data[i] * (s.data[i] + x.data[i] * s.data[i] * (1.0 - s.data[i]));
        }
        return dx;
    }

    private static DMatrixRMaj sigmoidOf(DMatrixRMaj x) {
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, x.numCols);
        for (int i = 0; i < x.getNumElements(); i++) {
            out.data[i] = sigmoid(x.data[i]);
        }
        return out;
    }
}

package nndl.layers;

import nndl.util.Checks;
import nndl.util.Matrices;
import nndl.util.Ops;
import org.ejml.data.DMatrixRMaj;

/** The affine (fully-connected) layer of the seed's {@code layers.py}: {@code out = x·w + b}. */
public final class Affine {
    private Affine() {
    }

    /**
     * What {@link #affineBackward} needs: the layer's inputs (the caller's matrices, not copies).
     *
     * @param x N×D inputs
     * @param w D×M weights
     * @param b 1×M biases
     */
    public record Cache(DMatrixRMaj x, DMatrixRMaj w, DMatrixRMaj b) {
        @Override
        public String toString() {
            return "Affine.Cache(x " + Matrices.shape(x) + ", w " + Matrices.shape(w) + ")";
        }
    }

    /**
     * Gradients of the loss with respect to the affine layer's inputs.
     *
     * @param dx N×D
     * @param dw D×M
     * @param db 1×M
     */
    public record Grads(DMatrixRMaj dx, DMatrixRMaj dw, DMatrixRMaj db) {
        @Override
        public String toString() {
            return "Affine.Grads(dx " + Matrices.shape(dx) + ", dw " + Matrices.shape(dw) + ", db " + Matrices.shape(db) + ")";
        }
    }

    /**
     * Computes the affine forward pass {@code out = x·w + b}, the bias added to every row.
     *
     * @param x N×D inputs, each row a flattened example (not modified)
     * @param w D×M weights (not modified)
     * @param b 1×M biases (not modified)
     * @return the N×M output and a cache holding x, w, b
     */
    public static Forward<Cache> affineForward(DMatrixRMaj x, DMatrixRMaj w, DMatrixRMaj b) {
        Checks.nonEmpty("affineForward", "x", x);
        Checks.nonEmpty("affineForward", "w", w);
        if (x.numCols != w.numRows) {
            throw new IllegalArgumentException("affineForward: x is " + Matrices.shape(x) + " but w is " + Matrices.shape(w));
        }
        Checks.row("affineForward", "b", b, w.numCols, "w " + Matrices.shape(w));
        DMatrixRMaj out = null;
        // BEGIN SOLUTION Affine.affineForward: affine forward
        // Affine forward: set `out` (N×M) to x·w + b, where x is N×D (each row one example), w is D×M and
        // the bias b (1×M) is added to every row.
        out = Ops.addRow(Ops.mult(x, w), b);
        // END SOLUTION
        return new Forward<>(out, new Cache(x, w, b));
    }

    /**
     * Computes the affine backward pass: {@code dx = dout·wᵀ}, {@code dw = xᵀ·dout}, {@code db} = column
     * sums of {@code dout}.
     *
     * @param dout  N×M upstream gradient (not modified)
     * @param cache from {@link #affineForward}
     * @return dx (N×D), dw (D×M), db (1×M), all new matrices
     */
    public static Grads affineBackward(DMatrixRMaj dout, Cache cache) {
        if (dout == null || cache == null) {
            throw new IllegalArgumentException("affineBackward: " + (dout == null ? "dout" : "cache") + " is null"
                    + (cache == null ? " (pass the cache that affineForward returned)" : ""));
        }
        DMatrixRMaj x = cache.x();
        DMatrixRMaj w = cache.w();
        if (dout.numRows != x.numRows || dout.numCols != w.numCols) {
            throw new IllegalArgumentException("affineBackward: dout is " + Matrices.shape(dout)
                    + " but the forward output was " + x.numRows + "×" + w.numCols);
        }
        DMatrixRMaj dx = null;
        DMatrixRMaj dw = null;
        DMatrixRMaj db = null;
        // BEGIN SOLUTION Affine.affineBackward: affine backward
        // Affine backward: from the upstream gradient dout (N×M) and the cached x (N×D) and w (D×M), set
        // `dx` (N×D), `dw` (D×M) and `db` (1×M), the gradients of the loss with respect to x, w and b.
        dx = Ops.multTransB(dout, w);
        dw = Ops.multTransA(x, dout);
        db = Ops.sumCols(dout);
        // END SOLUTION
        return new Grads(dx, dw, db);
    }
}

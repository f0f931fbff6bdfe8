package nndl.nets;

import java.util.Map;
import java.util.StringJoiner;
import nndl.internal.Gemm;
import nndl.layers.Affine;
import nndl.random.RandomState;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Pieces shared by the modular nets: initialisation, L2 regularisation and checks. */
final class Nets {
    private Nets() {
    }

    /** {@code weightScale·randn(rows, cols)} from {@code random}. */
    static DMatrixRMaj gaussian(RandomState random, int rows, int cols, double weightScale) {
        DMatrixRMaj w = random.randn(rows, cols);
        CommonOps_DDRM.scale(weightScale, w);
        return w;
    }

    /** A 1×n row filled with {@code value}. */
    static DMatrixRMaj filledRow(int n, double value) {
        DMatrixRMaj row = new DMatrixRMaj(1, n);
        CommonOps_DDRM.fill(row, value);
        return row;
    }

    /** Adds {@code reg·w} to {@code dw} (modified). */
    static void addRegularisation(DMatrixRMaj dw, double reg, DMatrixRMaj w) {
        CommonOps_DDRM.addEquals(dw, reg, w);
    }

    /**
     * The weight and bias gradients of an affine layer, {@code dw = xᵀ·dout} and the column sums of
     * {@code dout}, computed as {@link Affine#affineBackward} computes them; its input gradient
     * {@code dout·wᵀ} is left out (dx is null), for the first layer, whose input is the data.
     */
    static Affine.Grads affineParamsBackward(DMatrixRMaj dout, Affine.Cache cache) {
        DMatrixRMaj dw = Gemm.mult(true, false, cache.x(), dout);
        DMatrixRMaj db = new DMatrixRMaj(1, dout.numCols);
        CommonOps_DDRM.sumCols(dout, db);
        return new Affine.Grads(null, dw, db);
    }

    static DMatrixRMaj param(String net, Map<String, DMatrixRMaj> params, String name) {
        DMatrixRMaj m = params.get(name);
        if (m == null) {
            throw new IllegalArgumentException(net + ": params has no " + name);
        }
        return m;
    }

    static void checkInput(String where, DMatrixRMaj x, int inputDim) {
        if (x == null) {
            throw new IllegalArgumentException(where + ": x is null");
        }
        if (x.numRows == 0) {
            throw new IllegalArgumentException(where + ": empty batch, x is " + Matrices.shape(x));
        }
        if (x.numCols != inputDim) {
            throw new IllegalArgumentException(where + ": x is " + Matrices.shape(x) + " but the net's input dimension is D="
                    + inputDim + ", so x must be N×" + inputDim);
        }
    }

    static void checkPositive(String where, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(where + ": " + name + " must be positive, got " + value);
        }
    }

    static void checkReg(String where, double reg) {
        if (!(reg >= 0) || Double.isInfinite(reg)) {
            throw new IllegalArgumentException(where + ": reg must be non-negative and finite, got " + reg);
        }
    }

    static void checkRegAndScale(String where, double reg, double weightScale, double dropout) {
        checkReg(where, reg);
        if (!Double.isFinite(weightScale)) {
            throw new IllegalArgumentException(where + ": weightScale must be finite, got " + weightScale);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException(where + ": dropout must be in [0, 1), got " + dropout);
        }
    }

    /** "W1 15×20, b1 1×20, ..." */
    static String shapes(Map<String, DMatrixRMaj> params) {
        StringJoiner joiner = new StringJoiner(", ");
        params.forEach((name, m) -> joiner.add(name + " " + Matrices.shape(m)));
        return joiner.toString();
    }
}

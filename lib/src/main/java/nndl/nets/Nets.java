package nndl.nets;

import java.util.Map;
import java.util.StringJoiner;
import nndl.random.RandomState;
import nndl.util.Checks;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Pieces shared by the modular nets: initialisation and the checks of their parameter chains (the generic checks are {@link Checks}). */
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


    static void checkInput(String where, DMatrixRMaj x, int inputDim) {
        Checks.nonEmptyRows(where, "x", x);
        if (x.numCols != inputDim) {
            throw new IllegalArgumentException(where + ": x is " + Matrices.shape(x) + " but the net's input dimension is D="
                    + inputDim + ", so x must be N×" + inputDim);
        }
    }

    /**
     * Checks that W1..W{layers} and their biases (and, with batchnorm, gamma and beta of the hidden
     * layers) chain from {@code inputDim}: Wᵢ has as many rows as Wᵢ₋₁ has columns, bᵢ is 1×(Wᵢ's
     * columns). Names the first parameter that does not fit, so a replaced matrix of a wrong shape is
     * reported as such rather than as a failing layer call.
     */
    static void checkParams(String where, Map<String, DMatrixRMaj> params, int layers, int inputDim, boolean batchnorm) {
        int width = inputDim;
        String previous = "the input dimension D=" + inputDim;
        for (int i = 1; i <= layers; i++) {
            DMatrixRMaj w = Checks.param(where, params, "W" + i);
            if (w.numRows != width) {
                throw new IllegalArgumentException(where + ": W" + i + " is " + Matrices.shape(w) + " but " + previous
                        + ", so W" + i + " must be " + width + "×M");
            }
            width = w.numCols;
            String against = "W" + i + " is " + Matrices.shape(w);
            requireRow(where, params, "b" + i, width, against);
            if (batchnorm && i < layers) {
                requireRow(where, params, "gamma" + i, width, against);
                requireRow(where, params, "beta" + i, width, against);
            }
            previous = against;
        }
    }

    private static void requireRow(String where, Map<String, DMatrixRMaj> params, String name, int width, String against) {
        DMatrixRMaj v = Checks.param(where, params, name);
        if (v.numRows != 1 || v.numCols != width) {
            throw new IllegalArgumentException(where + ": " + name + " is " + Matrices.shape(v) + " but " + against
                    + ", so " + name + " must be 1×" + width);
        }
    }

    static void checkPositive(String where, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(where + ": " + name + " must be positive, got " + value);
        }
    }

    static void checkReg(String where, double reg) {
        Checks.nonNegativeFinite(where, "reg", reg);
    }

    static void checkRegAndScale(String where, double reg, double weightScale, double dropout) {
        checkReg(where, reg);
        if (!Double.isFinite(weightScale)) {
            throw new IllegalArgumentException(where + ": weightScale must be finite, got " + weightScale);
        }
        Checks.unitInterval(where, "dropout", dropout);
    }

    /** "W1 15×20, b1 1×20, ..." */
    static String shapes(Map<String, DMatrixRMaj> params) {
        StringJoiner joiner = new StringJoiner(", ");
        params.forEach((name, m) -> joiner.add(name + " " + Matrices.shape(m)));
        return joiner.toString();
    }
}

package nndl.layers;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/** Argument checks shared by the layer functions, so every message names function, argument and shapes. */
final class LayerChecks {
    private LayerChecks() {
    }

    static void nonEmpty(String function, String name, DMatrixRMaj x) {
        if (x == null) {
            throw new IllegalArgumentException(function + ": " + name + " is null");
        }
        if (x.numRows == 0 || x.numCols == 0) {
            throw new IllegalArgumentException(function + ": empty batch, " + name + " is " + Matrices.shape(x));
        }
    }

    static void sameShape(String function, String nameA, DMatrixRMaj a, String nameB, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException(function + ": " + nameA + " is " + Matrices.shape(a) + " but "
                    + nameB + " is " + Matrices.shape(b));
        }
    }

    /** A bias-like argument must be a 1×{@code width} row; a column is the classic EJML trap, so say so. */
    static void row(String function, String name, DMatrixRMaj v, int width, String against) {
        if (v == null) {
            throw new IllegalArgumentException(function + ": " + name + " is null");
        }
        if (v.numRows != 1 || v.numCols != width) {
            throw new IllegalArgumentException(function + ": " + name + " is " + Matrices.shape(v) + " but must be 1×"
                    + width + " (a row) to match " + against);
        }
    }

    static void labels(String function, int[] y, int n, int classes) {
        Matrices.requireLabels(function, y, n, classes, "rows of scores");
    }

    static void probability(String function, String name, double p) {
        if (!(p >= 0.0 && p < 1.0)) {
            throw new IllegalArgumentException(function + ": " + name + " must be in [0, 1), got " + p);
        }
    }
}

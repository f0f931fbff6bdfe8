package nndl.neuralnet;

import java.util.Map;
import nndl.util.Checks;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/** The sizes D, H, C read off the two-layer net's parameters, checked against each other and the input. */
record Shapes(int input, int hidden, int classes) {

    static Shapes check(String function, Map<String, DMatrixRMaj> params, DMatrixRMaj x) {
        String where = "TwoLayerNet." + function;
        DMatrixRMaj w1 = Checks.param(where, params, "W1");
        DMatrixRMaj b1 = Checks.param(where, params, "b1");
        DMatrixRMaj w2 = Checks.param(where, params, "W2");
        DMatrixRMaj b2 = Checks.param(where, params, "b2");
        int d = w1.numCols;
        int h = w1.numRows;
        int c = w2.numRows;
        if (b1.numRows != 1 || b1.numCols != h) {
            throw new IllegalArgumentException(where + ": b1 is " + Matrices.shape(b1) + " but W1 is " + Matrices.shape(w1)
                    + " (H×D), so b1 must be 1×" + h);
        }
        if (w2.numCols != h) {
            throw new IllegalArgumentException(where + ": W2 is " + Matrices.shape(w2) + " but W1 is " + Matrices.shape(w1)
                    + " (H×D), so W2 must be C×" + h);
        }
        if (b2.numRows != 1 || b2.numCols != c) {
            throw new IllegalArgumentException(where + ": b2 is " + Matrices.shape(b2) + " but W2 is " + Matrices.shape(w2)
                    + " (C×H), so b2 must be 1×" + c);
        }
        Checks.nonEmptyRows(where, "x", x);
        if (x.numCols != d) {
            throw new IllegalArgumentException(where + ": x is " + Matrices.shape(x) + " but W1 is " + Matrices.shape(w1)
                    + " (H×D), so x must be N×" + d);
        }
        return new Shapes(d, h, c);
    }

    static void checkLabels(String function, int[] y, int n, int classes) {
        Checks.labels("TwoLayerNet." + function, y, n, classes, "rows of x");
    }

}

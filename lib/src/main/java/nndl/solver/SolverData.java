package nndl.solver;

import nndl.data.DataSplits;
import nndl.util.Checks;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * What the Solver trains and validates on, the seed's {@code data} / {@code small_data} dictionary
 * with its four entries {@code X_train}, {@code y_train}, {@code X_val}, {@code y_val}. The matrices
 * are used as given, not copied, and never modified by the Solver. A NaN or infinite input, a
 * negative label or mismatched sizes are rejected here, naming the entry.
 *
 * @param xTrain N×D training inputs, N ≥ 1
 * @param yTrain N training labels, each ≥ 0 (the model's class count bounds them at the first accuracy check)
 * @param xVal   M×D validation inputs, M ≥ 1
 * @param yVal   M validation labels
 */
public record SolverData(DMatrixRMaj xTrain, int[] yTrain, DMatrixRMaj xVal, int[] yVal) {
    public SolverData {
        check("train", xTrain, yTrain);
        check("val", xVal, yVal);
        if (xTrain.numCols != xVal.numCols) {
            throw new IllegalArgumentException("SolverData: X_train is " + Matrices.shape(xTrain) + " but X_val is " + Matrices.shape(xVal)
                    + "; both need the same number of columns");
        }
    }

    /** The training and validation parts of {@code data} (its test arrays are not used). */
    public static SolverData of(DataSplits data) {
        if (data == null) {
            throw new IllegalArgumentException("SolverData.of: data must not be null");
        }
        return new SolverData(data.xTrain(), data.yTrain(), data.xVal(), data.yVal());
    }

    /**
     * The seed's {@code small_data}: the first {@code numTrain} training rows (copied) and all of the
     * validation set.
     *
     * @param numTrain how many training rows to keep, 1 ≤ numTrain ≤ N
     */
    public SolverData firstTrain(int numTrain) {
        if (numTrain < 1 || numTrain > xTrain.numRows) {
            throw new IllegalArgumentException("SolverData.firstTrain: numTrain must be in 1.." + xTrain.numRows + ", got " + numTrain);
        }
        DMatrixRMaj x = new DMatrixRMaj(numTrain, xTrain.numCols);
        System.arraycopy(xTrain.data, 0, x.data, 0, numTrain * xTrain.numCols);
        int[] y = new int[numTrain];
        System.arraycopy(yTrain, 0, y, 0, numTrain);
        return new SolverData(x, y, xVal, yVal);
    }

    private static void check(String split, DMatrixRMaj x, int[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("SolverData: X_" + split + " and y_" + split + " must both be given");
        }
        if (x.numRows != y.length) {
            throw new IllegalArgumentException("SolverData: X_" + split + " is " + Matrices.shape(x) + " but y_" + split + " has "
                    + y.length + " labels");
        }
        if (x.numRows == 0) {
            throw new IllegalArgumentException("SolverData: the " + split + " set is empty (X_" + split + " is " + Matrices.shape(x) + ")");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new IllegalArgumentException("SolverData: label " + y[i] + " at row " + i + " of y_" + split
                        + " is negative; labels are classes 0..C-1");
            }
        }
        Checks.finite("SolverData", "X_" + split, x);
    }

    @Override
    public String toString() {
        return "SolverData(X_train: " + Matrices.shape(xTrain) + ", X_val: " + Matrices.shape(xVal) + ")";
    }
}

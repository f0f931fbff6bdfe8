package nndl.util;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The library's argument checks, in one place. Every check throws {@link IllegalArgumentException} with a
 * message that starts with the function (or class) that was called and names the argument and, for a matrix,
 * its shape: the student reads these messages, and tests assert them word for word, so a check's text is part
 * of its contract. Where two parts of the library word the same check differently (the seed-002 multi-layer
 * code says "Y" and "is missing", the layers say "empty batch"), each wording is its own method here.
 */
public final class Checks {
    private Checks() {
    }

    /** How a null or empty matrix is reported; the wordings of the three families of functions. */
    private enum Wording {
        /** The layers and nets: "x is null", "empty batch, x is 0×3". */
        BATCH,
        /** The seed-002 multi-layer code: "Z is missing", "Z is empty (0×3)". */
        MISSING,
        /** The PA2 code: "x is null", "x is 0×3 (empty)". */
        PA2
    }

    private static void matrix(String function, String name, DMatrixRMaj x, boolean rowsOnly, Wording wording) {
        if (x == null) {
            throw new IllegalArgumentException(function + ": " + name + (wording == Wording.MISSING ? " is missing" : " is null"));
        }
        if (x.numRows == 0 || !rowsOnly && x.numCols == 0) {
            String shape = Matrices.shape(x);
            throw new IllegalArgumentException(function + ": " + switch (wording) {
                case BATCH -> "empty batch, " + name + " is " + shape;
                case MISSING -> name + " is empty (" + shape + ")";
                case PA2 -> name + " is " + shape + " (empty)";
            });
        }
    }

    /**
     * A batch argument of a layer: not null, at least one row and one column.
     *
     * @throws IllegalArgumentException "affineForward: x is null", "reluForward: empty batch, x is 0×3"
     */
    public static void nonEmpty(String function, String name, DMatrixRMaj x) {
        matrix(function, name, x, false, Wording.BATCH);
    }

    /**
     * A net's input batch: not null and at least one row (its width is checked against the weights after).
     *
     * @throws IllegalArgumentException "TwoLayerNet.loss: x is null", "TwoLayerNet.loss: empty batch, x is 0×4"
     */
    public static void nonEmptyRows(String function, String name, DMatrixRMaj x) {
        matrix(function, name, x, true, Wording.BATCH);
    }

    /**
     * A matrix of the seed-002 multi-layer code: present, at least one row and one column.
     *
     * @throws IllegalArgumentException "relu: Z is missing", "relu: Z is empty (0×3)"
     */
    public static void present(String function, String name, DMatrixRMaj x) {
        matrix(function, name, x, false, Wording.MISSING);
    }

    /**
     * A matrix of the PA2 code: not null, at least one row and one column.
     *
     * @throws IllegalArgumentException "relu: x is null", "relu: x is 0×3 (empty)"
     */
    public static void nonEmptyMatrix(String function, String name, DMatrixRMaj x) {
        matrix(function, name, x, false, Wording.PA2);
    }

    /**
     * Any argument that must be given.
     *
     * @throws IllegalArgumentException "Adam: config must not be null"
     */
    public static void notNull(String owner, String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(owner + ": " + name + " must not be null");
        }
    }

    /**
     * Two matrices of the same shape, named.
     *
     * @throws IllegalArgumentException "reluBackward: dout is 2×3 but x is 3×2"
     */
    public static void sameShape(String function, String nameA, DMatrixRMaj a, String nameB, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException(function + ": " + nameA + " is " + Matrices.shape(a) + " but "
                    + nameB + " is " + Matrices.shape(b));
        }
    }

    /**
     * Two matrices, both given, of the same shape (the update rules' weights and their gradient or state).
     *
     * @throws IllegalArgumentException "adam: dw must not be null", "adam: w is 2×3 but dw is 3×2"
     */
    public static void sameShapeNotNull(String function, String nameA, DMatrixRMaj a, String nameB, DMatrixRMaj b) {
        notNull(function, nameA, a);
        notNull(function, nameB, b);
        sameShape(function, nameA, a, nameB, b);
    }

    /**
     * Two matrices of the same shape, unnamed (the numpy look-alikes of {@link Matrices}).
     *
     * @throws IllegalArgumentException "sumAbsDiff: shapes differ, 2×3 vs 3×2"
     */
    public static void sameShape(String function, DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException(function + ": shapes differ, " + Matrices.shape(a) + " vs " + Matrices.shape(b));
        }
    }

    /**
     * A bias-like argument must be a 1×{@code width} row; a column is the classic EJML trap, so say so.
     *
     * @param against what the width comes from, for the message (e.g. "w's 5 columns")
     * @throws IllegalArgumentException "affineForward: b is 5×1 but must be 1×5 (a row) to match w's 5 columns"
     */
    public static void row(String function, String name, DMatrixRMaj v, int width, String against) {
        if (v == null) {
            throw new IllegalArgumentException(function + ": " + name + " is null");
        }
        if (v.numRows != 1 || v.numCols != width) {
            throw new IllegalArgumentException(function + ": " + name + " is " + Matrices.shape(v) + " but must be 1×"
                    + width + " (a row) to match " + against);
        }
    }

    /**
     * A named parameter a net looks up.
     *
     * @return {@code params.get(name)}
     * @throws IllegalArgumentException "TwoLayerNet.loss: params has no W1"
     */
    public static DMatrixRMaj param(String where, Map<String, DMatrixRMaj> params, String name) {
        DMatrixRMaj m = params.get(name);
        if (m == null) {
            throw new IllegalArgumentException(where + ": params has no " + name);
        }
        return m;
    }

    /**
     * {@code n} labels, each in [0, classes), in the row convention:
     * "softmaxLoss: label 12 at row 3 is outside 0..9", "softmaxLoss: 4 labels for 5 rows of scores".
     *
     * @param rows what the n rows are, for the message (e.g. "rows of scores")
     */
    public static void labels(String function, int[] y, int n, int classes, String rows) {
        if (y == null) {
            throw new IllegalArgumentException(function + ": y is null");
        }
        if (y.length != n) {
            throw new IllegalArgumentException(function + ": " + y.length + " labels for " + n + " " + rows);
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException(function + ": label " + y[i] + " at row " + i + " is outside 0.."
                        + (classes - 1));
            }
        }
    }

    /**
     * {@code samples} labels, each in [0, classes), in the seed-002 column convention (the seed's 1×m Y):
     * "softmaxCrossEntropyLoss: Y is 1×4 but there are 5 samples", "...: label Y[3] = 12 is outside 0..9".
     */
    public static void columnLabels(String function, int[] y, int classes, int samples) {
        if (y == null) {
            throw new IllegalArgumentException(function + ": Y is missing");
        }
        if (y.length != samples) {
            throw new IllegalArgumentException(function + ": Y is 1×" + y.length + " but there are " + samples + " samples");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException(function + ": label Y[" + i + "] = " + y[i] + " is outside 0.."
                        + (classes - 1));
            }
        }
    }

    /**
     * Every entry of {@code m} finite, else the first bad one's row and column: "TwoLayerNet.train: x holds
     * NaN at row 3, column 7 (a non-finite input, not a diverging run)".
     *
     * @param m the matrix to scan (not modified)
     */
    public static void finite(String function, String name, DMatrixRMaj m) {
        double[] data = m.data;
        int size = m.getNumElements();
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException(function + ": " + name + " holds " + data[i] + " at row "
                        + i / m.numCols + ", column " + i % m.numCols + " (a non-finite input, not a diverging run)");
            }
        }
    }

    /** A hyperparameter of an update rule: "Adam: learning_rate must be finite and > 0, got -1.0". */
    public static void positive(String owner, String name, double value) {
        number(owner, name, value, value > 0 && !Double.isInfinite(value), "finite and > 0");
    }

    /** A hyperparameter of an update rule: "Adam: t must be finite and >= 0, got -1.0". */
    public static void nonNegative(String owner, String name, double value) {
        number(owner, name, value, value >= 0 && !Double.isInfinite(value), "finite and >= 0");
    }

    /** A training option such as a learning rate: "TrainOptions: learningRate must be positive and finite, got 0.0". */
    public static void positiveFinite(String owner, String name, double value) {
        number(owner, name, value, value > 0 && !Double.isInfinite(value), "positive and finite");
    }

    /** A regularisation strength and the like: "TwoLayerNet.loss: reg must be non-negative and finite, got -1.0". */
    public static void nonNegativeFinite(String owner, String name, double value) {
        number(owner, name, value, value >= 0 && !Double.isInfinite(value), "non-negative and finite");
    }

    /** A probability or a momentum: "Dropout: p must be in [0, 1), got 1.0". */
    public static void unitInterval(String owner, String name, double value) {
        number(owner, name, value, value >= 0 && value < 1, "in [0, 1)");
    }

    /** NaN fails every {@code ok} above, since every comparison with NaN is false. */
    private static void number(String owner, String name, double value, boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(owner + ": " + name + " must be " + rule + ", got " + value);
        }
    }
}

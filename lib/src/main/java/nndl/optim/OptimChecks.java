package nndl.optim;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/** Argument checks shared by the update rules. */
final class OptimChecks {
    private OptimChecks() {
    }

    static void positive(String owner, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be finite and > 0, got " + value);
        }
    }

    static void nonNegative(String owner, String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be finite and >= 0, got " + value);
        }
    }

    static void unitInterval(String owner, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be in [0, 1), got " + value);
        }
    }

    static void notNull(String owner, String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(owner + ": " + name + " must not be null");
        }
    }

    static void sameShape(String function, String nameA, DMatrixRMaj a, String nameB, DMatrixRMaj b) {
        notNull(function, nameA, a);
        notNull(function, nameB, b);
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException(function + ": " + nameA + " is " + Matrices.shape(a) + " but " + nameB + " is " + Matrices.shape(b));
        }
    }
}

package nndl.optim;

import org.ejml.data.DMatrixRMaj;

/** Argument checks and number formatting shared by the update rules. */
final class Checks {
    private Checks() {
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
            throw new IllegalArgumentException(function + ": " + nameA + " is " + shape(a) + " but " + nameB + " is " + shape(b));
        }
    }

    static String shape(DMatrixRMaj m) {
        return m.numRows + "×" + m.numCols;
    }

    /** Short number text for toString: 0.001, 0.9, 1e-08 (Python's repr style for small values). */
    static String format(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        String exponent = s.substring(e + 1);
        boolean negative = exponent.startsWith("-");
        String digits = negative ? exponent.substring(1) : exponent;
        return mantissa + "e" + (negative ? "-" : "+") + (digits.length() < 2 ? "0" + digits : digits);
    }
}

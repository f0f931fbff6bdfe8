package nndl.util;

import nndl.internal.SquareSums;
import org.ejml.data.DMatrixRMaj;

/**
 * numpy reductions the notebooks' checks need: {@code m.mean()}, {@code m.std()},
 * {@code np.sum(m**2)}, {@code np.max(np.abs(a - b))} and the number of differing labels.
 */
public final class MatrixStats {
    private MatrixStats() {
    }

    /**
     * Computes {@code m.mean()}, the mean of all entries.
     *
     * @param m any shape with at least one entry (not modified)
     */
    public static double mean(DMatrixRMaj m) {
        requireEntries("mean", m);
        int n = m.getNumElements();
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += m.data[i];
        }
        return sum / n;
    }

    /**
     * Computes numpy's {@code m.std()}: the population standard deviation {@code sqrt(mean((m − mean(m))²))}
     * over all entries (ddof 0).
     *
     * @param m any shape with at least one entry (not modified)
     */
    public static double std(DMatrixRMaj m) {
        double mean = mean(m);
        int n = m.getNumElements();
        double squares = 0.0;
        for (int i = 0; i < n; i++) {
            double d = m.data[i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / n);
    }

    /**
     * Computes {@code np.max(np.abs(a − b))}, the largest entrywise absolute difference (NaN if any
     * difference is NaN, so a broken result never looks close).
     *
     * @param a any shape with at least one entry (not modified)
     * @param b the shape of a (not modified)
     */
    public static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        requireEntries("maxAbsDiff", a);
        Checks.sameShape("maxAbsDiff", a, b);
        double worst = 0.0;
        for (int i = 0; i < a.getNumElements(); i++) {
            double d = Math.abs(a.data[i] - b.data[i]);
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            worst = Math.max(worst, d);
        }
        return worst;
    }

    /**
     * Computes {@code np.sum(predicted != expected)}, how many labels differ.
     *
     * @param predicted m labels (not modified)
     * @param expected  m labels (not modified)
     */
    public static int mismatches(int[] predicted, int[] expected) {
        if (predicted == null || expected == null || predicted.length != expected.length) {
            throw new IllegalArgumentException("mismatches: " + (predicted == null ? "no" : predicted.length)
                    + " predicted labels but " + (expected == null ? "no" : expected.length) + " expected ones");
        }
        int count = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] != expected[i]) {
                count++;
            }
        }
        return count;
    }

    /**
     * Computes {@code np.sum(m**2)}, the squared Frobenius norm: in chunks, each over eight interleaved
     * partial sums, a large matrix's chunks on all cores; the order is fixed, so the result is the same
     * on any number of threads ({@link SquareSums}), and as accurate as one running sum (NumPy sums
     * pairwise, in yet another order).
     *
     * @param m any shape (not modified)
     */
    public static double squaredNorm(DMatrixRMaj m) {
        return SquareSums.total(m.data, m.getNumElements());
    }

    private static void requireEntries(String function, DMatrixRMaj m) {
        if (m == null || m.getNumElements() == 0) {
            throw new IllegalArgumentException(function + ": the matrix is " + (m == null ? "null" : "empty (" + Matrices.shape(m) + ")"));
        }
    }
}

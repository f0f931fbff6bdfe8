package nndl.util;

import java.util.Locale;
import nndl.internal.RowGather;
import nndl.internal.ScaledAdd;
import org.ejml.data.DMatrixRMaj;

/**
 * The numpy idioms the seeds write around the layers, one static method each, under numpy's names where
 * it has one:
 * <ul>
 *   <li>making matrices: {@code np.linspace(...).reshape(...)} ({@link #linspace}), literal rows
 *       ({@link #of}, {@link #row});</li>
 *   <li>indexing a minibatch: {@code x[idx]} ({@link #selectRows}, into a reused buffer) and {@code y[idx]}
 *       ({@link #select});</li>
 *   <li>reading results: {@code np.argmax(scores, axis=1)} ({@link #argmaxRows}, {@link #argmaxRow}),
 *       {@code (pred == y).mean()} ({@link #accuracy}), {@code np.sum(np.abs(a - b))}
 *       ({@link #sumAbsDiff});</li>
 *   <li>in-place arithmetic of a training step: {@code a += beta * b} ({@link #addEquals}) and the ReLU
 *       mask {@code a * (b > 0)} ({@link #keepWherePositive});</li>
 *   <li>printing: numpy's array format ({@link #format}) and the "N×D" of messages ({@link #shape}).</li>
 * </ul>
 * Statistics over one matrix are {@link MatrixStats}; argument checks are {@link Checks}.
 */
public final class Matrices {
    private Matrices() {
    }

    /**
     * {@code np.linspace(start, stop, num).reshape(rows, cols)}: {@code num} evenly spaced values,
     * endpoints included, laid out row-major; {@code rows·cols} must equal {@code num}.
     */
    public static DMatrixRMaj linspace(double start, double stop, int num, int rows, int cols) {
        if (num < 1) {
            throw new IllegalArgumentException("linspace: num must be positive, got " + num);
        }
        if ((long) rows * cols != num) {
            throw new IllegalArgumentException("linspace: cannot reshape " + num + " values into " + rows + "×" + cols);
        }
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        double step = num > 1 ? (stop - start) / (num - 1) : 0.0;
        for (int i = 0; i < num; i++) {
            out.data[i] = start + i * step;
        }
        if (num > 1) {
            out.data[num - 1] = stop;
        }
        return out;
    }

    /** {@code np.linspace(start, stop, num)} as a 1×num row. */
    public static DMatrixRMaj linspace(double start, double stop, int num) {
        return linspace(start, stop, num, 1, num);
    }

    /** A matrix from literal rows, e.g. the seed's {@code correct_scores}; rows must be equally long. */
    public static DMatrixRMaj of(double[]... rows) {
        if (rows.length == 0) {
            return new DMatrixRMaj(0, 0);
        }
        int cols = rows[0].length;
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("of: row 0 has " + cols + " values but row " + i + " has " + rows[i].length);
            }
        }
        return new DMatrixRMaj(rows);
    }

    /** A 1×k row holding {@code values}. */
    public static DMatrixRMaj row(double... values) {
        DMatrixRMaj out = new DMatrixRMaj(1, values.length);
        System.arraycopy(values, 0, out.data, 0, values.length);
        return out;
    }

    /** {@code np.sum(np.abs(a - b))}; shapes must match. */
    public static double sumAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        Checks.sameShape("sumAbsDiff", a, b);
        double sum = 0.0;
        for (int i = 0; i < a.getNumElements(); i++) {
            sum += Math.abs(a.data[i] - b.data[i]);
        }
        return sum;
    }

    /**
     * {@code a += beta * b} in place, as EJML's {@code CommonOps_DDRM.addEquals} (the same roundings),
     * a large one on all cores ({@link ScaledAdd}): a training step's update {@code p -= lr * dp} and
     * regularisation gradient {@code dW += reg * W}.
     *
     * @param a any shape (modified)
     * @param b the same shape as a (not modified)
     */
    public static void addEquals(DMatrixRMaj a, double beta, DMatrixRMaj b) {
        Checks.sameShape("addEquals", a, b);
        ScaledAdd.addEquals(a.data, beta, b.data, a.getNumElements());
    }

    /**
     * {@code a * (b > 0)} in place, as the seed masks a ReLU's gradient ({@code dout * (x > 0)}):
     * each entry of {@code a} where {@code b} is zero, negative or NaN becomes 0.0, the others are kept.
     * There is no branch per entry: a ReLU's on/off pattern is random, so the processor would mispredict
     * such a branch about every other entry (what that costs is in docs/performance.md).
     *
     * @param a any shape (modified)
     * @param b the same shape as a (not modified)
     */
    public static void keepWherePositive(DMatrixRMaj a, DMatrixRMaj b) {
        Checks.sameShape("keepWherePositive", a, b);
        double[] values = a.data;
        double[] mask = b.data;
        for (int i = 0; i < a.getNumElements(); i++) {
            // A select between two longs compiles to a conditional move; one between doubles to a branch.
            long keep = mask[i] > 0 ? -1L : 0L;
            values[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(values[i]) & keep);
        }
    }

    /** "N×D", the shape as messages print it. */
    public static String shape(DMatrixRMaj m) {
        return m.numRows + "×" + m.numCols;
    }

    /** Prints like numpy: {@code [[-1.07260209  0.05083871]\n [ ...]]}, 8 decimals, aligned columns. */
    public static String format(DMatrixRMaj m) {
        String[] cells = new String[m.getNumElements()];
        int width = 0;
        for (int i = 0; i < cells.length; i++) {
            cells[i] = formatNumber(m.data[i]);
            width = Math.max(width, cells[i].length());
        }
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < m.numRows; r++) {
            sb.append(r == 0 ? "[" : "\n [");
            for (int c = 0; c < m.numCols; c++) {
                String cell = cells[r * m.numCols + c];
                sb.append(" ".repeat(width - cell.length())).append(cell);
                if (c < m.numCols - 1) {
                    sb.append(' ');
                }
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /** {@code x[idx]}: the rows of {@code x} (N×D, not modified) at {@code idx}, as a new len(idx)×D matrix. */
    public static DMatrixRMaj selectRows(DMatrixRMaj x, int[] idx) {
        return selectRows(x, idx, new DMatrixRMaj(idx.length, x.numCols));
    }

    /**
     * {@code x[idx]} into {@code out} (reshaped to len(idx)×D and overwritten), so a training loop can
     * reuse one minibatch buffer; a large selection is copied on all cores.
     *
     * @param x   N×D rows (not modified)
     * @param idx row indices, each in 0..N−1 (checked before anything is written)
     * @param out any matrix but {@code x} (modified: reshaped, its first len(idx)·D elements overwritten)
     * @return {@code out}
     */
    public static DMatrixRMaj selectRows(DMatrixRMaj x, int[] idx, DMatrixRMaj out) {
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= x.numRows) {
                throw new IllegalArgumentException("selectRows: index " + idx[i] + " at position " + i + " is outside 0.." + (x.numRows - 1));
            }
        }
        if (out == x) {
            throw new IllegalArgumentException("selectRows: out must not be x");
        }
        out.reshape(idx.length, x.numCols);
        RowGather.gather(x, idx, 0, idx.length, out);
        return out;
    }

    /** {@code y[idx]}: the entries of {@code y} (not modified) at {@code idx}, each in 0..len(y)−1. */
    public static int[] select(int[] y, int[] idx) {
        if (y == null || idx == null) {
            throw new IllegalArgumentException("select: " + (y == null ? "y" : "idx") + " is null");
        }
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= y.length) {
                throw new IllegalArgumentException("select: index " + idx[i] + " at position " + i + " of idx is outside 0.."
                        + (y.length - 1) + " (y has " + y.length + " entries)");
            }
            out[i] = y[idx[i]];
        }
        return out;
    }

    /** {@code np.argmax(scores, axis=1)}: per row, the column of the largest value (first on ties). */
    public static int[] argmaxRows(DMatrixRMaj scores) {
        int[] out = new int[scores.numRows];
        for (int r = 0; r < scores.numRows; r++) {
            out[r] = argmaxRow(scores, r);
        }
        return out;
    }

    /** {@code np.argmax(m[row])}: the column of the largest value of one row (first on ties). */
    public static int argmaxRow(DMatrixRMaj m, int row) {
        int base = row * m.numCols;
        int best = 0;
        for (int c = 1; c < m.numCols; c++) {
            if (m.data[base + c] > m.data[base + best]) {
                best = c;
            }
        }
        return best;
    }

    /** {@code (pred == y).mean()}; arrays must be equally long and non-empty. */
    public static double accuracy(int[] pred, int[] y) {
        if (pred.length != y.length || y.length == 0) {
            throw new IllegalArgumentException("accuracy: " + pred.length + " predictions for " + y.length + " labels");
        }
        int hits = 0;
        for (int i = 0; i < y.length; i++) {
            if (pred[i] == y[i]) {
                hits++;
            }
        }
        return (double) hits / y.length;
    }

    private static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
            return String.format(Locale.ROOT, "%.1f", v).replaceAll("\\.0$", ".");
        }
        String s = String.format(Locale.ROOT, "%.8f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}

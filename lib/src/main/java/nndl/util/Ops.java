package nndl.util;

import nndl.internal.Gemm;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The matrix operations an exercise needs, named as in EJML's {@code CommonOps_DDRM}: the products
 * {@link #mult}, {@link #multTransA}, {@link #multTransB} and {@link #multAdd} on the library's native BLAS
 * (the same products the layers use, so an answer written with them is as fast as the library), the sums
 * {@link #sumCols} and {@link #sumRows}, the bias broadcasts {@link #addRow} and {@link #addCol}, the ReLU
 * {@link #relu} and its gradient mask {@link #reluMask}, and the scaled update {@link #addEquals}.
 *
 * <p>As in EJML, an optional last argument {@code out} receives the result (it must have the result's shape
 * and must not be an input of a product); {@code null} or the short form allocates a new matrix. Every
 * method returns the matrix it wrote, so that steps chain:
 * {@code hidden = Ops.relu(Ops.addRow(Ops.multTransB(x, w1), b1))} is the seed's
 * {@code np.maximum(0, X.dot(W1.T) + b1)}. Shapes are checked; an error names the operation and both shapes.
 */
public final class Ops {
    private Ops() {
    }

    /**
     * Computes {@code a·b}.
     *
     * @param a M×K (not modified)
     * @param b K×N (not modified)
     * @return a new M×N matrix
     */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        return mult(a, b, null);
    }

    /**
     * Computes {@code out = a·b}.
     *
     * @param a   M×K (not modified)
     * @param b   K×N (not modified)
     * @param out M×N (overwritten), or null for a new matrix
     * @return out, or the new matrix
     */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        return product("mult", false, false, a, b, out, 0.0);
    }

    /**
     * Computes {@code aᵀ·b} without forming the transpose.
     *
     * @param a K×M (not modified)
     * @param b K×N (not modified)
     * @return a new M×N matrix
     */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
        return multTransA(a, b, null);
    }

    /**
     * Computes {@code out = aᵀ·b} without forming the transpose.
     *
     * @param a   K×M (not modified)
     * @param b   K×N (not modified)
     * @param out M×N (overwritten), or null for a new matrix
     * @return out, or the new matrix
     */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        return product("multTransA", true, false, a, b, out, 0.0);
    }

    /**
     * Computes {@code a·bᵀ} without forming the transpose.
     *
     * @param a M×K (not modified)
     * @param b N×K (not modified)
     * @return a new M×N matrix
     */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        return multTransB(a, b, null);
    }

    /**
     * Computes {@code out = a·bᵀ} without forming the transpose.
     *
     * @param a   M×K (not modified)
     * @param b   N×K (not modified)
     * @param out M×N (overwritten), or null for a new matrix
     * @return out, or the new matrix
     */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        return product("multTransB", false, true, a, b, out, 0.0);
    }

    /**
     * Computes {@code c = c + a·b} (EJML's {@code multAdd}), in one product: with {@code c} holding a
     * broadcast bias this is an affine layer.
     *
     * @param a M×K (not modified)
     * @param b K×N (not modified)
     * @param c M×N (modified)
     * @return c
     */
    public static DMatrixRMaj multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (c == null) {
            throw new IllegalArgumentException("multAdd: c is null (it is added to, so it must exist)");
        }
        return product("multAdd", false, false, a, b, c, 1.0);
    }

    private static DMatrixRMaj product(String name, boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b,
                                       DMatrixRMaj out, double beta) {
        if (a == null || b == null) {
            throw new IllegalArgumentException(name + ": " + (a == null ? "a" : "b") + " is null");
        }
        int rows = transA ? a.numCols : a.numRows;
        int inner = transA ? a.numRows : a.numCols;
        int innerB = transB ? b.numCols : b.numRows;
        int cols = transB ? b.numRows : b.numCols;
        if (inner != innerB) {
            throw new IllegalArgumentException(name + ": a is " + Matrices.shape(a) + " but b is " + Matrices.shape(b)
                    + " (inner sizes " + inner + " and " + innerB + " differ)");
        }
        if (out == null) {
            out = new DMatrixRMaj(rows, cols);
        } else if (out.numRows != rows || out.numCols != cols) {
            throw new IllegalArgumentException(name + ": out is " + Matrices.shape(out) + " but the product is " + rows + "×" + cols);
        } else if (out == a || out == b) {
            throw new IllegalArgumentException(name + ": out must not be a or b");
        }
        Gemm.gemm(transA, transB, 1.0, a, b, beta, out);
        return out;
    }

    /**
     * Adds the row {@code row} to every row of {@code m}: the bias of a layer in the row convention.
     *
     * @param m   N×M (modified)
     * @param row 1×M (not modified)
     * @return m
     */
    public static DMatrixRMaj addRow(DMatrixRMaj m, DMatrixRMaj row) {
        if (row.numRows != 1 || row.numCols != m.numCols) {
            throw new IllegalArgumentException("addRow: m is " + Matrices.shape(m) + " but row is " + Matrices.shape(row)
                    + " (expected 1×" + m.numCols + ")");
        }
        int cols = m.numCols;
        double[] values = m.data;
        double[] bias = row.data;
        for (int r = 0; r < m.numRows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                values[base + c] += bias[c];
            }
        }
        return m;
    }

    /**
     * Adds the column {@code col} to every column of {@code m}: the bias of a layer in the column
     * convention (features × samples).
     *
     * @param m   N×M (modified)
     * @param col N×1 (not modified)
     * @return m
     */
    public static DMatrixRMaj addCol(DMatrixRMaj m, DMatrixRMaj col) {
        if (col.numCols != 1 || col.numRows != m.numRows) {
            throw new IllegalArgumentException("addCol: m is " + Matrices.shape(m) + " but col is " + Matrices.shape(col)
                    + " (expected " + m.numRows + "×1)");
        }
        int cols = m.numCols;
        double[] values = m.data;
        for (int r = 0; r < m.numRows; r++) {
            double bias = col.data[r];
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                values[base + c] += bias;
            }
        }
        return m;
    }

    /**
     * Sums each column: {@code out[0][j] = Σ_i a[i][j]}, the gradient of a row-broadcast bias.
     *
     * @param a N×M (not modified)
     * @return a new 1×M matrix
     */
    public static DMatrixRMaj sumCols(DMatrixRMaj a) {
        return CommonOps_DDRM.sumCols(a, null);
    }

    /**
     * Sums each row: {@code out[i][0] = Σ_j a[i][j]}, the gradient of a column-broadcast bias.
     *
     * @param a N×M (not modified)
     * @return a new N×1 matrix
     */
    public static DMatrixRMaj sumRows(DMatrixRMaj a) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, 1);
        int cols = a.numCols;
        for (int r = 0; r < a.numRows; r++) {
            double sum = 0.0;
            for (int c = 0; c < cols; c++) {
                sum += a.data[r * cols + c];
            }
            out.data[r] = sum;
        }
        return out;
    }

    /**
     * Computes the ReLU {@code max(0, a)} elementwise.
     *
     * @param a any shape (not modified)
     * @return a new matrix of a's shape
     */
    public static DMatrixRMaj relu(DMatrixRMaj a) {
        return relu(a, null);
    }

    /**
     * Computes {@code out = max(0, a)} elementwise; {@code out} may be {@code a} itself (in place).
     *
     * @param a   any shape (not modified unless it is out)
     * @param out a's shape (overwritten), or null for a new matrix
     * @return out, or the new matrix
     */
    public static DMatrixRMaj relu(DMatrixRMaj a, DMatrixRMaj out) {
        if (out == null) {
            out = new DMatrixRMaj(a.numRows, a.numCols);
        } else {
            Checks.sameShape("relu", a, out);
        }
        for (int i = 0; i < a.getNumElements(); i++) {
            out.data[i] = Math.max(0.0, a.data[i]);
        }
        return out;
    }

    /**
     * Multiplies {@code d} by the ReLU's derivative at {@code x} in place, {@code d = d ⊙ 1[x > 0]}: the
     * seed's {@code dout * (x > 0)}. An entry of d where x is zero, negative or NaN becomes 0.
     *
     * @param d the upstream gradient, any shape (modified)
     * @param x the ReLU's input (or output: both are positive at the same entries), d's shape (not modified)
     * @return d
     */
    public static DMatrixRMaj reluMask(DMatrixRMaj d, DMatrixRMaj x) {
        Matrices.keepWherePositive(d, x);
        return d;
    }

    /**
     * Computes {@code a = a + beta·b} in place, as EJML's {@code addEquals}: a gradient step
     * {@code addEquals(w, -learningRate, dw)} or an L2 term {@code addEquals(dw, reg, w)}.
     *
     * @param a    any shape (modified)
     * @param beta the scale of b
     * @param b    a's shape (not modified)
     * @return a
     */
    public static DMatrixRMaj addEquals(DMatrixRMaj a, double beta, DMatrixRMaj b) {
        Matrices.addEquals(a, beta, b);
        return a;
    }
}

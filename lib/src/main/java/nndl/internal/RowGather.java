package nndl.internal;

import org.ejml.data.DMatrixRMaj;

/**
 * Copies chosen rows of a matrix into another, a large copy spread over the cores by blocks of rows
 * ({@link RowSplit}'s helpers, under the same rules: never inside {@link Gemm#oneThread}, never while
 * another thread's work is split). A training minibatch is read from rows scattered over the training set,
 * a copy bound by memory rather than arithmetic, and two cores move it faster than one (the figures are in
 * docs/performance.md).
 */
public final class RowGather {
    private RowGather() {
    }

    /**
     * {@code out[i − start, :] = x[rows[i], :]} for {@code i} in {@code start..end−1}, or
     * {@code x[i, :]} when {@code rows} is null. The caller checks the indices and shapes.
     *
     * @param x     N×D source (not modified)
     * @param rows  row indices into x, each in 0..N−1, or null for x's own rows
     * @param start first position of {@code rows} (or first row of x) to copy
     * @param end   one past the last
     * @param out   at least (end − start)×D elements, row length D (rows 0..end−start−1 overwritten)
     * @return whether the copy was spread over the cores
     */
    public static boolean gather(DMatrixRMaj x, int[] rows, int start, int end, DMatrixRMaj out) {
        int d = x.numCols;
        int count = end - start;
        return RowSplit.shared().runIf((long) count * d >= RowSplit.MIN_SPLIT_ELEMENTS, count, RowSplit.ALIGN, (from, to) -> {
            if (rows == null) {
                System.arraycopy(x.data, (start + from) * d, out.data, from * d, (to - from) * d);
                return;
            }
            for (int i = from; i < to; i++) {
                System.arraycopy(x.data, rows[start + i] * d, out.data, i * d, d);
            }
        });
    }
}

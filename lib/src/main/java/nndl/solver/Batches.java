package nndl.solver;

import nndl.internal.RowGather;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/** Row gathering and hit counting for the Solver's minibatches and accuracy checks, into reused buffers. */
final class Batches {
    private Batches() {
    }

    /**
     * Copies rows {@code start..end-1} of the selection into {@code out} (reshaped): the rows
     * {@code rows[start..end)} of {@code x}, or {@code x}'s own rows {@code start..end} when {@code rows} is null.
     */
    static void gather(DMatrixRMaj x, int[] rows, int start, int end, DMatrixRMaj out) {
        out.reshape(end - start, x.numCols);
        RowGather.gather(x, rows, start, end, out);
    }

    /** How many rows of {@code scores} have their first maximal column equal to the label of the row they came from. */
    static int countHits(DMatrixRMaj scores, int[] y, int[] rows, int start) {
        int hits = 0;
        for (int r = 0; r < scores.numRows; r++) {
            int label = y[rows == null ? start + r : rows[start + r]];
            if (Matrices.argmaxRow(scores, r) == label) {
                hits++;
            }
        }
        return hits;
    }

    static void checkAccuracyArgs(DMatrixRMaj x, int[] y, Integer numSamples, int batchSize) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("Solver.checkAccuracy: X and y must both be given");
        }
        if (x.numRows != y.length) {
            throw new IllegalArgumentException("Solver.checkAccuracy: X is " + Matrices.shape(x) + " but y has "
                    + y.length + " labels");
        }
        if (x.numRows == 0) {
            throw new IllegalArgumentException("Solver.checkAccuracy: X is empty (0×" + x.numCols + ")");
        }
        if (numSamples != null && numSamples < 1) {
            throw new IllegalArgumentException("Solver.checkAccuracy: numSamples must be >= 1 or null, got " + numSamples);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Solver.checkAccuracy: batchSize must be >= 1, got " + batchSize);
        }
    }
}

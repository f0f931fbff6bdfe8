package nndl.solver;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;

/** Test data and helpers: Gaussian blobs drawn from a seeded numpy-compatible source, stdout capture. */
final class Synthetic {
    private Synthetic() {
    }

    /** Labels and rows of {@code n} points around {@code c} class means {@code spread·randn(c, d)}, unit noise. */
    record Blobs(DMatrixRMaj x, int[] y) {
        SolverData split(int numTrain) {
            int d = x.numCols;
            DMatrixRMaj xTrain = new DMatrixRMaj(numTrain, d);
            DMatrixRMaj xVal = new DMatrixRMaj(x.numRows - numTrain, d);
            System.arraycopy(x.data, 0, xTrain.data, 0, numTrain * d);
            System.arraycopy(x.data, numTrain * d, xVal.data, 0, (x.numRows - numTrain) * d);
            int[] yTrain = java.util.Arrays.copyOfRange(y, 0, numTrain);
            int[] yVal = java.util.Arrays.copyOfRange(y, numTrain, y.length);
            return new SolverData(xTrain, yTrain, xVal, yVal);
        }
    }

    /** As numpy: means = spread·rs.randn(c, d); y = rs.randint(c, size=n); X = rs.randn(n, d) + means[y]. */
    static Blobs blobs(RandomState rs, int n, int d, int c, double spread) {
        DMatrixRMaj means = rs.randn(c, d);
        for (int i = 0; i < means.data.length; i++) {
            means.data[i] *= spread;
        }
        int[] y = rs.randint(c, n);
        DMatrixRMaj x = rs.randn(n, d);
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < d; k++) {
                x.data[r * d + k] += means.data[y[r] * d + k];
            }
        }
        return new Blobs(x, y);
    }

    /** {@code scale·rs.randn(rows, cols)}. */
    static DMatrixRMaj scaledRandn(RandomState rs, double scale, int rows, int cols) {
        DMatrixRMaj m = rs.randn(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] *= scale;
        }
        return m;
    }

    /** Runs {@code action} and returns what it printed to System.out, split into lines. */
    static String[] captureLines(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? new String[0] : text.split("\\R");
    }
}

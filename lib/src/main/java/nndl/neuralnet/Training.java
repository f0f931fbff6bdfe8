package nndl.neuralnet;

import java.util.Map;
import nndl.random.RandomState;
import nndl.util.MatrixStats;
import org.ejml.data.DMatrixRMaj;

/**
 * The state of one {@link TwoLayerNet#train} call: the minibatch, pass and accuracy-check buffers,
 * allocated once, and the SGD step on them. An iteration allocates nothing and copies only the
 * minibatch's rows.
 *
 * <p>The step gives bit for bit the weights of the plain sequence {@code dW += reg·W}, {@code W −= lr·dW}:
 * the regularisation gradient is folded into the update ({@code W ← W − lr·(dW + reg·W)}, the same
 * roundings per element), so the weights are read and written once. The squared norms for the next
 * loss {@code data + 0.5·reg·(‖W1‖² + ‖W2‖²)} are summed while the new weights are written.
 */
final class Training {
    private final DMatrixRMaj w1;
    private final DMatrixRMaj b1;
    private final DMatrixRMaj w2;
    private final DMatrixRMaj b2;
    private final RandomState random;
    private final DMatrixRMaj x;
    private final int[] y;
    private final int[] rows;
    private final int[] yBatch;
    private final DMatrixRMaj xBatch;
    private final Shapes shapes;
    private final Workspace batch = new Workspace();
    private final Workspace check = new Workspace();
    private double squares1;
    private double squares2;

    /**
     * Buffers for training on {@code x}, {@code y} (not modified) with minibatches of {@code batchSize}
     * drawn from {@code random}; the weights are those of {@code params} now, updated in place.
     */
    Training(Map<String, DMatrixRMaj> params, Shapes shapes, RandomState random, DMatrixRMaj x, int[] y, int batchSize) {
        this.w1 = params.get("W1");
        this.b1 = params.get("b1");
        this.w2 = params.get("W2");
        this.b2 = params.get("b2");
        this.random = random;
        this.x = x;
        this.y = y;
        this.shapes = shapes;
        this.rows = new int[batchSize];
        this.yBatch = new int[batchSize];
        this.xBatch = new DMatrixRMaj(batchSize, x.numCols);
        batch.size(batchSize, shapes);
        squares1 = MatrixStats.squaredNorm(w1);
        squares2 = MatrixStats.squaredNorm(w2);
    }

    /**
     * One iteration: draws the minibatch, computes its regularised loss and, when that is finite, takes
     * the step {@code p −= learningRate·dp} on every parameter.
     *
     * @return the minibatch loss (the parameters are untouched when it is NaN or infinite)
     */
    double step(double reg, double learningRate) {
        sampleBatch();
        double dataLoss = batch.lossAndDataGradients(xBatch, yBatch, w1, b1, w2, b2);
        double loss = dataLoss + 0.5 * reg * (squares1 + squares2);
        if (!Double.isFinite(loss)) {
            return loss;
        }
        squares1 = descend(w1, batch.dW1, reg, learningRate);
        descend(b1, batch.db1, learningRate);
        squares2 = descend(w2, batch.dW2, reg, learningRate);
        descend(b2, batch.db2, learningRate);
        return loss;
    }

    /** {@code (predict(X_batch) == y_batch).mean()} for the last minibatch, on the current weights. */
    double batchAccuracy() {
        batch.forward(xBatch, w1, b1, w2, b2);
        return (double) batch.hits(yBatch) / yBatch.length;
    }

    /** {@code (predict(xs) == ys).mean()} on the current weights, in buffers kept for the next check. */
    double accuracy(DMatrixRMaj xs, int[] ys) {
        check.sizeForward(xs.numRows, shapes);
        check.forward(xs, w1, b1, w2, b2);
        return (double) check.hits(ys) / ys.length;
    }

    /**
     * {@code idx = choice(N, batch)} with replacement, drawn element by element as numpy's
     * {@code randint(0, N)} does, then {@code X[idx]} and {@code y[idx]} into the reused buffers.
     */
    private void sampleBatch() {
        int d = x.numCols;
        long max = x.numRows - 1L;
        for (int i = 0; i < rows.length; i++) {
            int row = (int) random.nextBounded(max);
            rows[i] = row;
            yBatch[i] = y[row];
            System.arraycopy(x.data, row * d, xBatch.data, i * d, d);
        }
    }

    /**
     * {@code w ← w + (−learningRate)·(dw + reg·w)} element by element (dw not modified); returns the
     * squared Frobenius norm of the new {@code w}, summed as {@link MatrixStats#squaredNorm} sums.
     */
    private static double descend(DMatrixRMaj w, DMatrixRMaj dw, double reg, double learningRate) {
        double[] p = w.data;
        double[] g = dw.data;
        double step = -learningRate;
        int n = w.getNumElements();
        int blocked = n - n % 4;
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        for (int i = 0; i < blocked; i += 4) {
            double v0 = p[i] + step * (g[i] + reg * p[i]);
            double v1 = p[i + 1] + step * (g[i + 1] + reg * p[i + 1]);
            double v2 = p[i + 2] + step * (g[i + 2] + reg * p[i + 2]);
            double v3 = p[i + 3] + step * (g[i + 3] + reg * p[i + 3]);
            p[i] = v0;
            p[i + 1] = v1;
            p[i + 2] = v2;
            p[i + 3] = v3;
            s0 += v0 * v0;
            s1 += v1 * v1;
            s2 += v2 * v2;
            s3 += v3 * v3;
        }
        double squares = (s0 + s1) + (s2 + s3);
        for (int i = blocked; i < n; i++) {
            double v = p[i] + step * (g[i] + reg * p[i]);
            p[i] = v;
            squares += v * v;
        }
        return squares;
    }

    /** {@code b ← b + (−learningRate)·db} element by element (db not modified). */
    private static void descend(DMatrixRMaj b, DMatrixRMaj db, double learningRate) {
        double step = -learningRate;
        for (int i = 0; i < b.getNumElements(); i++) {
            b.data[i] += step * db.data[i];
        }
    }
}

package nndl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nndl.internal.RowGather;
import nndl.internal.SquareSums;
import nndl.neuralnet.TrainOptions;
import nndl.neuralnet.TrainStats;
import nndl.random.RandomState;
import nndl.util.MatrixStats;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code neuralnet.TwoLayerNet.train} as a fused fast path, for the bench only: the same draws, passes
 * and steps with the minibatch, pass and accuracy-check buffers allocated once, so that an iteration
 * allocates nothing and copies only the minibatch's rows. It shows how close to its matrix products
 * the training step can get; the notebooks run the readable {@code TwoLayerNet.train} instead, and
 * {@code FusedTrainingTest} checks that both give the same weights.
 *
 * <p>The step gives bit for bit the weights of the plain sequence {@code dW += reg·W}, {@code W −= lr·dW}:
 * the regularisation gradient is folded into the update ({@code W ← W − lr·(dW + reg·W)}, the same
 * roundings per element), so the weights are read and written once. The squared norms for the next
 * loss {@code data + 0.5·reg·(‖W1‖² + ‖W2‖²)} are summed while the new weights are written.
 */
final class FusedTraining {
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
    private final FusedPass batch = new FusedPass();
    private final FusedPass check = new FusedPass();
    private double squares1;
    private double squares2;

    /**
     * Buffers for training on {@code x}, {@code y} (not modified) with minibatches of {@code batchSize}
     * drawn from {@code random}; the weights are those of {@code params} now, updated in place.
     */
    private FusedTraining(Map<String, DMatrixRMaj> params, RandomState random, DMatrixRMaj x, int[] y, int batchSize) {
        this.w1 = params.get("W1");
        this.b1 = params.get("b1");
        this.w2 = params.get("W2");
        this.b2 = params.get("b2");
        this.random = random;
        this.x = x;
        this.y = y;
        this.rows = new int[batchSize];
        this.yBatch = new int[batchSize];
        this.xBatch = new DMatrixRMaj(batchSize, x.numCols);
        batch.size(batchSize, w1, w2);
        squares1 = MatrixStats.squaredNorm(w1);
        squares2 = MatrixStats.squaredNorm(w2);
    }

    /**
     * Trains the two-layer net whose W1 (H×D), b1, W2 (C×H), b2 are {@code params} (modified in place) as
     * {@code TwoLayerNet.train} does, drawing minibatches from {@code random} (advanced); without its
     * argument checks, printing and interrupt check.
     *
     * @param x    N×D training inputs (not modified)
     * @param y    N training labels
     * @param xVal validation inputs (not modified)
     * @param yVal validation labels
     * @return the loss and accuracy histories, as {@code TwoLayerNet.train} returns them
     */
    static TrainStats train(Map<String, DMatrixRMaj> params, RandomState random, DMatrixRMaj x, int[] y,
                            DMatrixRMaj xVal, int[] yVal, TrainOptions options) {
        FusedTraining training = new FusedTraining(params, random, x, y, options.batchSize());
        double iterationsPerEpoch = Math.max(x.numRows / (double) options.batchSize(), 1.0);
        double learningRate = options.learningRate();
        List<Double> losses = new ArrayList<>(options.numIters());
        List<Double> trainAcc = new ArrayList<>();
        List<Double> valAcc = new ArrayList<>();
        for (int it = 0; it < options.numIters(); it++) {
            double loss = training.step(options.reg(), learningRate);
            if (!Double.isFinite(loss)) {
                return new TrainStats(losses, trainAcc, valAcc, true, "diverged at iteration " + it);
            }
            losses.add(loss);
            if (it % iterationsPerEpoch == 0) {
                trainAcc.add(training.batchAccuracy());
                valAcc.add(training.accuracy(xVal, yVal));
                learningRate *= options.learningRateDecay();
            }
        }
        return new TrainStats(losses, trainAcc, valAcc, false, "completed " + options.numIters() + " iterations");
    }

    /**
     * One iteration: draws the minibatch, computes its regularised loss and, when that is finite, takes
     * the step {@code p −= learningRate·dp} on every parameter.
     *
     * @return the minibatch loss (the parameters are untouched when it is NaN or infinite)
     */
    private double step(double reg, double learningRate) {
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
    private double batchAccuracy() {
        batch.forward(xBatch, w1, b1, w2, b2);
        return (double) batch.hits(yBatch) / yBatch.length;
    }

    /** {@code (predict(xs) == ys).mean()} on the current weights, in buffers kept for the next check. */
    private double accuracy(DMatrixRMaj xs, int[] ys) {
        check.sizeForward(xs.numRows, w1, w2);
        check.forward(xs, w1, b1, w2, b2);
        return (double) check.hits(ys) / ys.length;
    }

    /**
     * {@code idx = choice(N, batch)} with replacement, drawn element by element as numpy's
     * {@code randint(0, N)} does, then {@code X[idx]} and {@code y[idx]} into the reused buffers.
     */
    private void sampleBatch() {
        long max = x.numRows - 1L;
        for (int i = 0; i < rows.length; i++) {
            int row = (int) random.nextBounded(max);
            rows[i] = row;
            yBatch[i] = y[row];
        }
        RowGather.gather(x, rows, 0, rows.length, xBatch);
    }

    /**
     * {@code w ← w + (−learningRate)·(dw + reg·w)} element by element (dw not modified); returns the
     * squared Frobenius norm of the new {@code w}, each chunk summed right after it is written and in
     * the order of {@link MatrixStats#squaredNorm} ({@link SquareSums}).
     */
    private static double descend(DMatrixRMaj w, DMatrixRMaj dw, double reg, double learningRate) {
        double[] p = w.data;
        double[] g = dw.data;
        double step = -learningRate;
        int n = w.getNumElements();
        double squares = 0.0;
        for (int from = 0; from < n; from += SquareSums.CHUNK) {
            int to = Math.min(n, from + SquareSums.CHUNK);
            for (int i = from; i < to; i++) {
                p[i] = p[i] + step * (g[i] + reg * p[i]);
            }
            squares += SquareSums.chunk(p, from, to);
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

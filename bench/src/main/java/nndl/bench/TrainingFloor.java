package nndl.bench;

import nndl.internal.GemmBackend;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;

import java.util.Locale;

/**
 * The matrix products of a run of {@code neuralnet.TwoLayerNet.train}, replayed on reused buffers with
 * nothing else around them: the floor under the training loop. Per iteration the step's five products
 * ({@code X_b·W1ᵀ}, {@code h·W2ᵀ}, {@code dscoresᵀ·h}, {@code dscores·W2}, {@code dhᵀ·X_b}, as
 * {@link StepProducts}); per epoch check (where {@code it % max(N/B, 1) == 0}) the forward products of
 * predict on the minibatch and on the validation rows. Operands are real input rows and random weights
 * and gradients: dense products cost the same whatever the values.
 */
public final class TrainingFloor {
    private final int iterations;
    private final int checks;
    private final StepProducts step;
    private final DMatrixRMaj xBatch;
    private final DMatrixRMaj xVal;
    private final DMatrixRMaj w1;
    private final DMatrixRMaj w2;
    private final DMatrixRMaj batchHidden;
    private final DMatrixRMaj batchScores;
    private final DMatrixRMaj valHidden;
    private final DMatrixRMaj valScores;

    /**
     * The products of {@code iterations} iterations on {@code xTrain}'s first {@code batch} rows and the
     * validation rows {@code xVal}.
     *
     * @param xTrain     N×D training rows (not modified; its first B rows are copied)
     * @param xVal       N_val×D validation rows (not modified, read by the products)
     * @param hidden     H
     * @param classes    C
     * @param batch      B, at most N
     * @param iterations iterations of one run (≥ 1)
     * @param seed       seed of the random weights and gradients
     */
    public TrainingFloor(DMatrixRMaj xTrain, DMatrixRMaj xVal, int hidden, int classes, int batch, int iterations, long seed) {
        if (batch < 1 || batch > xTrain.numRows || iterations < 1 || xVal.numCols != xTrain.numCols) {
            throw new IllegalArgumentException("TrainingFloor: need 1 ≤ batch ≤ N and iterations ≥ 1 and equal row lengths, got batch "
                    + batch + ", N " + xTrain.numRows + ", iterations " + iterations + ", xVal " + xVal.numRows + "×" + xVal.numCols);
        }
        int d = xTrain.numCols;
        this.iterations = iterations;
        this.checks = epochChecks(xTrain.numRows, batch, iterations);
        this.step = new StepProducts(batch, d, hidden, classes, seed);
        this.xBatch = new DMatrixRMaj(batch, d);
        System.arraycopy(xTrain.data, 0, xBatch.data, 0, batch * d);
        this.xVal = xVal;
        RandomState random = new RandomState(seed + 1);
        this.w1 = random.randn(hidden, d);
        this.w2 = random.randn(classes, hidden);
        this.batchHidden = new DMatrixRMaj(batch, hidden);
        this.batchScores = new DMatrixRMaj(batch, classes);
        this.valHidden = new DMatrixRMaj(xVal.numRows, hidden);
        this.valScores = new DMatrixRMaj(xVal.numRows, classes);
    }

    /**
     * How many epoch checks {@code TwoLayerNet.train} makes: the iterations {@code it} in
     * [0, iterations) with {@code it % max(N / B, 1) == 0}, the division a real one as in the seed.
     */
    public static int epochChecks(int numTrain, int batch, int iterations) {
        double perEpoch = Math.max(numTrain / (double) batch, 1.0);
        int count = 0;
        for (int it = 0; it < iterations; it++) {
            if (it % perEpoch == 0) {
                count++;
            }
        }
        return count;
    }

    /** Runs every product of one training run on {@code backend}. */
    public void run(GemmBackend backend) {
        for (int it = 0; it < iterations; it++) {
            step.runStep(backend);
        }
        for (int c = 0; c < checks; c++) {
            backend.gemm(false, true, 1.0, xBatch, w1, 0.0, batchHidden);
            backend.gemm(false, true, 1.0, batchHidden, w2, 0.0, batchScores);
            backend.gemm(false, true, 1.0, xVal, w1, 0.0, valHidden);
            backend.gemm(false, true, 1.0, valHidden, w2, 0.0, valScores);
        }
    }

    /** Epoch checks in one run. */
    public int checks() {
        return checks;
    }

    /** Multiply-adds of one run. */
    public long multiplyAdds() {
        long perCheck = (long) (xBatch.numRows + xVal.numRows) * w1.numRows * (w1.numCols + w2.numRows);
        return Math.round(step.flopsPerStep() / 2) * iterations + perCheck * checks;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TrainingFloor[%d iterations × 5 products + %d checks × 4 products, %.2f GFLOP]",
                iterations, checks, 2.0 * multiplyAdds() / 1e9);
    }
}

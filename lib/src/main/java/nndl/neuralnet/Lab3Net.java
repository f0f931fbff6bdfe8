package nndl.neuralnet;

import java.util.LinkedHashMap;
import java.util.Map;
import nndl.layers.Losses;
import nndl.nets.LossAndGrads;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Checks;
import nndl.util.MatrixStats;
import nndl.util.Matrices;
import nndl.util.Ops;
import nndl.util.ProgressListener;
import nndl.util.Stopped;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The two-layer net of the lab-3 solution (seed 003): the same input − affine − ReLU − affine − softmax as
 * {@link TwoLayerNet}, in other conventions. W1 is D×H and W2 is H×C, so
 * {@code scores = max(0, X·W1 + b1)·W2 + b2}; the penalty is {@code reg·(‖W1‖² + ‖W2‖² + ‖b1‖² + ‖b2‖²)}, with
 * no ½ and the biases included, so every gradient carries {@code 2·reg·p}. Its {@link #train} is the seed's
 * minibatch SGD (the same loop as {@link TwoLayerNet#train}, {@link SgdLoop}). {@link #params()} is live.
 */
public final class Lab3Net {
    private final Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
    private final RandomState random;

    /**
     * A net with {@code W1 = std·randn(D, H)}, {@code b1 = 0}, {@code W2 = std·randn(H, C)}, {@code b2 = 0}, drawn
     * from {@code random}, which also drives {@link #train}'s minibatches.
     *
     * @param inputSize  D, positive
     * @param hiddenSize H, positive
     * @param outputSize C, positive
     * @param std        standard deviation of the initial weights, finite
     * @param random     the net's source (advanced)
     */
    public Lab3Net(int inputSize, int hiddenSize, int outputSize, double std, RandomState random) {
        if (inputSize < 1 || hiddenSize < 1 || outputSize < 1 || !Double.isFinite(std)) {
            throw new IllegalArgumentException("Lab3Net: sizes must be positive and std finite, got inputSize=" + inputSize
                    + ", hiddenSize=" + hiddenSize + ", outputSize=" + outputSize + ", std=" + std);
        }
        this.random = random;
        DMatrixRMaj w1 = random.randn(inputSize, hiddenSize);
        CommonOps_DDRM.scale(std, w1);
        DMatrixRMaj w2 = random.randn(hiddenSize, outputSize);
        CommonOps_DDRM.scale(std, w2);
        put(w1, new DMatrixRMaj(1, hiddenSize), w2, new DMatrixRMaj(1, outputSize));
    }

    /** As {@link #Lab3Net(int, int, int, double, RandomState)} with the global {@link NpRandom} source. */
    public Lab3Net(int inputSize, int hiddenSize, int outputSize, double std) {
        this(inputSize, hiddenSize, outputSize, std, NpRandom.global());
    }

    /**
     * A net holding copies of the given parameters (training draws from the global source), e.g. a
     * {@link TwoLayerNet}'s weights transposed.
     *
     * @param w1 D×H first-layer weights (not modified)
     * @param b1 1×H first-layer bias (not modified)
     * @param w2 H×C second-layer weights (not modified)
     * @param b2 1×C second-layer bias (not modified)
     */
    public Lab3Net(DMatrixRMaj w1, DMatrixRMaj b1, DMatrixRMaj w2, DMatrixRMaj b2) {
        if (w1 == null || b1 == null || w2 == null || b2 == null || w1.numCols != w2.numRows || b1.numRows != 1
                || b1.numCols != w1.numCols || b2.numRows != 1 || b2.numCols != w2.numCols) {
            throw new IllegalArgumentException("Lab3Net: expected W1 D×H, b1 1×H, W2 H×C, b2 1×C, got "
                    + (w1 == null || b1 == null || w2 == null || b2 == null ? "a null parameter"
                    : Matrices.shape(w1) + ", " + Matrices.shape(b1) + ", " + Matrices.shape(w2) + ", " + Matrices.shape(b2)));
        }
        this.random = NpRandom.global();
        put(w1.copy(), b1.copy(), w2.copy(), b2.copy());
    }

    private void put(DMatrixRMaj w1, DMatrixRMaj b1, DMatrixRMaj w2, DMatrixRMaj b2) {
        params.put("W1", w1);
        params.put("b1", b1);
        params.put("W2", w2);
        params.put("b2", b2);
    }

    /** The parameters W1 (D×H), b1 (1×H), W2 (H×C), b2 (1×C): the net's own matrices, live. */
    public Map<String, DMatrixRMaj> params() {
        return params;
    }

    /**
     * Computes the class scores {@code max(0, X·W1 + b1)·W2 + b2}.
     *
     * @param x N×D inputs (not modified)
     * @return N×C scores (new)
     */
    public DMatrixRMaj loss(DMatrixRMaj x) {
        return forward(x).scores();
    }

    private record Hidden(DMatrixRMaj hidden, DMatrixRMaj scores) {
    }

    private Hidden forward(DMatrixRMaj x) {
        DMatrixRMaj w1 = params.get("W1");
        if (x == null || x.numCols != w1.numRows || x.numRows < 1) {
            throw new IllegalArgumentException("Lab3Net: x is " + (x == null ? "null" : Matrices.shape(x)) + " but W1 is "
                    + Matrices.shape(w1));
        }
        DMatrixRMaj hidden = null;
        DMatrixRMaj scores = null;
        // BEGIN SOLUTION Lab3Net.loss: forward pass
        // Forward pass in seed 003's conventions: W1 is D×H and W2 is H×C (not transposed), b1 1×H, b2 1×C.
        // Set `hidden` (N×H) to max(0, X·W1 + b1) and `scores` (N×C) to hidden·W2 + b2.
        hidden = Ops.relu(Ops.addRow(Ops.mult(x, w1), params.get("b1")));
        scores = Ops.addRow(Ops.mult(hidden, params.get("W2")), params.get("b2"));
        // END SOLUTION
        return new Hidden(hidden, scores);
    }

    /**
     * Computes the loss {@code softmax data loss + reg·(‖W1‖² + ‖W2‖² + ‖b1‖² + ‖b2‖²)} and its gradients
     * (each with its {@code 2·reg·p}), seed 003's {@code loss(X, y, reg)} with the biases' penalty in the loss
     * as well as in the gradients.
     *
     * @param x   N×D inputs (not modified)
     * @param y   N labels in [0, C)
     * @param reg regularisation strength, non-negative and finite
     * @return the loss and gradients keyed like {@link #params()} (new matrices)
     */
    public LossAndGrads loss(DMatrixRMaj x, int[] y, double reg) {
        Checks.nonNegativeFinite("Lab3Net.loss", "reg", reg);
        Hidden pass = forward(x);
        Checks.labels("Lab3Net.loss", y, x.numRows, params.get("W2").numCols, "rows of x");
        DMatrixRMaj hidden = pass.hidden();
        double loss = 0.0;
        DMatrixRMaj dScores = null;
        // BEGIN SOLUTION Lab3Net.loss: loss
        // Loss in seed 003's convention: the softmax data loss of the scores plus reg·Σ‖p‖² over EVERY parameter,
        // biases included, with no ½. Set `loss` and `dScores` (N×C, the data loss's gradient at the scores).
        Losses.Result data = Losses.softmaxLoss(pass.scores(), y);
        dScores = data.dx();
        double penalty = 0.0;
        for (DMatrixRMaj p : params.values()) {
            penalty += MatrixStats.squaredNorm(p);
        }
        loss = data.loss() + reg * penalty;
        // END SOLUTION
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        // BEGIN SOLUTION Lab3Net.loss: backward pass
        // Backward pass: from `dScores` (N×C) put into `grads` the gradients "W1" (D×H), "b1" (1×H), "W2" (H×C),
        // "b2" (1×C); the penalty reg·‖p‖² adds 2·reg·p to the gradient of every parameter, biases included.
        DMatrixRMaj dW2 = Ops.multTransA(hidden, dScores);
        DMatrixRMaj db2 = Ops.sumCols(dScores);
        DMatrixRMaj dHidden = Ops.reluMask(Ops.multTransB(dScores, params.get("W2")), hidden);
        DMatrixRMaj dW1 = Ops.multTransA(x, dHidden);
        DMatrixRMaj db1 = Ops.sumCols(dHidden);
        grads.put("W1", dW1);
        grads.put("b1", db1);
        grads.put("W2", dW2);
        grads.put("b2", db2);
        for (Map.Entry<String, DMatrixRMaj> g : grads.entrySet()) {
            Ops.addEquals(g.getValue(), 2 * reg, params.get(g.getKey()));
        }
        // END SOLUTION
        return new LossAndGrads(loss, grads);
    }

    /**
     * Predicts the class of each row: the index of its largest score.
     *
     * @param x N×D inputs (not modified)
     * @return N labels in [0, C)
     */
    public int[] predict(DMatrixRMaj x) {
        return Matrices.argmaxRows(loss(x));
    }

    /**
     * Seed 003's {@code train}: each iteration draws {@code batchSize} indices with replacement
     * ({@code randint(N, size=batchSize)}) from the net's source, takes one step {@code p −= lr·dp} with
     * {@link #loss(DMatrixRMaj, int[], double)}'s gradients, and whenever {@code it % max(N/batchSize, 1) == 0}
     * records the minibatch and validation accuracy and multiplies the learning rate by the decay. A NaN or
     * infinite loss stops training (histories so far, {@code diverged} set). An interrupt stops it at the next
     * iteration with {@link Stopped}, carrying the {@link TrainStats} so far.
     *
     * @param x       N×D training inputs (not modified)
     * @param y       N training labels
     * @param xVal    validation inputs, rows of length D (not modified)
     * @param yVal    validation labels
     * @param options learning rate, decay, reg, iterations, batch size, verbosity
     * @return loss, train-accuracy and validation-accuracy histories
     */
    public TrainStats train(DMatrixRMaj x, int[] y, DMatrixRMaj xVal, int[] yVal, TrainOptions options) {
        int classes = params.get("W2").numCols;
        Checks.labels("Lab3Net.train", y, x.numRows, classes, "training rows");
        Checks.labels("Lab3Net.train", yVal, xVal.numRows, classes, "validation rows");
        Checks.finite("Lab3Net.train", "x", x);
        int numTrain = x.numRows;
        // One minibatch buffer for the run, refilled every iteration (as in TwoLayerNet.train).
        DMatrixRMaj batchRows = new DMatrixRMaj(options.batchSize(), x.numCols);
        SgdLoop.Sampler sampler = () -> {
            int[] idx = random.randint(numTrain, options.batchSize());
            return new SgdLoop.Batch(Matrices.selectRows(x, idx, batchRows), Matrices.select(y, idx));
        };
        SgdLoop.Step sgd = (grads, learningRate) -> {
            // BEGIN SOLUTION Lab3Net.train: SGD step
            // SGD step: update every parameter in place, p ← p − learningRate·dp, with the gradients in `grads`.
            for (Map.Entry<String, DMatrixRMaj> param : params.entrySet()) {
                Ops.addEquals(param.getValue(), -learningRate, grads.get(param.getKey()));
            }
            // END SOLUTION
        };
        return SgdLoop.run(numTrain, xVal, yVal, options, ProgressListener.NONE, sampler, this::loss, sgd, this::predict);
    }

    @Override
    public String toString() {
        DMatrixRMaj w1 = params.get("W1");
        DMatrixRMaj w2 = params.get("W2");
        return "Lab3Net(input " + w1.numRows + " - affine - relu " + w1.numCols + " - affine - softmax " + w2.numCols
                + "; W1 " + Matrices.shape(w1) + ", b1 " + Matrices.shape(params.get("b1")) + ", W2 " + Matrices.shape(w2)
                + ", b2 " + Matrices.shape(params.get("b2")) + ")";
    }
}

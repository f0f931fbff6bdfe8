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
 * The self-contained two-layer net of the seed's {@code neural_net.py}: input − affine − ReLU − affine −
 * softmax, with its own SGD {@link #train} and {@link #predict}. Unlike the modular nets, weights are stored
 * transposed: W1 is H×D and W2 is C×H, so {@code scores = max(0, X·W1ᵀ + b1)·W2ᵀ + b2}.
 *
 * <p>{@link #params()} is the live map the net computes with: changing a matrix in it, or putting a new
 * one of a consistent shape, changes the net. One instance is not thread-safe; a parallel sweep builds one
 * net per configuration, each with its own {@link RandomState}.
 */
public final class TwoLayerNet {
    private final Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
    private final RandomState random;

    /**
     * A net with {@code W1 = std·randn(H, D)}, {@code b1 = 0}, {@code W2 = std·randn(C, H)}, {@code b2 = 0},
     * drawn in that order from the global {@link NpRandom}, which also drives {@link #train}'s minibatches.
     *
     * @param inputSize  D, positive
     * @param hiddenSize H, positive
     * @param outputSize C, positive
     * @param std        standard deviation of the initial weights
     */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double std) {
        this(inputSize, hiddenSize, outputSize, std, NpRandom.global());
    }

    /** As {@link #TwoLayerNet(int, int, int, double)} with the seed's {@code std = 1e-4}. */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize) {
        this(inputSize, hiddenSize, outputSize, 1e-4);
    }

    /**
     * A net whose initial weights and training minibatches come from {@code random} instead of the global
     * source, so that configurations of a sweep can run in parallel and stay reproducible.
     *
     * @param random the net's own source (advanced by the initialisation and by every training step)
     */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double std, RandomState random) {
        if (inputSize < 1 || hiddenSize < 1 || outputSize < 1) {
            throw new IllegalArgumentException("TwoLayerNet: sizes must be positive, got inputSize=" + inputSize
                    + ", hiddenSize=" + hiddenSize + ", outputSize=" + outputSize);
        }
        if (!Double.isFinite(std)) {
            throw new IllegalArgumentException("TwoLayerNet: std must be finite, got " + std);
        }
        this.random = random;
        params.put("W1", scaled(random.randn(hiddenSize, inputSize), std));
        params.put("b1", new DMatrixRMaj(1, hiddenSize));
        params.put("W2", scaled(random.randn(outputSize, hiddenSize), std));
        params.put("b2", new DMatrixRMaj(1, outputSize));
    }

    private static DMatrixRMaj scaled(DMatrixRMaj m, double factor) {
        CommonOps_DDRM.scale(factor, m);
        return m;
    }

    /** The parameters W1 (H×D), b1 (1×H), W2 (C×H), b2 (1×C): the net's own matrices, live. */
    public Map<String, DMatrixRMaj> params() {
        return params;
    }

    /**
     * Computes the class scores {@code max(0, X·W1ᵀ + b1)·W2ᵀ + b2}, the seed's {@code net.loss(X)}.
     *
     * @param x N×D inputs (not modified)
     * @return N×C scores (new)
     */
    public DMatrixRMaj loss(DMatrixRMaj x) {
        return lossOrScores("loss", x, null, 0.0).scores();
    }

    /**
     * Computes the loss {@code softmax data loss + 0.5·reg·(‖W1‖² + ‖W2‖²)} and its gradient for every
     * parameter (including {@code reg·W}), the seed's {@code net.loss(X, y, reg)}.
     *
     * @param x   N×D inputs (not modified)
     * @param y   N labels in [0, C)
     * @param reg L2 regularisation strength, non-negative and finite (as {@link TrainOptions#reg()})
     * @return the loss and gradients keyed like {@link #params()} (new matrices)
     */
    public LossAndGrads loss(DMatrixRMaj x, int[] y, double reg) {
        if (y == null) {
            throw new IllegalArgumentException("TwoLayerNet.loss: y is null; loss(x) gives the scores alone");
        }
        // The same rule as TrainOptions.reg, so loss and train accept the same values.
        Checks.nonNegativeFinite("TwoLayerNet.loss", "reg", reg);
        return lossOrScores("loss", x, y, reg).lossAndGrads();
    }

    /** The scores of a forward pass and, when labels were given, the loss and gradients (else null). */
    private record Pass(DMatrixRMaj scores, LossAndGrads lossAndGrads) {
    }

    /**
     * The seed's {@code loss(X, y=None, reg)} in one body: the forward pass, then, unless {@code y} is
     * null (the seed's {@code y is None}), the softmax loss with the L2 term and the backward pass.
     * Shapes: x N×D, W1 H×D, b1 1×H, W2 C×H, b2 1×C → hidden N×H, scores N×C; gradients shaped like
     * their parameters. Nothing passed in or held by the net is modified.
     */
    private Pass lossOrScores(String function, DMatrixRMaj x, int[] y, double reg) {
        Shapes shapes = Shapes.check(function, params, x);
        if (y != null) {
            Shapes.checkLabels(function, y, x.numRows, shapes.classes());
        }
        DMatrixRMaj w1 = params.get("W1");
        DMatrixRMaj b1 = params.get("b1");
        DMatrixRMaj w2 = params.get("W2");
        DMatrixRMaj b2 = params.get("b2");
        int n = x.numRows;
        DMatrixRMaj hidden = null;
        DMatrixRMaj scores = null;
        // BEGIN SOLUTION TwoLayerNet.loss: forward pass
        // Forward pass: compute the class scores, an N×C matrix, and set `scores`. Keep the hidden layer's
        // output max(0, X·W1ᵀ + b1) (N×H) in `hidden`: the backward pass needs it. W1 is H×D and W2 is C×H
        // (stored transposed), b1 is 1×H and b2 1×C, added to every row.
        hidden = Ops.relu(Ops.addRow(Ops.multTransB(x, w1), b1));
        scores = Ops.addRow(Ops.multTransB(hidden, w2), b2);
        // END SOLUTION
        if (y == null) {
            return new Pass(scores, null);
        }
        double loss = 0.0;
        DMatrixRMaj dScores = null;
        // BEGIN SOLUTION TwoLayerNet.loss: loss
        // Loss: the softmax data loss of `scores` (N×C) with labels y, plus 0.5·reg·(‖W1‖² + ‖W2‖²); set `loss`
        // (a double) and `dScores` (N×C), the gradient of the data loss with respect to the scores.
        // Losses.softmaxLoss gives both parts of the data loss; MatrixStats.squaredNorm gives ‖W‖².
        Losses.Result data = Losses.softmaxLoss(scores, y);
        dScores = data.dx();
        loss = data.loss() + 0.5 * reg * (MatrixStats.squaredNorm(w1) + MatrixStats.squaredNorm(w2));
        // END SOLUTION
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        // BEGIN SOLUTION TwoLayerNet.loss: backward pass
        // Backward pass: from `dScores` (N×C), compute the gradient of the loss for every parameter and put it
        // into `grads` under "W1" (H×D), "b1" (1×H), "W2" (C×H), "b2" (1×C). Include the regularisation
        // term's gradient reg·W for both weight matrices, and remember that the ReLU passes a gradient only
        // where the hidden layer's output was positive.
        DMatrixRMaj dW2 = Ops.addEquals(Ops.multTransA(dScores, hidden), reg, w2);
        DMatrixRMaj db2 = Ops.sumCols(dScores);
        DMatrixRMaj dHidden = Ops.reluMask(Ops.mult(dScores, w2), hidden);
        DMatrixRMaj dW1 = Ops.addEquals(Ops.multTransA(dHidden, x), reg, w1);
        DMatrixRMaj db1 = Ops.sumCols(dHidden);
        grads.put("W1", dW1);
        grads.put("b1", db1);
        grads.put("W2", dW2);
        grads.put("b2", db2);
        // END SOLUTION
        return new Pass(scores, new LossAndGrads(loss, grads));
    }

    /**
     * Predicts the class of each row: the index of its largest score.
     *
     * @param x N×D inputs (not modified)
     * @return N labels in [0, C)
     */
    public int[] predict(DMatrixRMaj x) {
        // BEGIN SOLUTION TwoLayerNet.predict: prediction
        // Predict a label for each row of x (N×D): run the forward pass (loss(x) returns the N×C scores) and
        // return, for each row, the index of its largest score, as an int[] of length N.
        return Matrices.argmaxRows(loss(x));
        // END SOLUTION
    }

    /**
     * Trains with minibatch SGD exactly as the seed: each iteration draws {@code batchSize} indices with
     * replacement ({@code choice(N, batchSize)}) from the net's random source, computes
     * {@link #loss(DMatrixRMaj, int[], double)} on that minibatch, takes one step {@code p −= lr·dp} on
     * every parameter (modified in place), and whenever {@code it % max(N/batchSize, 1) == 0} (a real
     * division) records the minibatch and validation accuracy and multiplies the learning rate by the decay.
     * A NaN or infinite loss stops training before the step: the histories so far are returned with
     * {@code diverged} set; a NaN or infinite value in {@code x} or {@code xVal} is an error before the
     * first step. An interrupt of the calling thread stops training at the next iteration with
     * {@link Stopped}, which carries the histories so far.
     *
     * @param x       N×D training inputs (not modified)
     * @param y       N training labels in [0, C)
     * @param xVal    validation inputs, rows of length D (not modified)
     * @param yVal    validation labels in [0, C)
     * @param options learning rate, decay, reg, iterations, batch size, verbosity
     * @return loss, train-accuracy and validation-accuracy histories and how the run ended
     * @throws Stopped when the thread is interrupted; its {@code partial()} holds the histories so far
     */
    public TrainStats train(DMatrixRMaj x, int[] y, DMatrixRMaj xVal, int[] yVal, TrainOptions options) {
        return train(x, y, xVal, yVal, options, ProgressListener.NONE);
    }

    /**
     * As {@link #train(DMatrixRMaj, int[], DMatrixRMaj, int[], TrainOptions)}, telling {@code progress}
     * after every iteration (iteration count, number of iterations, minibatch loss).
     *
     * @param x        N×D training inputs (not modified)
     * @param y        N training labels in [0, C)
     * @param xVal     validation inputs, rows of length D (not modified)
     * @param yVal     validation labels in [0, C)
     * @param options  learning rate, decay, reg, iterations, batch size, verbosity
     * @param progress told after every iteration, on this thread ({@link ProgressListener#NONE} for nobody)
     * @return loss, train-accuracy and validation-accuracy histories and how the run ended
     * @throws Stopped when the thread is interrupted; its {@code partial()} holds the histories so far
     */
    public TrainStats train(DMatrixRMaj x, int[] y, DMatrixRMaj xVal, int[] yVal, TrainOptions options,
                            ProgressListener progress) {
        Shapes shapes = Shapes.check("train", params, x);
        Shapes.checkLabels("train", y, x.numRows, shapes.classes());
        Shapes.check("train (validation)", params, xVal);
        Shapes.checkLabels("train (validation)", yVal, xVal.numRows, shapes.classes());
        // A NaN pixel would otherwise surface as a "diverged" loss that blames the learning rate.
        Checks.finite("TwoLayerNet.train", "x", x);
        Checks.finite("TwoLayerNet.train", "xVal", xVal);
        int numTrain = x.numRows;
        int batchSize = options.batchSize();
        // One minibatch buffer for the whole run, refilled by Matrices.selectRows(x, idx, batchRows): a new
        // matrix every iteration would be garbage of the batch's size per step (docs/performance.md).
        DMatrixRMaj batchRows = new DMatrixRMaj(batchSize, x.numCols);
        SgdLoop.Sampler sampler = () -> {
            DMatrixRMaj xBatch = null;
            int[] yBatch = null;
            // BEGIN SOLUTION TwoLayerNet.train: minibatch sampling
            // Sample a minibatch: draw batchSize row indices from 0..numTrain-1 with replacement, from the net's
            // own `random` source (its choice method is numpy's np.random.choice); set `xBatch` (batchSize×D) to
            // those rows of x (Matrices.selectRows may refill `batchRows`) and `yBatch` to their labels.
            int[] idx = random.choice(numTrain, batchSize);
            xBatch = Matrices.selectRows(x, idx, batchRows);
            yBatch = Matrices.select(y, idx);
            // END SOLUTION
            return new SgdLoop.Batch(xBatch, yBatch);
        };
        SgdLoop.Step sgd = (grads, learningRate) -> {
            // BEGIN SOLUTION TwoLayerNet.train: SGD step
            // SGD step: update every parameter in place, p ← p − learningRate·dp, using the gradients in `grads`
            // (keyed "W1", "b1", "W2", "b2" like `params`).
            for (Map.Entry<String, DMatrixRMaj> param : params.entrySet()) {
                Ops.addEquals(param.getValue(), -learningRate, grads.get(param.getKey()));
            }
            // END SOLUTION
        };
        return SgdLoop.run(numTrain, xVal, yVal, options, progress, sampler, this::loss, sgd, this::predict);
    }

    @Override
    public String toString() {
        DMatrixRMaj w1 = params.get("W1");
        DMatrixRMaj w2 = params.get("W2");
        return "TwoLayerNet(input " + w1.numCols + " - affine - relu " + w1.numRows + " - affine - softmax " + w2.numRows
                + "; W1 " + Matrices.shape(w1) + ", b1 " + Matrices.shape(params.get("b1")) + ", W2 " + Matrices.shape(w2)
                + ", b2 " + Matrices.shape(params.get("b2")) + ")";
    }
}

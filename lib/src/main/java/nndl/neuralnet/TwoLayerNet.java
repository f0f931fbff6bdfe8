package nndl.neuralnet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nndl.nets.LossAndGrads;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Matrices;
import nndl.util.PyFloat;
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
        Shapes shapes = Shapes.check("loss", params, x);
        Workspace ws = new Workspace();
        ws.sizeForward(x.numRows, shapes);
        ws.forward(x, params.get("W1"), params.get("b1"), params.get("W2"), params.get("b2"));
        return ws.scores;
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
        Shapes shapes = Shapes.check("loss", params, x);
        Shapes.checkLabels("loss", y, x.numRows, shapes.classes());
        if (!(reg >= 0) || Double.isInfinite(reg)) {
            // The same rule as TrainOptions.reg, so loss and train accept the same values.
            throw new IllegalArgumentException("TwoLayerNet.loss: reg must be non-negative and finite, got " + reg);
        }
        DMatrixRMaj w1 = params.get("W1");
        DMatrixRMaj w2 = params.get("W2");
        Workspace ws = new Workspace();
        ws.size(x.numRows, shapes);
        double dataLoss = ws.lossAndDataGradients(x, y, w1, params.get("b1"), w2, params.get("b2"));
        CommonOps_DDRM.addEquals(ws.dW2, reg, w2);
        CommonOps_DDRM.addEquals(ws.dW1, reg, w1);
        double loss = dataLoss + 0.5 * reg * (Training.squaredNorm(w1) + Training.squaredNorm(w2));
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        grads.put("W1", ws.dW1);
        grads.put("b1", ws.db1);
        grads.put("W2", ws.dW2);
        grads.put("b2", ws.db2);
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
     * Trains with minibatch SGD exactly as the seed: each iteration draws {@code batchSize} indices with
     * replacement ({@code choice(N, batchSize)}) from the net's random source, takes one step
     * {@code p −= lr·dp} on every parameter, and whenever {@code it % max(N/batchSize, 1) == 0} (a real
     * division) records the minibatch and validation accuracy and multiplies the learning rate by the decay.
     * A NaN or infinite loss stops training: the histories so far are returned with {@code diverged} set;
     * a NaN or infinite value in {@code x} or {@code xVal} is an error before the first step.
     * Buffers are allocated once per call, so an iteration allocates nothing.
     *
     * @param x       N×D training inputs (not modified)
     * @param y       N training labels in [0, C)
     * @param xVal    validation inputs, rows of length D (not modified)
     * @param yVal    validation labels in [0, C)
     * @param options learning rate, decay, reg, iterations, batch size, verbosity
     * @return loss, train-accuracy and validation-accuracy histories and how the run ended
     */
    public TrainStats train(DMatrixRMaj x, int[] y, DMatrixRMaj xVal, int[] yVal, TrainOptions options) {
        Shapes shapes = Shapes.check("train", params, x);
        Shapes.checkLabels("train", y, x.numRows, shapes.classes());
        Shapes.check("train (validation)", params, xVal);
        Shapes.checkLabels("train (validation)", yVal, xVal.numRows, shapes.classes());
        // A NaN pixel would otherwise surface as a "diverged" loss that blames the learning rate.
        Matrices.requireFinite("TwoLayerNet.train", "x", x);
        Matrices.requireFinite("TwoLayerNet.train", "xVal", xVal);
        double iterationsPerEpoch = Math.max(x.numRows / (double) options.batchSize(), 1.0);
        double learningRate = options.learningRate();
        double[] losses = new double[options.numIters()];
        List<Double> trainAcc = new ArrayList<>();
        List<Double> valAcc = new ArrayList<>();
        Training training = new Training(params, shapes, random, x, y, options.batchSize());
        for (int it = 0; it < options.numIters(); it++) {
            double loss = training.step(options.reg(), learningRate);
            if (!Double.isFinite(loss)) {
                String message = "diverged at iteration " + it + " / " + options.numIters() + ": loss is " + PyFloat.repr(loss)
                        + " (learning rate " + PyFloat.repr(learningRate) + "); stopped, " + it + " losses kept";
                if (options.verbose()) {
                    System.out.println(message);
                }
                return new TrainStats(boxed(losses, it), trainAcc, valAcc, true, message);
            }
            losses[it] = loss;
            if (options.verbose() && it % 100 == 0) {
                System.out.println("iteration " + it + " / " + options.numIters() + ": loss " + PyFloat.repr(loss));
            }
            if (it % iterationsPerEpoch == 0) {
                trainAcc.add(training.batchAccuracy());
                valAcc.add(training.accuracy(xVal, yVal));
                learningRate *= options.learningRateDecay();
            }
        }
        return new TrainStats(boxed(losses, options.numIters()), trainAcc, valAcc, false,
                "completed " + options.numIters() + " iterations");
    }

    private static List<Double> boxed(double[] values, int count) {
        List<Double> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(values[i]);
        }
        return out;
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

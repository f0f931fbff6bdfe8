package nndl.neuralnet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nndl.internal.Gemm;
import nndl.layers.Losses;
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
        forward(x, ws);
        return ws.scores;
    }

    /**
     * Computes the loss {@code softmax data loss + 0.5·reg·(‖W1‖² + ‖W2‖²)} and its gradient for every
     * parameter (including {@code reg·W}), the seed's {@code net.loss(X, y, reg)}.
     *
     * @param x   N×D inputs (not modified)
     * @param y   N labels in [0, C)
     * @param reg L2 regularisation strength
     * @return the loss and gradients keyed like {@link #params()} (new matrices)
     */
    public LossAndGrads loss(DMatrixRMaj x, int[] y, double reg) {
        Shapes shapes = Shapes.check("loss", params, x);
        Shapes.checkLabels("loss", y, x.numRows, shapes.classes());
        Workspace ws = new Workspace();
        ws.size(x.numRows, shapes);
        double loss = forwardBackward(x, y, reg, ws);
        return new LossAndGrads(loss, ws.gradsMap());
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
     * A NaN or infinite loss stops training: the histories so far are returned with {@code diverged} set.
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
        int batch = options.batchSize();
        double iterationsPerEpoch = Math.max(x.numRows / (double) batch, 1.0);
        double learningRate = options.learningRate();
        List<Double> losses = new ArrayList<>();
        List<Double> trainAcc = new ArrayList<>();
        List<Double> valAcc = new ArrayList<>();
        DMatrixRMaj xBatch = new DMatrixRMaj(batch, x.numCols);
        int[] yBatch = new int[batch];
        Workspace ws = new Workspace();
        ws.size(batch, shapes);
        for (int it = 0; it < options.numIters(); it++) {
            sampleBatch(x, y, xBatch, yBatch);
            double loss = forwardBackward(xBatch, yBatch, options.reg(), ws);
            if (!Double.isFinite(loss)) {
                String message = "diverged at iteration " + it + " / " + options.numIters() + ": loss is " + PyFloat.repr(loss)
                        + " (learning rate " + PyFloat.repr(learningRate) + "); stopped, " + losses.size() + " losses kept";
                if (options.verbose()) {
                    System.out.println(message);
                }
                return new TrainStats(losses, trainAcc, valAcc, true, message);
            }
            losses.add(loss);
            sgdStep(ws, learningRate);
            if (options.verbose() && it % 100 == 0) {
                System.out.println("iteration " + it + " / " + options.numIters() + ": loss " + PyFloat.repr(loss));
            }
            if (it % iterationsPerEpoch == 0) {
                trainAcc.add(Matrices.accuracy(predict(xBatch), yBatch));
                valAcc.add(Matrices.accuracy(predict(xVal), yVal));
                learningRate *= options.learningRateDecay();
            }
        }
        return new TrainStats(losses, trainAcc, valAcc, false, "completed " + options.numIters() + " iterations");
    }

    /** {@code idx = choice(N, batch)} with replacement, then {@code X[idx]}, {@code y[idx]} into the reused buffers. */
    private void sampleBatch(DMatrixRMaj x, int[] y, DMatrixRMaj xBatch, int[] yBatch) {
        int[] idx = random.choice(x.numRows, yBatch.length);
        Matrices.selectRows(x, idx, xBatch);
        for (int i = 0; i < idx.length; i++) {
            yBatch[i] = y[idx[i]];
        }
    }

    private void sgdStep(Workspace ws, double learningRate) {
        CommonOps_DDRM.addEquals(params.get("W1"), -learningRate, ws.dW1);
        CommonOps_DDRM.addEquals(params.get("b1"), -learningRate, ws.db1);
        CommonOps_DDRM.addEquals(params.get("W2"), -learningRate, ws.dW2);
        CommonOps_DDRM.addEquals(params.get("b2"), -learningRate, ws.db2);
    }

    /** Fills {@code ws.hidden} (after the ReLU) and {@code ws.scores}. */
    private void forward(DMatrixRMaj x, Workspace ws) {
        Gemm.gemm(false, true, 1.0, x, params.get("W1"), 0.0, ws.hidden);
        addRowThenClamp(ws.hidden, params.get("b1"), true);
        Gemm.gemm(false, true, 1.0, ws.hidden, params.get("W2"), 0.0, ws.scores);
        addRowThenClamp(ws.scores, params.get("b2"), false);
    }

    /** Forward and backward pass into the workspace's buffers; returns the regularised loss. */
    private double forwardBackward(DMatrixRMaj x, int[] y, double reg, Workspace ws) {
        DMatrixRMaj w1 = params.get("W1");
        DMatrixRMaj w2 = params.get("W2");
        forward(x, ws);
        DMatrixRMaj dScores = ws.scores;
        double dataLoss = Losses.softmaxInto(ws.scores, y, dScores);
        Gemm.gemm(true, false, 1.0, dScores, ws.hidden, 0.0, ws.dW2);
        CommonOps_DDRM.addEquals(ws.dW2, reg, w2);
        CommonOps_DDRM.sumCols(dScores, ws.db2);
        Gemm.gemm(false, false, 1.0, dScores, w2, 0.0, ws.dHidden);
        for (int i = 0; i < ws.hidden.getNumElements(); i++) {
            if (ws.hidden.data[i] <= 0) {
                ws.dHidden.data[i] = 0.0;
            }
        }
        Gemm.gemm(true, false, 1.0, ws.dHidden, x, 0.0, ws.dW1);
        CommonOps_DDRM.addEquals(ws.dW1, reg, w1);
        CommonOps_DDRM.sumCols(ws.dHidden, ws.db1);
        return dataLoss + 0.5 * reg * (squaredNorm(w1) + squaredNorm(w2));
    }

    private static void addRowThenClamp(DMatrixRMaj m, DMatrixRMaj row, boolean relu) {
        int cols = m.numCols;
        for (int r = 0; r < m.numRows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                double v = m.data[base + c] + row.data[c];
                m.data[base + c] = relu && v < 0 ? 0.0 : v;
            }
        }
    }

    private static double squaredNorm(DMatrixRMaj m) {
        double sum = 0.0;
        for (int i = 0; i < m.getNumElements(); i++) {
            sum += m.data[i] * m.data[i];
        }
        return sum;
    }

    @Override
    public String toString() {
        DMatrixRMaj w1 = params.get("W1");
        DMatrixRMaj w2 = params.get("W2");
        return "TwoLayerNet(input " + w1.numCols + " - affine - relu " + w1.numRows + " - affine - softmax " + w2.numRows
                + "; W1 " + Matrices.shape(w1) + ", b1 " + Matrices.shape(params.get("b1")) + ", W2 " + Matrices.shape(w2)
                + ", b2 " + Matrices.shape(params.get("b2")) + ")";
    }

    /** Buffers of one forward/backward pass, reshaped (not reallocated) when the batch size allows. */
    private static final class Workspace {
        final DMatrixRMaj hidden = new DMatrixRMaj(1, 1);
        final DMatrixRMaj scores = new DMatrixRMaj(1, 1);
        final DMatrixRMaj dHidden = new DMatrixRMaj(1, 1);
        final DMatrixRMaj dW1 = new DMatrixRMaj(1, 1);
        final DMatrixRMaj db1 = new DMatrixRMaj(1, 1);
        final DMatrixRMaj dW2 = new DMatrixRMaj(1, 1);
        final DMatrixRMaj db2 = new DMatrixRMaj(1, 1);

        void sizeForward(int n, Shapes s) {
            hidden.reshape(n, s.hidden());
            scores.reshape(n, s.classes());
        }

        void size(int n, Shapes s) {
            sizeForward(n, s);
            dHidden.reshape(n, s.hidden());
            dW1.reshape(s.hidden(), s.input());
            db1.reshape(1, s.hidden());
            dW2.reshape(s.classes(), s.hidden());
            db2.reshape(1, s.classes());
        }

        Map<String, DMatrixRMaj> gradsMap() {
            Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
            grads.put("W1", dW1);
            grads.put("b1", db1);
            grads.put("W2", dW2);
            grads.put("b2", db2);
            return grads;
        }
    }
}

package nndl.pa2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Checks;
import nndl.util.Matrices;
import nndl.util.Ops;
import nndl.util.Stopped;
import org.ejml.data.DMatrixRMaj;

/**
 * The ECE421 PA2 network in the row convention: input (N×F) − {@link Pa2#computeLayer} − {@link Pa2#relu}
 * (H hidden units) − {@link Pa2#computeLayer} − {@link Pa2#softmax} (K classes), trained on one-hot targets
 * with the average cross-entropy by full-batch gradient descent with momentum. Parameters: W_h (F×H),
 * b_h (1×H), W_o (H×K), b_o (1×K), keyed {@code Wh, bh, Wo, bo} in {@link #params()}, the live matrices the
 * net computes with.
 */
public final class Pa2Net {
    private final Map<String, DMatrixRMaj> params = new LinkedHashMap<>();

    /**
     * A net with Xavier-initialised weights ({@link Pa2#xavier}: W_h, then W_o, drawn from the global
     * {@link NpRandom} source) and zero biases.
     *
     * @param inputSize  F, positive
     * @param hiddenSize H, positive
     * @param classes    K, positive
     */
    public Pa2Net(int inputSize, int hiddenSize, int classes) {
        this(inputSize, hiddenSize, classes, NpRandom.global());
    }

    /**
     * As {@link #Pa2Net(int, int, int)}, drawing from {@code random}.
     *
     * @param random the source of the initial weights (advanced)
     */
    public Pa2Net(int inputSize, int hiddenSize, int classes, RandomState random) {
        if (inputSize < 1 || hiddenSize < 1 || classes < 1) {
            throw new IllegalArgumentException("Pa2Net: sizes must be positive, got inputSize=" + inputSize
                    + ", hiddenSize=" + hiddenSize + ", classes=" + classes);
        }
        params.put("Wh", Pa2.xavier(random, inputSize, hiddenSize));
        params.put("bh", new DMatrixRMaj(1, hiddenSize));
        params.put("Wo", Pa2.xavier(random, hiddenSize, classes));
        params.put("bo", new DMatrixRMaj(1, classes));
    }

    /** The parameters Wh (F×H), bh (1×H), Wo (H×K), bo (1×K): the net's own matrices, live. */
    public Map<String, DMatrixRMaj> params() {
        return params;
    }

    /**
     * {@code forward_prop}: z_h = x·W_h + b_h, x_h = relu(z_h), z_o = x_h·W_o + b_o, x_o = softmax(z_o).
     *
     * @param x N×F inputs (not modified)
     * @return the input and every intermediate (new matrices)
     */
    public Pa2Forward forwardProp(DMatrixRMaj x) {
        Checks.nonEmptyMatrix("forwardProp", "x", x);
        DMatrixRMaj wh = params.get("Wh");
        if (x.numCols != wh.numRows) {
            throw new IllegalArgumentException("forwardProp: x is " + Matrices.shape(x) + " but Wh is " + Matrices.shape(wh));
        }
        DMatrixRMaj zh = null;
        DMatrixRMaj xh = null;
        DMatrixRMaj zo = null;
        DMatrixRMaj xo = null;
        // BEGIN SOLUTION Pa2Net.forwardProp: forward pass
        // Forward pass with the helpers of Pa2: set `zh` = x·Wh + bh (N×H), `xh` = relu(zh), `zo` = xh·Wo + bo
        // (N×K) and `xo` = softmax(zo), the predicted probabilities.
        zh = Pa2.computeLayer(x, wh, params.get("bh"));
        xh = Pa2.relu(zh);
        zo = Pa2.computeLayer(xh, params.get("Wo"), params.get("bo"));
        xo = Pa2.softmax(zo);
        // END SOLUTION
        return new Pa2Forward(x, zh, xh, zo, xo);
    }

    /**
     * {@code back_prop}: the gradients of {@code averageCe(target, x_o)} with respect to the four parameters,
     * with δ_o = gradCe(target, x_o) (N×K) and δ_h = (δ_o·W_oᵀ) ⊙ 1[z_h &gt; 0] (N×H):
     * ∂L/∂W_o = x_hᵀ·δ_o, ∂L/∂b_o = 1ᵀ·δ_o, ∂L/∂W_h = xᵀ·δ_h, ∂L/∂b_h = 1ᵀ·δ_h.
     *
     * @param forward the result of {@link #forwardProp} for the inputs (not modified)
     * @param target  N×K one-hot targets (not modified)
     * @return the four gradients, shaped like their parameters (new)
     */
    public Pa2Gradients backProp(Pa2Forward forward, DMatrixRMaj target) {
        if (forward == null) {
            throw new IllegalArgumentException("backProp: forward is null");
        }
        Checks.nonEmptyMatrix("backProp", "target", target);
        if (target.numRows != forward.xo().numRows || target.numCols != forward.xo().numCols) {
            throw new IllegalArgumentException("backProp: target is " + Matrices.shape(target) + " but x_o is "
                    + Matrices.shape(forward.xo()));
        }
        DMatrixRMaj wo = params.get("Wo");
        DMatrixRMaj dWo = null;
        DMatrixRMaj dbo = null;
        DMatrixRMaj dWh = null;
        DMatrixRMaj dbh = null;
        // BEGIN SOLUTION Pa2Net.backProp: the four gradients
        // Backpropagation: from the forward pass's values and the one-hot `target`, set `dWo` (H×K), `dbo` (1×K),
        // `dWh` (F×H) and `dbh` (1×H), the gradients of the average cross-entropy. Start from δo = gradCe(target,
        // xo) (N×K); the ReLU passes δh only where zh was positive.
        DMatrixRMaj deltaO = Pa2.gradCe(target, forward.xo());
        dWo = Ops.multTransA(forward.xh(), deltaO);
        dbo = Ops.sumCols(deltaO);
        DMatrixRMaj deltaH = Ops.reluMask(Ops.multTransB(deltaO, wo), forward.zh());
        dWh = Ops.multTransA(forward.x(), deltaH);
        dbh = Ops.sumCols(deltaH);
        // END SOLUTION
        return new Pa2Gradients(dWo, dbo, dWh, dbh);
    }

    /**
     * The average cross-entropy of the net's predictions for {@code x}.
     *
     * @param x      N×F inputs (not modified)
     * @param target N×K one-hot targets (not modified)
     */
    public double loss(DMatrixRMaj x, DMatrixRMaj target) {
        return Pa2.averageCe(target, forwardProp(x).xo());
    }

    /**
     * The class of each row: the index of its largest probability.
     *
     * @param x N×F inputs (not modified)
     * @return N labels in [0, K)
     */
    public int[] predict(DMatrixRMaj x) {
        return Matrices.argmaxRows(forwardProp(x).xo());
    }

    /**
     * Trains by full-batch gradient descent with momentum for {@code options.epochs()} epochs. Each epoch runs
     * {@link #forwardProp} on the whole training set, records its loss and accuracy and those of the
     * validation set <em>with the same weights</em>, then {@link #backProp} and, for every parameter W
     * (modified in place) with its velocity v (starting at 0), {@code v ← γ·v + α·∂L/∂W}, {@code W ← W − v}.
     * A NaN or infinite training loss stops training before that epoch is recorded: the curves so far are
     * returned marked {@code diverged}. An interrupt of the calling thread stops training at the next epoch
     * with {@link Stopped}, which carries the {@link MomentumHistory} so far.
     *
     * @param xTrain      N×F training inputs (not modified)
     * @param trainTarget N×K one-hot training targets (not modified)
     * @param xVal        V×F validation inputs (not modified)
     * @param valTarget   V×K one-hot validation targets (not modified)
     * @param options     epochs, α, γ
     * @return the per-epoch losses and accuracies and how the run ended
     * @throws Stopped when the thread is interrupted
     */
    public MomentumHistory train(DMatrixRMaj xTrain, DMatrixRMaj trainTarget, DMatrixRMaj xVal, DMatrixRMaj valTarget,
                                 MomentumOptions options) {
        Checks.nonEmptyMatrix("train", "xTrain", xTrain);
        Checks.nonEmptyMatrix("train", "xVal", xVal);
        requireTargets("trainTarget", trainTarget, xTrain);
        requireTargets("valTarget", valTarget, xVal);
        int[] trainLabels = Matrices.argmaxRows(trainTarget);
        int[] valLabels = Matrices.argmaxRows(valTarget);
        double alpha = options.learningRate();
        double gamma = options.gamma();
        Map<String, DMatrixRMaj> velocity = new LinkedHashMap<>();
        params.forEach((name, p) -> velocity.put(name, new DMatrixRMaj(p.numRows, p.numCols)));
        List<Double> trainLoss = new ArrayList<>();
        List<Double> trainAcc = new ArrayList<>();
        List<Double> valLoss = new ArrayList<>();
        List<Double> valAcc = new ArrayList<>();
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            if (Thread.interrupted()) {
                throw new Stopped("epoch", epoch, options.epochs(), new MomentumHistory(trainLoss, trainAcc, valLoss, valAcc,
                        false, "stopped at epoch " + epoch + " / " + options.epochs()));
            }
            Pa2Forward forward = forwardProp(xTrain);
            double loss = Pa2.averageCe(trainTarget, forward.xo());
            if (!Double.isFinite(loss)) {
                return new MomentumHistory(trainLoss, trainAcc, valLoss, valAcc, true, "Pa2Net.train: the training loss is "
                        + loss + " at epoch " + epoch + ": training diverged; try a smaller learning rate than " + alpha);
            }
            trainLoss.add(loss);
            trainAcc.add(Matrices.accuracy(Matrices.argmaxRows(forward.xo()), trainLabels));
            Pa2Forward validation = forwardProp(xVal);
            valLoss.add(Pa2.averageCe(valTarget, validation.xo()));
            valAcc.add(Matrices.accuracy(Matrices.argmaxRows(validation.xo()), valLabels));
            Map<String, DMatrixRMaj> grads = backProp(forward, trainTarget).byName();
            // BEGIN SOLUTION Pa2Net.train: momentum update
            // Momentum update of every parameter w (in `params`) with its velocity v (in `velocity`, same key) and
            // gradient dw (in `grads`), all in place: v ← gamma·v + alpha·dw, then w ← w − v.
            for (Map.Entry<String, DMatrixRMaj> param : params.entrySet()) {
                DMatrixRMaj w = param.getValue();
                DMatrixRMaj v = velocity.get(param.getKey());
                DMatrixRMaj dw = grads.get(param.getKey());
                for (int i = 0; i < w.getNumElements(); i++) {
                    v.data[i] = gamma * v.data[i] + alpha * dw.data[i];
                    w.data[i] -= v.data[i];
                }
            }
            // END SOLUTION
        }
        return new MomentumHistory(trainLoss, trainAcc, valLoss, valAcc, false, "completed " + options.epochs() + " epochs");
    }

    private void requireTargets(String name, DMatrixRMaj target, DMatrixRMaj x) {
        Checks.nonEmptyMatrix("train", name, target);
        int classes = params.get("bo").numCols;
        if (target.numRows != x.numRows || target.numCols != classes) {
            throw new IllegalArgumentException("train: " + name + " is " + Matrices.shape(target) + " for "
                    + x.numRows + " inputs and " + classes + " classes (expected one-hot " + x.numRows + "×" + classes + ")");
        }
    }

    @Override
    public String toString() {
        DMatrixRMaj wh = params.get("Wh");
        DMatrixRMaj wo = params.get("Wo");
        return "Pa2Net(input " + wh.numRows + " - relu " + wh.numCols + " - softmax " + wo.numCols + "; Wh "
                + Matrices.shape(wh) + ", bh " + Matrices.shape(params.get("bh")) + ", Wo " + Matrices.shape(wo)
                + ", bo " + Matrices.shape(params.get("bo")) + ")";
    }
}

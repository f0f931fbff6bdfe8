package nndl.nets;

import java.util.LinkedHashMap;
import java.util.Map;
import nndl.layers.Affine;
import nndl.layers.Dropout;
import nndl.layers.Forward;
import nndl.layers.LayerUtils;
import nndl.layers.Losses;
import nndl.layers.Mode;
import nndl.layers.Relu;
import nndl.util.Checks;
import nndl.util.MatrixStats;
import nndl.util.Ops;
import nndl.util.PyFloat;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;

/**
 * The modular two-layer net of the seed's {@code fc_net.py}: affine − ReLU − affine − softmax, built
 * from the layer functions, trained by the {@link nndl.solver.Solver}. Weights are D×H and H×C; the loss
 * adds {@code 0.5·reg·(‖W1‖² + ‖W2‖²)}. With {@code dropout > 0} the hidden activations go through
 * inverted dropout in training (the seed accepts the argument but leaves it unused).
 */
public final class FcTwoLayerNet implements Model {

    /**
     * The constructor arguments of the seed's {@code FcTwoLayerNet}, with its defaults.
     *
     * @param inputDim    D, positive
     * @param hiddenDims  H, positive
     * @param numClasses  C, positive
     * @param dropout     probability of dropping a hidden unit in training, in [0, 1); 0 means no dropout
     * @param weightScale standard deviation of the initial weights
     * @param reg         L2 regularisation strength, non-negative
     */
    public record Options(int inputDim, int hiddenDims, int numClasses, double dropout, double weightScale, double reg) {
        /** Validates every field. */
        public Options {
            Nets.checkPositive("FcTwoLayerNet.Options", "inputDim", inputDim);
            Nets.checkPositive("FcTwoLayerNet.Options", "hiddenDims", hiddenDims);
            Nets.checkPositive("FcTwoLayerNet.Options", "numClasses", numClasses);
            Nets.checkRegAndScale("FcTwoLayerNet.Options", reg, weightScale, dropout);
        }

        /** The seed's defaults: 3·32·32 inputs, 100 hidden units, 10 classes, no dropout, scale 1e-3, reg 0. */
        public Options() {
            this(3 * 32 * 32, 100, 10, 0.0, 1e-3, 0.0);
        }

        /** The seed's defaults. */
        public static Options defaults() {
            return new Options();
        }

        /** A copy with {@code inputDim}. */
        public Options withInputDim(int inputDim) {
            return new Options(inputDim, hiddenDims, numClasses, dropout, weightScale, reg);
        }

        /** A copy with {@code hiddenDims}. */
        public Options withHiddenDims(int hiddenDims) {
            return new Options(inputDim, hiddenDims, numClasses, dropout, weightScale, reg);
        }

        /** A copy with {@code numClasses}. */
        public Options withNumClasses(int numClasses) {
            return new Options(inputDim, hiddenDims, numClasses, dropout, weightScale, reg);
        }

        /** A copy with {@code dropout}. */
        public Options withDropout(double dropout) {
            return new Options(inputDim, hiddenDims, numClasses, dropout, weightScale, reg);
        }

        /** A copy with {@code weightScale}. */
        public Options withWeightScale(double weightScale) {
            return new Options(inputDim, hiddenDims, numClasses, dropout, weightScale, reg);
        }

        /** A copy with {@code reg}. */
        public Options withReg(double reg) {
            return new Options(inputDim, hiddenDims, numClasses, dropout, weightScale, reg);
        }
    }

    private static final String NAME = "FcTwoLayerNet";

    private final Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
    private final int inputDim;
    private final double dropout;
    private final RandomState random;
    private double reg;

    /** A net with the seed's defaults, weights from the global {@link NpRandom}. */
    public FcTwoLayerNet() {
        this(new Options());
    }

    /** A net of the given sizes and weight scale, the other options at their defaults, weights from the global {@link NpRandom}. */
    public FcTwoLayerNet(int inputDim, int hiddenDims, int numClasses, double weightScale) {
        this(new Options().withInputDim(inputDim).withHiddenDims(hiddenDims).withNumClasses(numClasses).withWeightScale(weightScale));
    }

    /** A net with {@code options}, weights from the global {@link NpRandom}. */
    public FcTwoLayerNet(Options options) {
        this(options, NpRandom.global());
    }

    /**
     * A net with {@code W1 = weightScale·randn(D, H)}, {@code b1 = 0}, {@code W2 = weightScale·randn(H, C)},
     * {@code b2 = 0}, drawn in that order from {@code random}, which also draws the dropout masks.
     */
    public FcTwoLayerNet(Options options, RandomState random) {
        this.inputDim = options.inputDim();
        this.dropout = options.dropout();
        this.reg = options.reg();
        this.random = random;
        // BEGIN SOLUTION FcTwoLayerNet.FcTwoLayerNet: initialisation
        // Initialise the parameters in `params`: "W1" (D×H) and "W2" (H×C) with entries drawn from a Gaussian of
        // mean 0 and standard deviation options.weightScale() (Nets.gaussian, from `random`, W1 first), "b1"
        // (1×H) and "b2" (1×C) zero. D, H, C are options.inputDim(), hiddenDims(), numClasses().
        params.put("W1", Nets.gaussian(random, options.inputDim(), options.hiddenDims(), options.weightScale()));
        params.put("b1", new DMatrixRMaj(1, options.hiddenDims()));
        params.put("W2", Nets.gaussian(random, options.hiddenDims(), options.numClasses(), options.weightScale()));
        params.put("b2", new DMatrixRMaj(1, options.numClasses()));
        // END SOLUTION
    }

    @Override
    public Map<String, DMatrixRMaj> params() {
        return params;
    }

    /** The L2 regularisation strength. */
    public double reg() {
        return reg;
    }

    /** Sets the L2 regularisation strength (non-negative), as the seed's {@code model.reg = 1.0}. */
    public void setReg(double reg) {
        Nets.checkReg(NAME + ".setReg", reg);
        this.reg = reg;
    }

    /**
     * Test-time forward pass: the class scores.
     *
     * @param x N×D inputs (not modified)
     * @return N×C scores (new)
     */
    @Override
    public DMatrixRMaj loss(DMatrixRMaj x) {
        return lossOrScores(x, null).scores();
    }

    /**
     * Training-time forward and backward pass: softmax loss plus {@code 0.5·reg·(‖W1‖² + ‖W2‖²)} and the
     * gradient of every parameter.
     *
     * @param x N×D inputs (not modified)
     * @param y N labels in [0, C)
     * @return the loss and gradients keyed W1, b1, W2, b2 (new matrices)
     */
    @Override
    public LossAndGrads loss(DMatrixRMaj x, int[] y) {
        if (y == null) {
            throw new IllegalArgumentException(NAME + ".loss: y is null; loss(x) gives the scores alone");
        }
        return lossOrScores(x, y).lossAndGrads();
    }

    /** The scores of a forward pass and, when labels were given, the loss and gradients (else null). */
    private record Pass(DMatrixRMaj scores, LossAndGrads lossAndGrads) {
    }

    /**
     * The seed's {@code loss(X, y=None)} in one body: the forward pass (dropout only in training, that is
     * when {@code y} is given), then, unless {@code y} is null, the softmax loss with the L2 term and the
     * backward pass. Shapes: x N×D, W1 D×H, W2 H×C → scores N×C; gradients shaped like their parameters.
     */
    private Pass lossOrScores(DMatrixRMaj x, int[] y) {
        Nets.checkInput(NAME + ".loss", x, inputDim);
        Nets.checkParams(NAME + ".loss", params, 2, inputDim, false);
        DMatrixRMaj w1 = param("W1");
        DMatrixRMaj w2 = param("W2");
        Mode mode = y == null ? Mode.TEST : Mode.TRAIN;
        Forward<LayerUtils.AffineReluCache> first = null;
        Forward<Dropout.Cache> dropped = null;
        Forward<Affine.Cache> second = null;
        // BEGIN SOLUTION FcTwoLayerNet.loss: forward pass
        // Forward pass affine – ReLU – (dropout when `dropout` > 0 in TRAIN mode) – affine, with the layer
        // functions (LayerUtils.affineReluForward, Dropout.dropoutForward, Affine.affineForward). Set `first`
        // (the affine–ReLU layer's output and cache), `dropped` (the dropout's, or null without dropout) and
        // `second` (the last affine layer's: its output is the N×C scores).
        first = LayerUtils.affineReluForward(x, w1, param("b1"));
        dropped = dropout > 0 && mode == Mode.TRAIN
                ? Dropout.dropoutForward(first.out(), new Dropout.Param(dropout, mode, null), random) : null;
        DMatrixRMaj hidden = dropped == null ? first.out() : dropped.out();
        second = Affine.affineForward(hidden, w2, param("b2"));
        // END SOLUTION
        if (y == null) {
            return new Pass(second.out(), null);
        }
        double loss = 0.0;
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        // BEGIN SOLUTION FcTwoLayerNet.loss: backward pass
        // Loss and backward pass: set `loss` to the softmax loss of the scores plus 0.5·reg·(‖W1‖² + ‖W2‖²), and
        // put into `grads` the gradients "W1", "b1", "W2", "b2" (shaped like the parameters), going back through
        // the layers of the forward pass with their backward functions and their caches; add reg·W to each
        // weight gradient.
        Losses.Result data = Losses.softmaxLoss(second.out(), y);
        loss = data.loss() + 0.5 * reg * (MatrixStats.squaredNorm(w1) + MatrixStats.squaredNorm(w2));
        Affine.Grads g2 = Affine.affineBackward(data.dx(), second.cache());
        DMatrixRMaj dHidden = dropped == null ? g2.dx() : Dropout.dropoutBackward(g2.dx(), dropped.cache());
        DMatrixRMaj dFirst = Relu.reluBackward(dHidden, first.cache().relu());
        Affine.Grads g1 = Affine.affineBackward(dFirst, first.cache().affine());
        Ops.addEquals(g1.dw(), reg, w1);
        Ops.addEquals(g2.dw(), reg, w2);
        grads.put("W1", g1.dw());
        grads.put("b1", g1.db());
        grads.put("W2", g2.dw());
        grads.put("b2", g2.db());
        // END SOLUTION
        return new Pass(second.out(), new LossAndGrads(loss, grads));
    }

    private DMatrixRMaj param(String name) {
        return Checks.param(NAME, params, name);
    }

    @Override
    public String toString() {
        return NAME + "(affine - relu" + (dropout > 0 ? " - dropout " + PyFloat.repr(dropout) : "") + " - affine - softmax, reg "
                + PyFloat.repr(reg) + "; " + Nets.shapes(params) + ")";
    }
}

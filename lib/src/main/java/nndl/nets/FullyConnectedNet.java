package nndl.nets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nndl.layers.Affine;
import nndl.layers.BatchNorm;
import nndl.layers.Dropout;
import nndl.layers.Forward;
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
 * The seed's {@code FullyConnectedNet}: {@code {affine − [batchnorm] − relu − [dropout]} × (L−1) − affine −
 * softmax}, with parameters W1..WL (Dᵢ×Dᵢ₊₁), b1..bL, and gamma1/beta1.. for each hidden layer when batchnorm
 * is on. The loss adds {@code 0.5·reg·ΣWᵢ²} (not on gamma, beta, biases).
 *
 * <p>{@link #loss(DMatrixRMaj)} runs in test mode (no dropout, batchnorm on running statistics);
 * {@link #loss(DMatrixRMaj, int[])} in train mode. The batchnorm running statistics are not parameters: the
 * net keeps them as an explicit list of values ({@link #runningStats()}), replaced after each train-mode pass.
 */
public final class FullyConnectedNet implements Model {

    /**
     * The constructor arguments of the seed's {@code FullyConnectedNet}, with its defaults.
     *
     * @param hiddenDims   size of each hidden layer, at least one, all positive
     * @param inputDim     D, positive (default 3·32·32)
     * @param numClasses   C, positive (default 10)
     * @param dropout      probability of dropping a unit, in [0, 1); 0 (default) means no dropout layers
     * @param useBatchnorm batchnorm after each hidden affine layer (default false)
     * @param reg          L2 regularisation strength, non-negative (default 0)
     * @param weightScale  standard deviation of the initial weights (default 1e-2)
     * @param seed         when not null, every dropout layer draws its mask from {@code RandomState(seed)} on each
     *                     pass, so the net is deterministic for gradient checks (default null)
     */
    public record Options(List<Integer> hiddenDims, int inputDim, int numClasses, double dropout, boolean useBatchnorm,
                          double reg, double weightScale, Long seed) {
        /** Validates every field and copies {@code hiddenDims}. */
        public Options {
            if (hiddenDims == null || hiddenDims.isEmpty()) {
                throw new IllegalArgumentException("FullyConnectedNet.Options: hiddenDims must list at least one hidden layer size");
            }
            hiddenDims = List.copyOf(hiddenDims);
            for (int i = 0; i < hiddenDims.size(); i++) {
                Nets.checkPositive("FullyConnectedNet.Options", "hiddenDims[" + i + "]", hiddenDims.get(i));
            }
            Nets.checkPositive("FullyConnectedNet.Options", "inputDim", inputDim);
            Nets.checkPositive("FullyConnectedNet.Options", "numClasses", numClasses);
            Nets.checkRegAndScale("FullyConnectedNet.Options", reg, weightScale, dropout);
            if (seed != null && (seed < 0 || seed > 0xffffffffL)) {
                throw new IllegalArgumentException("FullyConnectedNet.Options: seed must be between 0 and 2**32 - 1, got " + seed);
            }
        }

        /** The seed's defaults for the given hidden layer sizes. */
        public Options(List<Integer> hiddenDims) {
            this(hiddenDims, 3 * 32 * 32, 10, 0.0, false, 0.0, 1e-2, null);
        }

        /** The seed's defaults for the given hidden layer sizes: {@code Options.of(100, 100)}. */
        public static Options of(int... hiddenDims) {
            return new Options(Arrays.stream(hiddenDims).boxed().toList());
        }

        /** A copy with {@code hiddenDims}. */
        public Options withHiddenDims(List<Integer> hiddenDims) {
            return new Options(hiddenDims, inputDim, numClasses, dropout, useBatchnorm, reg, weightScale, seed);
        }

        /** A copy with {@code inputDim}. */
        public Options withInputDim(int inputDim) {
            return new Options(hiddenDims, inputDim, numClasses, dropout, useBatchnorm, reg, weightScale, seed);
        }

        /** A copy with {@code numClasses}. */
        public Options withNumClasses(int numClasses) {
            return new Options(hiddenDims, inputDim, numClasses, dropout, useBatchnorm, reg, weightScale, seed);
        }

        /** A copy with {@code dropout}. */
        public Options withDropout(double dropout) {
            return new Options(hiddenDims, inputDim, numClasses, dropout, useBatchnorm, reg, weightScale, seed);
        }

        /** A copy with {@code useBatchnorm}. */
        public Options withUseBatchnorm(boolean useBatchnorm) {
            return new Options(hiddenDims, inputDim, numClasses, dropout, useBatchnorm, reg, weightScale, seed);
        }

        /** A copy with {@code reg}. */
        public Options withReg(double reg) {
            return new Options(hiddenDims, inputDim, numClasses, dropout, useBatchnorm, reg, weightScale, seed);
        }

        /** A copy with {@code weightScale}. */
        public Options withWeightScale(double weightScale) {
            return new Options(hiddenDims, inputDim, numClasses, dropout, useBatchnorm, reg, weightScale, seed);
        }

        /** A copy with {@code seed} (null: dropout masks come from the net's random source). */
        public Options withSeed(Long seed) {
            return new Options(hiddenDims, inputDim, numClasses, dropout, useBatchnorm, reg, weightScale, seed);
        }
    }

    /** The caches of one hidden block; {@code batchnorm} and {@code dropout} are null when the net has none. */
    private record BlockCache(Affine.Cache affine, BatchNorm.Cache batchnorm, Relu.Cache relu, Dropout.Cache dropout) {
    }

    private static final String NAME = "FullyConnectedNet";

    private final Options options;
    private final int numLayers;
    private final Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
    private final List<BatchNorm.RunningStats> runningStats = new ArrayList<>();
    private final RandomState random;
    private double reg;

    /** A net with {@code options}, weights (and unseeded dropout masks) from the global {@link NpRandom}. */
    public FullyConnectedNet(Options options) {
        this(options, NpRandom.global());
    }

    /**
     * A net with {@code options}; each Wᵢ = weightScale·randn(Dᵢ, Dᵢ₊₁) is drawn in layer order from
     * {@code random}, which also draws dropout masks when no seed is set. Biases and betas start at 0,
     * gammas at 1, running statistics at 0.
     */
    public FullyConnectedNet(Options options, RandomState random) {
        this.options = options;
        this.numLayers = options.hiddenDims().size() + 1;
        this.reg = options.reg();
        this.random = random;
        // BEGIN SOLUTION FullyConnectedNet.FullyConnectedNet: initialisation
        // Initialise the parameters in `params`: for layer i = 1..numLayers, "Wi" (in×out) Gaussian with standard
        // deviation options.weightScale() (Nets.gaussian, from `random`, in layer order) and "bi" (1×out) zero,
        // where in/out run from options.inputDim() through options.hiddenDims() to options.numClasses(). With
        // batch normalisation, each hidden layer i also gets "gammai" (1×out, ones) and "betai" (1×out, zeros),
        // and `runningStats` one BatchNorm.RunningStats.zeros(out) per hidden layer.
        int in = options.inputDim();
        for (int i = 1; i < numLayers; i++) {
            int out = options.hiddenDims().get(i - 1);
            params.put("W" + i, Nets.gaussian(random, in, out, options.weightScale()));
            params.put("b" + i, new DMatrixRMaj(1, out));
            if (options.useBatchnorm()) {
                params.put("gamma" + i, Nets.filledRow(out, 1.0));
                params.put("beta" + i, new DMatrixRMaj(1, out));
                runningStats.add(BatchNorm.RunningStats.zeros(out));
            }
            in = out;
        }
        params.put("W" + numLayers, Nets.gaussian(random, in, options.numClasses(), options.weightScale()));
        params.put("b" + numLayers, new DMatrixRMaj(1, options.numClasses()));
        // END SOLUTION
    }

    @Override
    public Map<String, DMatrixRMaj> params() {
        return params;
    }

    /** The options the net was built with (its {@code reg} is the initial one; see {@link #reg()}). */
    public Options options() {
        return options;
    }

    /** L, the number of affine layers. */
    public int numLayers() {
        return numLayers;
    }

    /** The L2 regularisation strength. */
    public double reg() {
        return reg;
    }

    /** Sets the L2 regularisation strength (non-negative), as the seed's {@code model.reg = ...}. */
    public void setReg(double reg) {
        Nets.checkReg(NAME + ".setReg", reg);
        this.reg = reg;
    }

    /** The batchnorm running statistics of each hidden layer (empty without batchnorm), as of the last train-mode pass. */
    public List<BatchNorm.RunningStats> runningStats() {
        return Collections.unmodifiableList(new ArrayList<>(runningStats));
    }

    /**
     * Test-time forward pass: dropout off, batchnorm on its running statistics.
     *
     * @param x N×D inputs (not modified)
     * @return N×C scores (new)
     */
    @Override
    public DMatrixRMaj loss(DMatrixRMaj x) {
        Nets.checkInput(NAME + ".loss", x, options.inputDim());
        Nets.checkParams(NAME + ".loss", params, numLayers, options.inputDim(), options.useBatchnorm());
        return forward(x, Mode.TEST, new ArrayList<>()).out();
    }

    /**
     * Training-time forward and backward pass; also replaces the batchnorm running statistics.
     *
     * @param x N×D inputs (not modified)
     * @param y N labels in [0, C)
     * @return the loss (softmax + {@code 0.5·reg·ΣWᵢ²}) and one gradient per parameter (new matrices)
     */
    @Override
    public LossAndGrads loss(DMatrixRMaj x, int[] y) {
        Nets.checkInput(NAME + ".loss", x, options.inputDim());
        Nets.checkParams(NAME + ".loss", params, numLayers, options.inputDim(), options.useBatchnorm());
        List<BlockCache> blocks = new ArrayList<>();
        Forward<Affine.Cache> last = forward(x, Mode.TRAIN, blocks);
        double loss = 0.0;
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        // BEGIN SOLUTION FullyConnectedNet.loss: backward pass
        // Loss and backward pass: set `loss` to the softmax loss of the scores (last.out()) plus
        // 0.5·reg·Σ‖Wi‖² over all layers, then backpropagate: the last affine layer first (putAffine records its
        // gradients with the L2 term), then every hidden block from the top down (backwardBlock), filling `grads`.
        Losses.Result data = Losses.softmaxLoss(last.out(), y);
        double squares = 0.0;
        for (int i = 1; i <= numLayers; i++) {
            squares += MatrixStats.squaredNorm(param("W" + i));
        }
        loss = data.loss() + 0.5 * reg * squares;
        Affine.Grads top = Affine.affineBackward(data.dx(), last.cache());
        putAffine(grads, numLayers, top);
        DMatrixRMaj dout = top.dx();
        for (int i = numLayers - 1; i >= 1; i--) {
            dout = backwardBlock(dout, blocks.get(i - 1), i, grads);
        }
        // END SOLUTION
        Map<String, DMatrixRMaj> ordered = new LinkedHashMap<>();
        params.keySet().forEach(name -> ordered.put(name, grads.get(name)));
        return new LossAndGrads(loss, ordered);
    }

    /** Runs the hidden blocks (collecting their caches) and returns the last affine layer's forward pass. */
    private Forward<Affine.Cache> forward(DMatrixRMaj x, Mode mode, List<BlockCache> blocks) {
        // BEGIN SOLUTION FullyConnectedNet.loss: forward pass
        // Forward pass: run x (N×D) through the numLayers − 1 hidden blocks {affine – [batch norm] – ReLU –
        // [dropout]}, adding one BlockCache per block to `blocks` (and storing batch norm's new running
        // statistics in `runningStats`), then return the last affine layer's output and cache (the scores).
        DMatrixRMaj h = x;
        for (int i = 1; i < numLayers; i++) {
            Forward<Affine.Cache> affine = Affine.affineForward(h, param("W" + i), param("b" + i));
            h = affine.out();
            BatchNorm.Cache bnCache = null;
            if (options.useBatchnorm()) {
                BatchNorm.Result bn = BatchNorm.batchnormForward(h, param("gamma" + i), param("beta" + i),
                        runningStats.get(i - 1), new BatchNorm.Param().withMode(mode));
                runningStats.set(i - 1, bn.running());
                h = bn.out();
                bnCache = bn.cache();
            }
            Forward<Relu.Cache> relu = Relu.reluForward(h);
            h = relu.out();
            Dropout.Cache dropCache = null;
            if (options.dropout() > 0) {
                Forward<Dropout.Cache> drop = Dropout.dropoutForward(h, new Dropout.Param(options.dropout(), mode, options.seed()), random);
                h = drop.out();
                dropCache = drop.cache();
            }
            blocks.add(new BlockCache(affine.cache(), bnCache, relu.cache(), dropCache));
        }
        return Affine.affineForward(h, param("W" + numLayers), param("b" + numLayers));
        // END SOLUTION
    }

    private DMatrixRMaj backwardBlock(DMatrixRMaj dout, BlockCache block, int layer, Map<String, DMatrixRMaj> grads) {
        // BEGIN SOLUTION FullyConnectedNet.loss: backward through a hidden block
        // Backward through hidden block `layer`: from the upstream gradient dout go back through its dropout (if
        // any), ReLU, batch norm (if any; put "gammaL" and "betaL" into `grads`) and affine layer (putAffine
        // records "WL" and "bL"), using the caches in `block`; return the gradient with respect to its input.
        DMatrixRMaj d = block.dropout() == null ? dout : Dropout.dropoutBackward(dout, block.dropout());
        d = Relu.reluBackward(d, block.relu());
        if (block.batchnorm() != null) {
            BatchNorm.Grads bn = BatchNorm.batchnormBackward(d, block.batchnorm());
            grads.put("gamma" + layer, bn.dgamma());
            grads.put("beta" + layer, bn.dbeta());
            d = bn.dx();
        }
        Affine.Grads affine = Affine.affineBackward(d, block.affine());
        putAffine(grads, layer, affine);
        return affine.dx();
        // END SOLUTION
    }

    private void putAffine(Map<String, DMatrixRMaj> grads, int layer, Affine.Grads g) {
        // BEGIN SOLUTION FullyConnectedNet.loss: affine gradients with the L2 term
        // Record layer `layer`'s affine gradients in `grads` as "W<layer>" and "b<layer>", adding the L2 term
        // reg·W to the weight gradient.
        Ops.addEquals(g.dw(), reg, param("W" + layer));
        grads.put("W" + layer, g.dw());
        grads.put("b" + layer, g.db());
        // END SOLUTION
    }

    private DMatrixRMaj param(String name) {
        return Checks.param(NAME, params, name);
    }

    @Override
    public String toString() {
        String block = "{affine" + (options.useBatchnorm() ? " - batchnorm" : "") + " - relu"
                + (options.dropout() > 0 ? " - dropout " + PyFloat.repr(options.dropout()) : "") + "}";
        return NAME + "(" + block + " × " + (numLayers - 1) + " - affine - softmax, hidden " + options.hiddenDims()
                + ", reg " + PyFloat.repr(reg) + "; " + Nets.shapes(params) + ")";
    }
}

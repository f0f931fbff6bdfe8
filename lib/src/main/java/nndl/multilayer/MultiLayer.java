package nndl.multilayer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Checks;
import nndl.util.Matrices;
import nndl.util.Ops;
import nndl.util.ProgressListener;
import nndl.util.Stopped;
import org.ejml.data.DMatrixRMaj;

/**
 * The seed-002 multi-layer network in the column convention: layer l has W_l (n_l×n_{l−1}) and b_l
 * (n_l×1), activations are n_l×m with one column per sample, hidden layers use ReLU and the last layer
 * is linear, followed by the softmax cross-entropy of {@link Activations}. Parameters are an ordered
 * map W1, b1, W2, b2, ...; gradients a map dW1, db1, .... Every matrix product goes through
 * {@link nndl.util.Ops} (the library's native BLAS). Nothing here modifies its arguments.
 */
public final class MultiLayer {
    private static final int LOG_EVERY = 20;

    private MultiLayer() {
    }

    /**
     * {@code initialize_network(net_dims)} drawing from the global {@link NpRandom} source.
     *
     * @param netDims n_0 (input features), n_1, ..., n_L (classes)
     * @return W1, b1, ..., WL, bL in order; see {@link #initializeNetwork(RandomState, int...)}
     */
    public static Map<String, DMatrixRMaj> initializeNetwork(int... netDims) {
        return initializeNetwork(NpRandom.global(), netDims);
    }

    /**
     * {@code initialize_network(net_dims)}: W_l = 0.01·randn(n_l, n_{l−1}) drawn in layer order,
     * b_l = zeros(n_l, 1).
     *
     * @param random  the source the weights are drawn from (advanced)
     * @param netDims n_0 (input features), n_1, ..., n_L (classes), each ≥ 1, at least two
     * @return W1, b1, ..., WL, bL in order
     */
    public static Map<String, DMatrixRMaj> initializeNetwork(RandomState random, int... netDims) {
        if (netDims == null || netDims.length < 2) {
            throw new IllegalArgumentException("initializeNetwork: netDims needs at least an input and an output size");
        }
        for (int l = 0; l < netDims.length; l++) {
            if (netDims[l] < 1) {
                throw new IllegalArgumentException("initializeNetwork: netDims[" + l + "] = " + netDims[l] + " is not a positive size");
            }
        }
        // BEGIN SOLUTION MultiLayer.initializeNetwork: initialisation
        // Return the parameters of a net with layer sizes netDims (netDims[0] inputs, then each layer's units):
        // for l = 1..L, "Wl" (netDims[l]×netDims[l−1]) drawn with random.randn and scaled by 0.01, and "bl"
        // (netDims[l]×1) zero, in an ordered map W1, b1, W2, b2, ...
        Map<String, DMatrixRMaj> parameters = new LinkedHashMap<>();
        for (int l = 1; l < netDims.length; l++) {
            DMatrixRMaj w = random.randn(netDims[l], netDims[l - 1]);
            for (int i = 0; i < w.getNumElements(); i++) {
                w.data[i] *= 0.01;
            }
            parameters.put("W" + l, w);
            parameters.put("b" + l, new DMatrixRMaj(netDims[l], 1));
        }
        return parameters;
        // END SOLUTION
    }

    /**
     * {@code linear_forward(A_prev, W, b)}: Z = W·A_prev + b, b added to every column; cache {A_prev}.
     *
     * @param aPrev p×m input (not modified; kept in the cache)
     * @param w     n×p weights (not modified)
     * @param b     n×1 bias (not modified)
     * @return n×m Z and the cache {A_prev}
     */
    public static LinearOutput linearForward(DMatrixRMaj aPrev, DMatrixRMaj w, DMatrixRMaj b) {
        Checks.present("linearForward", "A_prev", aPrev);
        requireLayer("linearForward", w, b);
        if (w.numCols != aPrev.numRows) {
            throw new IllegalArgumentException("linearForward: A_prev is " + Matrices.shape(aPrev) + " but W is " + Matrices.shape(w));
        }
        // BEGIN SOLUTION MultiLayer.linearForward: linear forward
        // Linear forward in the column convention: return Z = W·A_prev + b (n×m), the bias b (n×1) added to every
        // column, with a LinearCache holding A_prev for the backward pass.
        DMatrixRMaj z = Ops.addCol(new DMatrixRMaj(w.numRows, aPrev.numCols), b);
        Ops.multAdd(w, aPrev, z);
        return new LinearOutput(z, new LinearCache(aPrev));
        // END SOLUTION
    }

    /**
     * {@code layer_forward(A_prev, W, b, activation)}: A = g(W·A_prev + b).
     *
     * @param aPrev      p×m input (not modified)
     * @param w          n×p weights (not modified)
     * @param b          n×1 bias (not modified)
     * @param activation g
     * @return n×m A and the layer's linear and activation caches
     */
    public static LayerOutput layerForward(DMatrixRMaj aPrev, DMatrixRMaj w, DMatrixRMaj b, Activation activation) {
        LinearOutput linear = linearForward(aPrev, w, b);
        ActivationOutput activated = switch (requireActivation("layerForward", activation)) {
            case RELU -> Activations.relu(linear.z());
            case LINEAR -> Activations.linear(linear.z());
        };
        return new LayerOutput(activated.a(), new LayerCache(linear.cache(), activated.cache()));
    }

    /**
     * {@code multi_layer_forward(A0, parameters)}: ReLU layers 1..L−1, then a linear layer L.
     *
     * @param a0         n_0×m input, one sample per column (not modified)
     * @param parameters W1, b1, ..., WL, bL (not modified)
     * @return the n_L×m output of layer L before the softmax, and the caches of layers 1..L
     */
    public static ForwardOutput multiLayerForward(DMatrixRMaj a0, Map<String, DMatrixRMaj> parameters) {
        int layers = layerCount("multiLayerForward", parameters);
        List<LayerCache> caches = new ArrayList<>(layers);
        DMatrixRMaj a = a0;
        for (int l = 1; l <= layers; l++) {
            Activation activation = l < layers ? Activation.RELU : Activation.LINEAR;
            LayerOutput out = layerForward(a, parameters.get("W" + l), parameters.get("b" + l), activation);
            caches.add(out.cache());
            a = out.a();
        }
        return new ForwardOutput(a, caches);
    }

    /**
     * {@code linear_backward(dZ, cache, W, b)}: dA_prev = Wᵀ·dZ, dW = dZ·A_prevᵀ, db = Σ over the columns
     * of dZ. There is no 1/m here: the seed puts it in dZ ({@link Activations#softmaxCrossEntropyLossDer}).
     *
     * @param dZ    n×m gradient of Z (not modified)
     * @param cache holds the p×m input A_prev
     * @param w     n×p weights (not modified)
     * @param b     n×1 bias (not modified; only its shape is checked)
     * @return dA_prev (p×m), dW (n×p), db (n×1)
     */
    public static LayerGradients linearBackward(DMatrixRMaj dZ, LinearCache cache, DMatrixRMaj w, DMatrixRMaj b) {
        return linearBackward(dZ, cache, w, b, true);
    }

    /**
     * {@code layer_backward(dA, cache, W, b, activation)}: dZ from the activation's derivative, then
     * {@link #linearBackward}.
     *
     * @param dA         n×m gradient of the layer's output (not modified)
     * @param cache      the layer's forward cache
     * @param w          n×p weights (not modified)
     * @param b          n×1 bias (not modified)
     * @param activation the layer's activation
     * @return dA_prev (p×m), dW (n×p), db (n×1)
     */
    public static LayerGradients layerBackward(DMatrixRMaj dA, LayerCache cache, DMatrixRMaj w, DMatrixRMaj b,
                                               Activation activation) {
        return layerBackward(dA, cache, w, b, activation, true);
    }

    /**
     * {@code multi_layer_backward(dAL, caches, parameters)}: back through layer L (linear) and layers
     * L−1..1 (ReLU).
     *
     * @param dAL        n_L×m gradient of the last layer's output, e.g. from the softmax derivative (not modified)
     * @param caches     the L caches of {@link #multiLayerForward}
     * @param parameters W1, b1, ..., WL, bL (not modified)
     * @return dW1, db1, ..., dWL, dbL in order
     */
    public static Map<String, DMatrixRMaj> multiLayerBackward(DMatrixRMaj dAL, List<LayerCache> caches,
                                                              Map<String, DMatrixRMaj> parameters) {
        int layers = layerCount("multiLayerBackward", parameters);
        if (caches == null || caches.size() != layers) {
            throw new IllegalArgumentException("multiLayerBackward: " + (caches == null ? "no" : caches.size())
                    + " caches for " + layers + " layers");
        }
        DMatrixRMaj[] dW = new DMatrixRMaj[layers + 1];
        DMatrixRMaj[] db = new DMatrixRMaj[layers + 1];
        DMatrixRMaj dA = dAL;
        for (int l = layers; l >= 1; l--) {
            Activation activation = l == layers ? Activation.LINEAR : Activation.RELU;
            // Nothing consumes the input's gradient, so layer 1 skips that product.
            LayerGradients g = layerBackward(dA, caches.get(l - 1), parameters.get("W" + l), parameters.get("b" + l),
                    activation, l > 1);
            dW[l] = g.dW();
            db[l] = g.db();
            dA = g.dAPrev();
        }
        Map<String, DMatrixRMaj> gradients = new LinkedHashMap<>();
        for (int l = 1; l <= layers; l++) {
            gradients.put("dW" + l, dW[l]);
            gradients.put("db" + l, db[l]);
        }
        return gradients;
    }

    /**
     * {@code classify(X, parameters)}: the class with the largest softmax probability for each column.
     *
     * @param x          n_0×m samples (not modified)
     * @param parameters W1, b1, ..., WL, bL (not modified)
     * @return the m predictions (the seed's 1×m YPred)
     */
    public static int[] classify(DMatrixRMaj x, Map<String, DMatrixRMaj> parameters) {
        // BEGIN SOLUTION MultiLayer.classify: prediction
        // Return the predicted class of each column of x: propagate forward (multiLayerForward), apply the
        // softmax to the last layer's output, and take in each column the row of the largest probability (the
        // first one on ties), as an int[] of length m.
        DMatrixRMaj a = Activations.softmaxCrossEntropyLoss(multiLayerForward(x, parameters).aL()).a();
        int m = a.numCols;
        int[] predictions = new int[m];
        for (int col = 0; col < m; col++) {
            int best = 0;
            for (int row = 1; row < a.numRows; row++) {
                if (a.data[row * m + col] > a.data[best * m + col]) {
                    best = row;
                }
            }
            predictions[col] = best;
        }
        return predictions;
        // END SOLUTION
    }

    /**
     * {@code update_parameters(parameters, gradients, epoch, alpha)}: W_l − α·dW_l and b_l − α·db_l.
     *
     * @param parameters W1, b1, ..., WL, bL (not modified)
     * @param gradients  dW1, db1, ..., dWL, dbL of the same shapes (not modified)
     * @param epoch      the iteration number; unused, as in the seed, where the rate is constant
     * @param alpha      the learning rate α
     * @return the updated parameters as a new map
     */
    public static Map<String, DMatrixRMaj> updateParameters(Map<String, DMatrixRMaj> parameters,
                                                            Map<String, DMatrixRMaj> gradients, int epoch, double alpha) {
        int layers = layerCount("updateParameters", parameters);
        if (gradients == null) {
            throw new IllegalArgumentException("updateParameters: gradients are missing");
        }
        Map<String, DMatrixRMaj> updated = new LinkedHashMap<>();
        for (int l = 1; l <= layers; l++) {
            for (String name : new String[] {"W" + l, "b" + l}) {
                DMatrixRMaj p = parameters.get(name);
                DMatrixRMaj g = gradients.get("d" + name);
                if (g == null || g.numRows != p.numRows || g.numCols != p.numCols) {
                    throw new IllegalArgumentException("updateParameters: " + name + " is " + Matrices.shape(p)
                            + " but d" + name + " is " + (g == null ? "missing" : Matrices.shape(g)));
                }
                // BEGIN SOLUTION MultiLayer.updateParameters: gradient step
                // Put into `updated`, under the same `name`, a new matrix p − alpha·g (the parameter p and its gradient g
                // are not modified).
                DMatrixRMaj next = new DMatrixRMaj(p.numRows, p.numCols);
                for (int i = 0; i < next.getNumElements(); i++) {
                    next.data[i] = p.data[i] - alpha * g.data[i];
                }
                updated.put(name, next);
                // END SOLUTION
            }
        }
        return updated;
    }

    /**
     * {@code multi_layer_network(X, Y, net_dims)} with the seed's defaults: 500 iterations, rate 0.1,
     * logging, initial weights from the global {@link NpRandom} source.
     *
     * @param x       n_0×m training samples, one per column (not modified)
     * @param y       m labels in [0, n_L) (not modified)
     * @param netDims n_0, n_1, ..., n_L
     * @return the costs every 20 iterations and the trained parameters
     */
    public static TrainingResult multiLayerNetwork(DMatrixRMaj x, int[] y, int[] netDims) {
        return multiLayerNetwork(x, y, netDims, 500, 0.1, true);
    }

    /**
     * {@code multi_layer_network(X, Y, net_dims, num_iterations, learning_rate, log)} initialising from
     * the global {@link NpRandom} source.
     *
     * @param x             n_0×m training samples, one per column (not modified)
     * @param y             m labels in [0, n_L) (not modified)
     * @param netDims       n_0, n_1, ..., n_L
     * @param numIterations how many gradient steps
     * @param learningRate  the step size α
     * @param log           whether to print the cost lines
     * @return the costs every 20 iterations and the trained parameters
     */
    public static TrainingResult multiLayerNetwork(DMatrixRMaj x, int[] y, int[] netDims, int numIterations,
                                                   double learningRate, boolean log) {
        return multiLayerNetwork(x, y, netDims, numIterations, learningRate, log, NpRandom.global());
    }

    /**
     * {@code multi_layer_network(X, Y, net_dims, num_iterations, learning_rate, log)}: full-batch gradient
     * descent on the softmax cross-entropy; the cost is kept (and, with {@code log}, printed as
     * {@code Cost at iteration 1 is: 2.30262, learning rate: 0.10000}) every 20 iterations.
     *
     * @param x             n_0×m training samples, one per column (not modified)
     * @param y             m labels in [0, n_L) (not modified)
     * @param netDims       n_0, n_1, ..., n_L
     * @param numIterations how many gradient steps
     * @param learningRate  the step size α
     * @param log           whether to print the cost lines
     * @param random        the source of the initial weights (advanced)
     * @return the costs every 20 iterations and the trained parameters; on a NaN or infinite cost, those so
     *         far (the parameters before that step) marked {@code diverged}
     * @throws Stopped when the thread is interrupted; its {@code partial()} is the TrainingResult so far
     */
    public static TrainingResult multiLayerNetwork(DMatrixRMaj x, int[] y, int[] netDims, int numIterations,
                                                   double learningRate, boolean log, RandomState random) {
        return multiLayerNetwork(x, y, netDims, numIterations, learningRate, log, random, ProgressListener.NONE);
    }

    /**
     * As {@link #multiLayerNetwork(DMatrixRMaj, int[], int[], int, double, boolean, RandomState)} initialising
     * from the global {@link NpRandom} source and telling {@code progress} after every iteration.
     *
     * @param x             n_0×m training samples, one per column (not modified)
     * @param y             m labels in [0, n_L) (not modified)
     * @param netDims       n_0, n_1, ..., n_L
     * @param numIterations how many gradient steps
     * @param learningRate  the step size α
     * @param log           whether to print the cost lines
     * @param progress      told after every iteration (iteration count, numIterations, cost), on this thread
     * @return the costs every 20 iterations and the trained parameters
     */
    public static TrainingResult multiLayerNetwork(DMatrixRMaj x, int[] y, int[] netDims, int numIterations,
                                                   double learningRate, boolean log, ProgressListener progress) {
        return multiLayerNetwork(x, y, netDims, numIterations, learningRate, log, NpRandom.global(), progress);
    }

    /**
     * As {@link #multiLayerNetwork(DMatrixRMaj, int[], int[], int, double, boolean, RandomState)}, telling
     * {@code progress} after every iteration (iteration count, numIterations, cost).
     *
     * @param x             n_0×m training samples, one per column (not modified)
     * @param y             m labels in [0, n_L) (not modified)
     * @param netDims       n_0, n_1, ..., n_L
     * @param numIterations how many gradient steps
     * @param learningRate  the step size α
     * @param log           whether to print the cost lines
     * @param random        the source of the initial weights (advanced)
     * @param progress      told after every iteration, on this thread ({@link ProgressListener#NONE} for nobody)
     * @return the costs every 20 iterations and the trained parameters; on a NaN or infinite cost, those so
     *         far (the parameters before that step) marked {@code diverged}
     * @throws Stopped when the thread is interrupted; its {@code partial()} is the TrainingResult so far
     */
    public static TrainingResult multiLayerNetwork(DMatrixRMaj x, int[] y, int[] netDims, int numIterations,
                                                   double learningRate, boolean log, RandomState random,
                                                   ProgressListener progress) {
        Checks.present("multiLayerNetwork", "X", x);
        if (netDims == null || netDims.length < 2 || netDims[0] != x.numRows) {
            throw new IllegalArgumentException("multiLayerNetwork: X is " + Matrices.shape(x) + " but netDims is "
                    + Arrays.toString(netDims));
        }
        Checks.columnLabels("multiLayerNetwork", y, netDims[netDims.length - 1], x.numCols);
        if (numIterations < 0 || !(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("multiLayerNetwork: numIterations " + numIterations
                    + " must be ≥ 0 and learningRate " + learningRate + " positive");
        }
        Map<String, DMatrixRMaj> parameters = initializeNetwork(random, netDims);
        List<Double> costs = new ArrayList<>();
        for (int ii = 0; ii < numIterations; ii++) {
            if (Thread.interrupted()) {
                throw new Stopped(ii, numIterations, new TrainingResult(costs, Collections.unmodifiableMap(parameters),
                        false, "stopped at iteration " + ii + " / " + numIterations));
            }
            Map<String, DMatrixRMaj> before = parameters;
            double cost = Double.NaN;
            // BEGIN SOLUTION MultiLayer.multiLayerNetwork: one training iteration
            // One iteration of batch gradient descent on the whole training set: forward pass (multiLayerForward),
            // softmax cross-entropy loss into `cost`, its derivative, backward pass (multiLayerBackward), and
            // `parameters` replaced by updateParameters(...) with the learning rate.
            ForwardOutput forward = multiLayerForward(x, parameters);
            SoftmaxOutput softmax = Activations.softmaxCrossEntropyLoss(forward.aL(), y);
            cost = softmax.loss().orElseThrow();
            DMatrixRMaj dAL = Activations.softmaxCrossEntropyLossDer(y, softmax.cache());
            Map<String, DMatrixRMaj> gradients = multiLayerBackward(dAL, forward.caches(), parameters);
            parameters = updateParameters(parameters, gradients, ii, learningRate);
            // END SOLUTION
            if (!Double.isFinite(cost)) {
                String message = "multiLayerNetwork: the cost is " + cost + " at iteration " + (ii + 1)
                        + ": training diverged; try a smaller learning rate than " + learningRate;
                if (log) {
                    System.out.println(message);
                }
                return new TrainingResult(costs, Collections.unmodifiableMap(before), true, message);
            }
            if (ii % LOG_EVERY == 0) {
                costs.add(cost);
                if (log) {
                    System.out.printf(Locale.ROOT, "Cost at iteration %d is: %.05f, learning rate: %.05f%n",
                            ii + 1, cost, learningRate);
                }
            }
            progress.progress(ii + 1, numIterations, cost);
        }
        return new TrainingResult(costs, Collections.unmodifiableMap(parameters), false,
                "completed " + numIterations + " iterations");
    }

    private static LayerGradients layerBackward(DMatrixRMaj dA, LayerCache cache, DMatrixRMaj w, DMatrixRMaj b,
                                                Activation activation, boolean inputGradient) {
        if (cache == null) {
            throw new IllegalArgumentException("layerBackward: cache is missing");
        }
        DMatrixRMaj dZ = switch (requireActivation("layerBackward", activation)) {
            case RELU -> Activations.reluDer(dA, cache.activation());
            case LINEAR -> Activations.linearDer(dA, cache.activation());
        };
        return linearBackward(dZ, cache.linear(), w, b, inputGradient);
    }

    private static LayerGradients linearBackward(DMatrixRMaj dZ, LinearCache cache, DMatrixRMaj w, DMatrixRMaj b,
                                                 boolean inputGradient) {
        Checks.present("linearBackward", "dZ", dZ);
        requireLayer("linearBackward", w, b);
        if (cache == null || cache.a() == null) {
            throw new IllegalArgumentException("linearBackward: cache (holding A_prev) is missing");
        }
        DMatrixRMaj a = cache.a();
        if (dZ.numRows != w.numRows || w.numCols != a.numRows || dZ.numCols != a.numCols) {
            throw new IllegalArgumentException("linearBackward: dZ is " + Matrices.shape(dZ) + ", W is "
                    + Matrices.shape(w) + " and A_prev is " + Matrices.shape(a));
        }
        // BEGIN SOLUTION MultiLayer.linearBackward: linear backward
        // Linear backward: from dZ (n×m) and the cached A_prev (p×m), return dA_prev = Wᵀ·dZ (p×m; null when
        // inputGradient is false), dW (n×p) and db (n×1, the sums over the m samples) as LayerGradients.
        DMatrixRMaj dAPrev = inputGradient ? Ops.multTransA(w, dZ) : null;
        DMatrixRMaj dW = Ops.multTransB(dZ, a);
        DMatrixRMaj db = Ops.sumRows(dZ);
        return new LayerGradients(dAPrev, dW, db);
        // END SOLUTION
    }

    private static void requireLayer(String function, DMatrixRMaj w, DMatrixRMaj b) {
        Checks.present(function, "W", w);
        Checks.present(function, "b", b);
        if (b.numRows != w.numRows || b.numCols != 1) {
            throw new IllegalArgumentException(function + ": W is " + Matrices.shape(w) + " but b is "
                    + Matrices.shape(b) + " (expected " + w.numRows + "×1)");
        }
    }

    private static Activation requireActivation(String function, Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException(function + ": activation is missing");
        }
        return activation;
    }

    /** L, checking that {@code parameters} holds exactly W1, b1, ..., WL, bL with chaining shapes. */
    private static int layerCount(String function, Map<String, DMatrixRMaj> parameters) {
        if (parameters == null || parameters.isEmpty() || parameters.size() % 2 != 0) {
            throw new IllegalArgumentException(function + ": parameters must hold W1, b1, ..., WL, bL; got "
                    + (parameters == null ? "none" : parameters.keySet()));
        }
        int layers = parameters.size() / 2;
        for (int l = 1; l <= layers; l++) {
            DMatrixRMaj w = parameters.get("W" + l);
            DMatrixRMaj b = parameters.get("b" + l);
            if (w == null || b == null) {
                throw new IllegalArgumentException(function + ": parameters has no W" + l + " or b" + l + "; keys "
                        + parameters.keySet());
            }
            requireLayer(function + " (layer " + l + ")", w, b);
            DMatrixRMaj previous = l > 1 ? parameters.get("W" + (l - 1)) : null;
            if (previous != null && previous.numRows != w.numCols) {
                throw new IllegalArgumentException(function + ": W" + (l - 1) + " is " + Matrices.shape(previous)
                        + " but W" + l + " is " + Matrices.shape(w));
            }
        }
        return layers;
    }
}

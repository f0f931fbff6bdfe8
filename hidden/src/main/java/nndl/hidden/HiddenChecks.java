package nndl.hidden;

import static nndl.gradcheck.GradientCheck.evalNumericalGradient;
import static nndl.gradcheck.GradientCheck.evalNumericalGradientArray;
import static nndl.gradcheck.GradientCheck.relError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import nndl.layers.Affine;
import nndl.layers.Relu;
import nndl.multilayer.Activations;
import nndl.multilayer.MultiLayer;
import nndl.nets.FcTwoLayerNet;
import nndl.nets.FullyConnectedNet;
import nndl.nets.LossAndGrads;
import nndl.neuralnet.Lab3Net;
import nndl.neuralnet.TrainOptions;
import nndl.neuralnet.TrainStats;
import nndl.neuralnet.TwoLayerNet;
import nndl.pa2.Pa2;
import nndl.pa2.Pa2Gradients;
import nndl.pa2.Pa2Net;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;

/**
 * The hidden checks, one or more per exercise of the student edition (docs/editions.md), each on
 * shapes, seeds and labels that no notebook uses. Every expected value comes from {@link Reference}
 * or from a numeric gradient of a reference loss, never from the code under test, so an answer
 * tuned to the notebooks' printed numbers fails here.
 */
final class HiddenChecks {
    private HiddenChecks() {
    }

    /** Every hidden check, in the order of the exercises. */
    static List<HiddenCheck> all() {
        return List.of(
                new HiddenCheck("affine_forward", HiddenChecks::affineForward),
                new HiddenCheck("affine_backward", HiddenChecks::affineBackward),
                new HiddenCheck("relu_forward", HiddenChecks::reluForward),
                new HiddenCheck("relu_backward", HiddenChecks::reluBackward),
                new HiddenCheck("neural_net_scores", HiddenChecks::neuralNetScores),
                new HiddenCheck("neural_net_loss", HiddenChecks::neuralNetLoss),
                new HiddenCheck("neural_net_gradients", HiddenChecks::neuralNetGradients),
                new HiddenCheck("neural_net_train", HiddenChecks::neuralNetTrain),
                new HiddenCheck("neural_net_predict", HiddenChecks::neuralNetPredict),
                new HiddenCheck("fc_two_layer_net", HiddenChecks::fcTwoLayerNet),
                new HiddenCheck("fc_net", HiddenChecks::fcNet),
                new HiddenCheck("mnist_activations", HiddenChecks::mnistActivations),
                new HiddenCheck("mnist_softmax_ce", HiddenChecks::mnistSoftmaxCe),
                new HiddenCheck("mnist_layers", HiddenChecks::mnistLayers),
                new HiddenCheck("mnist_classify", HiddenChecks::mnistClassify),
                new HiddenCheck("pa2_helpers", HiddenChecks::pa2Helpers),
                new HiddenCheck("pa2_gradients", HiddenChecks::pa2Gradients),
                new HiddenCheck("lab3_net", HiddenChecks::lab3Net));
    }

    private static double affineForward() {
        RandomState r = new RandomState(2024);
        DMatrixRMaj x = r.randn(3, 14);
        DMatrixRMaj w = r.randn(14, 5);
        DMatrixRMaj b = r.randn(1, 5);
        return relError(Affine.affineForward(x, w, b).out(), Reference.affine(x, w, b));
    }

    private static double affineBackward() {
        RandomState r = new RandomState(77);
        DMatrixRMaj x = r.randn(7, 4);
        DMatrixRMaj w = r.randn(4, 9);
        DMatrixRMaj b = r.randn(1, 9);
        DMatrixRMaj dout = r.randn(7, 9);
        Affine.Grads g = Affine.affineBackward(dout, Affine.affineForward(x, w, b).cache());
        DMatrixRMaj dx = evalNumericalGradientArray(v -> Reference.affine(v, w, b), x, dout);
        DMatrixRMaj dw = evalNumericalGradientArray(v -> Reference.affine(x, v, b), w, dout);
        DMatrixRMaj db = evalNumericalGradientArray(v -> Reference.affine(x, w, v), b, dout);
        return max(relError(g.dx(), dx), relError(g.dw(), dw), relError(g.db(), db));
    }

    private static double reluForward() {
        DMatrixRMaj x = new RandomState(5).randn(6, 9);
        x.set(0, 0, 0.0);
        x.set(2, 3, -0.0);
        return maxAbsDiff(Relu.reluForward(x).out(), Reference.relu(x));
    }

    private static double reluBackward() {
        RandomState r = new RandomState(31);
        DMatrixRMaj x = r.randn(8, 3);
        DMatrixRMaj dout = r.randn(8, 3);
        DMatrixRMaj dx = Relu.reluBackward(dout, Relu.reluForward(x).cache());
        return relError(dx, evalNumericalGradientArray(Reference::relu, x, dout));
    }

    /** A neural_net.py net of other sizes than the toy net's: D 6, H 8, C 4, std 0.3, seed 3. */
    private static TwoLayerNet neuralNet() {
        return new TwoLayerNet(6, 8, 4, 0.3, new RandomState(3));
    }

    private static double neuralNetScores() {
        TwoLayerNet net = neuralNet();
        DMatrixRMaj x = new RandomState(9).randn(7, 6);
        return relError(net.loss(x), Reference.neuralNetScores(net.params(), x));
    }

    private static double neuralNetReferenceLoss(Map<String, DMatrixRMaj> p, DMatrixRMaj x, int[] y, double reg) {
        return Reference.softmaxLoss(Reference.neuralNetScores(p, x), y)
                + 0.5 * reg * (Reference.squaredSum(p.get("W1")) + Reference.squaredSum(p.get("W2")));
    }

    private static double neuralNetLoss() {
        TwoLayerNet net = neuralNet();
        DMatrixRMaj x = new RandomState(10).randn(7, 6);
        int[] y = {3, 0, 2, 2, 1, 3, 0};
        return Math.abs(net.loss(x, y, 0.3).loss() - neuralNetReferenceLoss(net.params(), x, y, 0.3));
    }

    private static double neuralNetGradients() {
        TwoLayerNet net = neuralNet();
        DMatrixRMaj x = new RandomState(11).randn(5, 6);
        int[] y = {1, 3, 3, 0, 2};
        LossAndGrads analytic = net.loss(x, y, 0.7);
        return maxGradientError(net.params(), analytic.grads(), p -> neuralNetReferenceLoss(p, x, y, 0.7));
    }

    /**
     * Training on rows that are all the same example: whatever minibatches a submission samples, every
     * step sees the same gradient, so the run must equal full-batch gradient descent with the seed's
     * learning-rate decay, loss for loss.
     */
    private static double neuralNetTrain() {
        TwoLayerNet net = neuralNet();
        Map<String, DMatrixRMaj> expected = copy(net.params());
        DMatrixRMaj row = new RandomState(12).randn(1, 6);
        int n = 40;
        int batch = 10;
        DMatrixRMaj x = new DMatrixRMaj(n, 6);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(row.data, 0, x.data, i * 6, 6);
            y[i] = 2;
        }
        TrainOptions options = new TrainOptions().withLearningRate(0.05).withLearningRateDecay(0.9).withReg(0.01)
                .withNumIters(30).withBatchSize(batch).withVerbose(false);
        TrainStats stats = net.train(x, y, x, y, options);
        DMatrixRMaj single = row.copy();
        int[] label = {2};
        double lr = options.learningRate();
        double iterationsPerEpoch = Math.max(n / (double) batch, 1.0);
        double worst = 0.0;
        for (int it = 0; it < options.numIters(); it++) {
            double loss = neuralNetReferenceLoss(expected, single, label, options.reg());
            worst = Math.max(worst, Math.abs(loss - stats.lossHistory().get(it)));
            Map<String, DMatrixRMaj> grads = numericGradients(expected, p -> neuralNetReferenceLoss(p, single, label, options.reg()));
            for (String name : expected.keySet()) {
                DMatrixRMaj p = expected.get(name);
                DMatrixRMaj g = grads.get(name);
                for (int i = 0; i < p.getNumElements(); i++) {
                    p.data[i] -= lr * g.data[i];
                }
            }
            if (it % iterationsPerEpoch == 0) {
                lr *= options.learningRateDecay();
            }
        }
        for (String name : expected.keySet()) {
            worst = Math.max(worst, relError(net.params().get(name), expected.get(name)));
        }
        return worst;
    }

    private static double neuralNetPredict() {
        TwoLayerNet net = neuralNet();
        DMatrixRMaj x = new RandomState(13).randn(25, 6);
        return mismatches(net.predict(x), Reference.argmaxRows(Reference.neuralNetScores(net.params(), x)));
    }

    /**
     * fc_net.py's two-layer net on D 40, H 30, C 6: shapes, initial scale and zero biases, then the
     * scores, the loss with reg 0.4 and every gradient against the reference on new parameters.
     * Returns the largest error, or 1 for each initialisation fault.
     */
    private static double fcTwoLayerNet() {
        double scale = 0.05;
        FcTwoLayerNet net = new FcTwoLayerNet(
                new FcTwoLayerNet.Options(40, 30, 6, 0.0, scale, 0.4), new RandomState(21));
        double faults = initFaults(net.params(), new int[] {40, 30, 6}, scale);
        RandomState r = new RandomState(22);
        for (String name : net.params().keySet()) {
            DMatrixRMaj p = net.params().get(name);
            p.setTo(r.randn(p.numRows, p.numCols));
            org.ejml.dense.row.CommonOps_DDRM.scale(0.2, p);
        }
        DMatrixRMaj x = r.randn(5, 40);
        int[] y = {5, 0, 3, 3, 1};
        return faults + modularNetErrors(net.params(), 2, x, y, 0.4, net.loss(x), net.loss(x, y));
    }

    /** The fully-connected net with three hidden layers [7, 6, 5] on D 11, C 4, reg 0.25. */
    private static double fcNet() {
        double scale = 0.2;
        FullyConnectedNet net = new FullyConnectedNet(new FullyConnectedNet.Options(List.of(7, 6, 5), 11, 4, 0.0, false,
                0.25, scale, null), new RandomState(41));
        double faults = initFaults(net.params(), new int[] {11, 7, 6, 5, 4}, Double.NaN);
        DMatrixRMaj x = new RandomState(42).randn(3, 11);
        int[] y = {2, 3, 0};
        return faults + modularNetErrors(net.params(), 4, x, y, 0.25, net.loss(x), net.loss(x, y));
    }

    private static double modularNetErrors(Map<String, DMatrixRMaj> params, int layers, DMatrixRMaj x, int[] y, double reg,
                                           DMatrixRMaj scores, LossAndGrads analytic) {
        ToDoubleFunction<Map<String, DMatrixRMaj>> loss = p -> {
            double penalty = 0.0;
            for (int l = 1; l <= layers; l++) {
                penalty += Reference.squaredSum(p.get("W" + l));
            }
            return Reference.softmaxLoss(Reference.fcScores(p, layers, x), y) + 0.5 * reg * penalty;
        };
        double scoreError = relError(scores, Reference.fcScores(params, layers, x));
        double lossError = Math.abs(analytic.loss() - loss.applyAsDouble(params));
        return max(scoreError, lossError, maxGradientError(params, analytic.grads(), loss));
    }

    /**
     * Counts the initialisation faults of a modular net with layer sizes {@code dims}: a missing or
     * misshaped W_l (D_l×D_{l+1}) or b_l (1×D_{l+1}), a non-zero bias, and, when {@code scale} is a
     * number, a weight standard deviation more than scale/10 away from it.
     */
    private static double initFaults(Map<String, DMatrixRMaj> params, int[] dims, double scale) {
        int faults = 0;
        for (int l = 1; l < dims.length; l++) {
            DMatrixRMaj w = params.get("W" + l);
            DMatrixRMaj b = params.get("b" + l);
            if (w == null || w.numRows != dims[l - 1] || w.numCols != dims[l]) {
                faults++;
            } else if (!Double.isNaN(scale) && Math.abs(std(w) - scale) > scale / 10) {
                faults++;
            }
            if (b == null || b.numRows != 1 || b.numCols != dims[l]) {
                faults++;
            } else if (Reference.squaredSum(b) != 0.0) {
                faults++;
            }
        }
        return faults;
    }

    private static double mnistActivations() {
        RandomState r = new RandomState(51);
        DMatrixRMaj z = r.randn(5, 3);
        DMatrixRMaj dA = r.randn(5, 3);
        var relu = Activations.relu(z);
        DMatrixRMaj dZ = Activations.reluDer(dA, relu.cache());
        return max(maxAbsDiff(relu.a(), Reference.relu(z)),
                relError(dZ, evalNumericalGradientArray(Reference::relu, z, dA)));
    }

    private static double mnistSoftmaxCe() {
        RandomState r = new RandomState(52);
        DMatrixRMaj z = r.randn(4, 6);
        int[] y = {3, 1, 0, 0, 2, 3};
        var out = Activations.softmaxCrossEntropyLoss(z, y);
        DMatrixRMaj a = Reference.softmaxColumns(z);
        double loss = Reference.softmaxLoss(Reference.transpose(z), y);
        DMatrixRMaj dZ = Activations.softmaxCrossEntropyLossDer(y, out.cache());
        DMatrixRMaj numeric = evalNumericalGradient(v -> Reference.softmaxLoss(Reference.transpose(v), y), z.copy());
        return max(maxAbsDiff(out.a(), a), Math.abs(out.loss().orElse(Double.NaN) - loss), maxAbsDiff(dZ, numeric));
    }

    private static double mnistLayers() {
        RandomState r = new RandomState(53);
        Map<String, DMatrixRMaj> params = MultiLayer.initializeNetwork(r, 6, 5, 3);
        double faults = 0;
        int[][] shapes = {{5, 6}, {5, 1}, {3, 5}, {3, 1}};
        String[] names = {"W1", "b1", "W2", "b2"};
        for (int i = 0; i < names.length; i++) {
            DMatrixRMaj p = params.get(names[i]);
            if (p == null || p.numRows != shapes[i][0] || p.numCols != shapes[i][1]) {
                faults++;
            }
        }
        DMatrixRMaj w = r.randn(4, 6);
        DMatrixRMaj b = r.randn(4, 1);
        DMatrixRMaj aPrev = r.randn(6, 7);
        DMatrixRMaj dZ = r.randn(4, 7);
        var forward = MultiLayer.linearForward(aPrev, w, b);
        var grads = MultiLayer.linearBackward(dZ, forward.cache(), w, b);
        return faults + max(relError(forward.z(), Reference.linear(w, aPrev, b)),
                relError(grads.dAPrev(), evalNumericalGradientArray(v -> Reference.linear(w, v, b), aPrev, dZ)),
                relError(grads.dW(), evalNumericalGradientArray(v -> Reference.linear(v, aPrev, b), w, dZ)),
                relError(grads.db(), evalNumericalGradientArray(v -> Reference.linear(w, aPrev, v), b, dZ)));
    }

    private static double mnistClassify() {
        RandomState r = new RandomState(54);
        Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
        int[] dims = {8, 6, 5, 4};
        for (int l = 1; l < dims.length; l++) {
            params.put("W" + l, r.randn(dims[l], dims[l - 1]));
            params.put("b" + l, r.randn(dims[l], 1));
        }
        DMatrixRMaj x = r.randn(8, 30);
        DMatrixRMaj a = x;
        for (int l = 1; l < dims.length; l++) {
            a = Reference.linear(params.get("W" + l), a, params.get("b" + l));
            if (l < dims.length - 1) {
                a = Reference.relu(a);
            }
        }
        return mismatches(MultiLayer.classify(x, params), Reference.argmaxColumns(a));
    }

    /** PA2's helpers on 5×4 rows: relu, softmax, computeLayer, averageCe and gradCe against the references. */
    private static double pa2Helpers() {
        RandomState r = new RandomState(71);
        DMatrixRMaj x = r.randn(5, 4);
        DMatrixRMaj w = r.randn(4, 6);
        DMatrixRMaj b = r.randn(1, 6);
        DMatrixRMaj o = r.randn(5, 6);
        DMatrixRMaj target = Pa2.oneHot(new int[] {5, 0, 2, 2, 3}, 6);
        DMatrixRMaj probabilities = Reference.softmaxRows(o);
        ToDoubleFunction<DMatrixRMaj> ce = v -> Reference.crossEntropy(target, Reference.softmaxRows(v));
        return max(maxAbsDiff(Pa2.relu(x), Reference.relu(x)),
                maxAbsDiff(Pa2.softmax(o), probabilities),
                relError(Pa2.computeLayer(x, w, b), Reference.affine(x, w, b)),
                Math.abs(Pa2.averageCe(target, probabilities) - Reference.crossEntropy(target, probabilities)),
                relError(Pa2.gradCe(target, probabilities), evalNumericalGradient(ce, o.copy())));
    }

    /** PA2's four gradients of a net F 7, H 5, K 3 with random biases, against numeric gradients of the reference loss. */
    private static double pa2Gradients() {
        Pa2Net net = new Pa2Net(7, 5, 3, new RandomState(72));
        RandomState r = new RandomState(73);
        for (DMatrixRMaj p : net.params().values()) {
            p.setTo(r.randn(p.numRows, p.numCols));
        }
        DMatrixRMaj x = r.randn(6, 7);
        DMatrixRMaj target = Pa2.oneHot(new int[] {2, 2, 0, 1, 0, 2}, 3);
        Pa2Gradients analytic = net.backProp(net.forwardProp(x), target);
        ToDoubleFunction<Map<String, DMatrixRMaj>> loss = p -> Reference.crossEntropy(target, Reference.softmaxRows(
                Reference.affine(Reference.relu(Reference.affine(x, p.get("Wh"), p.get("bh"))), p.get("Wo"), p.get("bo"))));
        return maxGradientError(net.params(), analytic.byName(), loss);
    }

    /**
     * Seed 003's conventions on D 6, H 7, C 3: W1 D×H, the penalty {@code reg·Σ p²} over weights and
     * biases; scores, loss and every gradient against the reference on random biases.
     */
    private static double lab3Net() {
        RandomState r = new RandomState(74);
        Lab3Net net = new Lab3Net(r.randn(6, 7), r.randn(1, 7), r.randn(7, 3), r.randn(1, 3));
        DMatrixRMaj x = r.randn(4, 6);
        int[] y = {1, 0, 2, 1};
        double reg = 0.2;
        ToDoubleFunction<Map<String, DMatrixRMaj>> loss = p -> {
            double penalty = 0.0;
            for (DMatrixRMaj m : p.values()) {
                penalty += Reference.squaredSum(m);
            }
            return Reference.softmaxLoss(Reference.fcScores(p, 2, x), y) + reg * penalty;
        };
        LossAndGrads analytic = net.loss(x, y, reg);
        return max(relError(net.loss(x), Reference.fcScores(net.params(), 2, x)),
                Math.abs(analytic.loss() - loss.applyAsDouble(net.params())),
                maxGradientError(net.params(), analytic.grads(), loss));
    }

    private static double maxGradientError(Map<String, DMatrixRMaj> params, Map<String, DMatrixRMaj> grads,
                                           ToDoubleFunction<Map<String, DMatrixRMaj>> loss) {
        Map<String, DMatrixRMaj> numeric = numericGradients(params, loss);
        double worst = 0.0;
        for (String name : params.keySet()) {
            DMatrixRMaj g = grads.get(name);
            worst = Math.max(worst, g == null ? Double.POSITIVE_INFINITY : relError(g, numeric.get(name)));
        }
        return worst;
    }

    /** Centred-difference gradients of {@code loss} for every parameter, on a copy of {@code params}. */
    private static Map<String, DMatrixRMaj> numericGradients(Map<String, DMatrixRMaj> params,
                                                             ToDoubleFunction<Map<String, DMatrixRMaj>> loss) {
        Map<String, DMatrixRMaj> work = copy(params);
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        for (String name : work.keySet()) {
            out.put(name, evalNumericalGradient(v -> loss.applyAsDouble(work), work.get(name)));
        }
        return out;
    }

    private static Map<String, DMatrixRMaj> copy(Map<String, DMatrixRMaj> params) {
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v.copy()));
        return out;
    }

    private static double std(DMatrixRMaj m) {
        double mean = 0.0;
        for (double v : m.data) {
            mean += v;
        }
        mean /= m.getNumElements();
        double sum = 0.0;
        for (double v : m.data) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / m.getNumElements());
    }

    private static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0.0;
        for (int i = 0; i < a.getNumElements(); i++) {
            worst = Math.max(worst, Math.abs(a.data[i] - b.data[i]));
        }
        return worst;
    }

    private static double mismatches(int[] predicted, int[] expected) {
        if (predicted.length != expected.length) {
            return expected.length;
        }
        int count = 0;
        for (int i = 0; i < expected.length; i++) {
            count += predicted[i] == expected[i] ? 0 : 1;
        }
        return count;
    }

    /** The largest of the values; NaN (a broken answer) counts as the largest. */
    private static double max(double... values) {
        double worst = 0.0;
        for (double v : values) {
            worst = Double.isNaN(v) || v > worst ? (Double.isNaN(v) ? Double.POSITIVE_INFINITY : v) : worst;
        }
        return worst;
    }
}

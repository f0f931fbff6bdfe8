package nndl.judge;

import static nndl.judge.Case.Output.atMost;
import static nndl.judge.Case.Output.init;
import static nndl.judge.Case.Output.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nndl.neuralnet.TwoLayerNet;
import nndl.random.NpRandom;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;

/**
 * Builds cases from a seed and shapes, one factory per exercise: the public cases
 * ({@link PublicCases}) and the grader's hidden ones call the same factories with other numbers. No
 * expected value is here: the judge gets those from the reference library (or, in the student
 * edition, from the public cases' recorded outputs).
 */
public final class Cases {
    /** Relative error allowed where the reference and a correct answer differ only by rounding. */
    public static final double TIGHT = 1e-6;
    /** Relative error allowed after many steps of training, where rounding accumulates. */
    public static final double TRAINED = 1e-4;

    private Cases() {
    }

    /** A builder of one case. */
    public static final class Builder {
        private final String exercise;
        private final String op;
        private final String label;
        private final boolean hidden;
        private final Map<String, Object> inputs = new LinkedHashMap<>();
        private final Map<String, Object> secret = new LinkedHashMap<>();
        private final List<Case.Output> outputs = new ArrayList<>();

        Builder(String exercise, String op, String label, boolean hidden) {
            this.exercise = exercise;
            this.op = op;
            this.label = label;
            this.hidden = hidden;
        }

        Builder in(String name, Object value) {
            inputs.put(name, value instanceof Number n && !(value instanceof Double) ? (Object) n.doubleValue() : value);
            return this;
        }

        Builder params(Map<String, DMatrixRMaj> params) {
            params.forEach((k, v) -> inputs.put(k, v.copy()));
            return this;
        }

        Builder secret(String name, Object value) {
            secret.put(name, value);
            return this;
        }

        Builder out(Case.Output... o) {
            outputs.addAll(List.of(o));
            return this;
        }

        Builder match(String... names) {
            for (String n : names) {
                outputs.add(Case.Output.match(n, TIGHT));
            }
            return this;
        }

        Case build() {
            return new Case(exercise, op, label, hidden, inputs, secret, outputs);
        }
    }

    static Builder builder(String exercise, String label, boolean hidden) {
        return new Builder(exercise, exercise, label, hidden);
    }

    /** neural_net.py's net (W1: H×D, b1, W2: C×H, b2) drawn from {@code seed} with scale {@code std}. */
    public static Map<String, DMatrixRMaj> twoLayerParams(int d, int h, int c, double std, long seed) {
        RandomState r = new RandomState(seed);
        Map<String, DMatrixRMaj> p = new LinkedHashMap<>();
        p.put("W1", scaled(r.randn(h, d), std));
        p.put("b1", scaled(r.randn(1, h), std));
        p.put("W2", scaled(r.randn(c, h), std));
        p.put("b2", scaled(r.randn(1, c), std));
        return p;
    }

    /** The notebook's toy net: {@code seed(0); new TwoLayerNet(4, 10, 3, 1e-1)}. */
    public static Map<String, DMatrixRMaj> toyParams() {
        NpRandom.seed(0);
        Map<String, DMatrixRMaj> p = new LinkedHashMap<>();
        new TwoLayerNet(4, 10, 3, 1e-1).params().forEach((k, v) -> p.put(k, v.copy()));
        return p;
    }

    /** The notebook's toy data: {@code seed(1); 10·randn(5, 4)}. */
    public static DMatrixRMaj toyData() {
        NpRandom.seed(1);
        return scaled(NpRandom.randn(5, 4), 10);
    }

    /** TwoLayerNet.scores on {@code params} and x. */
    public static Case twoLayerScores(String label, boolean hidden, Map<String, DMatrixRMaj> params, DMatrixRMaj x) {
        return builder("TwoLayerNet.scores", label, hidden).params(params).in("x", x).match("scores").build();
    }

    /** TwoLayerNet.loss on {@code params}, x, y and reg. */
    public static Case twoLayerLoss(String label, boolean hidden, Map<String, DMatrixRMaj> params, DMatrixRMaj x, int[] y, double reg) {
        return builder("TwoLayerNet.loss", label, hidden).params(params).in("x", x).in("y", y).in("reg", reg).match("loss").build();
    }

    /** TwoLayerNet.gradients on {@code params}, x, y and reg, against the reference's gradients. */
    public static Case twoLayerGradients(String label, boolean hidden, Map<String, DMatrixRMaj> params, DMatrixRMaj x, int[] y,
                                         double reg) {
        return builder("TwoLayerNet.gradients", label, hidden).params(params).in("x", x).in("y", y).in("reg", reg)
                .match("grad W1", "grad b1", "grad W2", "grad b2").build();
    }

    /** TwoLayerNet.predict on {@code params} and x: the same predictions as the reference net. */
    public static Case twoLayerPredict(String label, boolean hidden, Map<String, DMatrixRMaj> params, DMatrixRMaj x) {
        return builder("TwoLayerNet.predict", label, hidden).params(params).in("x", x).match("predictions").build();
    }

    /** The notebook's toy training (lr 0.1, reg 5e-6, 100 iterations, batch 200 of 5 rows): final loss below 0.02. */
    public static Case toyTraining() {
        return new Builder("TwoLayerNet.train", "TwoLayerNet.train", "the notebook's toy training: lr 0.1, reg 5e-6, 100 iterations",
                false).params(toyParams()).in("x", toyData()).in("y", new int[] {0, 1, 2, 2, 1}).in("seed", 0)
                .in("learningRate", 0.1).in("learningRateDecay", 0.95).in("reg", 5e-6).in("numIters", 100).in("batchSize", 200)
                .out(atMost("finalLoss", 0.02)).build();
    }

    /**
     * Training on n copies of one row: whatever minibatches are sampled, every step sees the same
     * gradient, so losses and weights must equal the reference's step for step.
     */
    public static Case sameRowTraining(String label, boolean hidden, int d, int h, int c, int n, int batch, long seed) {
        DMatrixRMaj row = new RandomState(seed).randn(1, d);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(row.data, 0, x.data, i * d, d);
            y[i] = (int) (seed % c);
        }
        return new Builder("TwoLayerNet.train", "TwoLayerNet.train", label, hidden).params(twoLayerParams(d, h, c, 0.3, seed + 1))
                .in("x", x).in("y", y).in("seed", seed).in("learningRate", 0.05).in("learningRateDecay", 0.9).in("reg", 0.01)
                .in("numIters", 30).in("batchSize", batch)
                .out(match("lossHistory", TRAINED), match("W1", TRAINED), match("b1", TRAINED), match("W2", TRAINED), match("b2", TRAINED))
                .build();
    }

    /**
     * Gaussian blobs, one per class, far apart: train on {@code n} points with the notebook's kind of
     * settings, predict {@code m} more whose labels the judge keeps; a working net classifies them.
     */
    public static Case blobTraining(String label, boolean hidden, int d, int c, int n, int m, long seed) {
        RandomState r = new RandomState(seed);
        DMatrixRMaj centres = scaled(r.randn(c, d), 3.0);
        int[] y = r.randint(c, n);
        int[] yTest = r.randint(c, m);
        DMatrixRMaj x = blobs(centres, y, r);
        DMatrixRMaj xTest = blobs(centres, yTest, r);
        return new Builder("TwoLayerNet.predict", "TwoLayerNet.train", label, hidden).params(twoLayerParams(d, 20, c, 1e-2, seed + 1))
                .in("x", x).in("y", y).in("xTest", xTest).in("seed", seed).in("learningRate", 0.1).in("learningRateDecay", 0.95)
                .in("reg", 1e-4).in("numIters", 200).in("batchSize", 50).secret("yTest", yTest)
                .out(Case.Output.accuracy("predictions", "yTest", 0.9)).build();
    }

    private static DMatrixRMaj blobs(DMatrixRMaj centres, int[] labels, RandomState r) {
        DMatrixRMaj x = r.randn(labels.length, centres.numCols);
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < centres.numCols; j++) {
                x.add(i, j, centres.get(labels[i], j));
            }
        }
        return x;
    }

    /** Lab3Net (W1: D×H) on random weights and biases. */
    public static Case lab3(String label, boolean hidden, int n, int d, int h, int c, double reg, long seed) {
        RandomState r = new RandomState(seed);
        return builder("Lab3Net.loss", label, hidden).in("W1", r.randn(d, h)).in("b1", r.randn(1, h)).in("W2", r.randn(h, c))
                .in("b2", r.randn(1, c)).in("x", r.randn(n, d)).in("y", r.randint(c, n)).in("reg", reg)
                .match("scores", "loss", "grad W1", "grad b1", "grad W2", "grad b2").build();
    }

    /** Affine.affineForward on x, w, b. */
    public static Case affineForward(String label, boolean hidden, DMatrixRMaj x, DMatrixRMaj w, DMatrixRMaj b) {
        return builder("Affine.affineForward", label, hidden).in("x", x).in("w", w).in("b", b).match("out").build();
    }

    /** Affine.affineBackward on random N×D inputs to M outputs. */
    public static Case affineBackward(String label, boolean hidden, int n, int d, int m, long seed) {
        RandomState r = new RandomState(seed);
        return builder("Affine.affineBackward", label, hidden).in("x", r.randn(n, d)).in("w", r.randn(d, m)).in("b", r.randn(1, m))
                .in("dout", r.randn(n, m)).match("dx", "dw", "db").build();
    }

    /** Relu.reluForward on x. */
    public static Case reluForward(String label, boolean hidden, DMatrixRMaj x) {
        return builder("Relu.reluForward", label, hidden).in("x", x).match("out", Exercises.INPUT_AFTER + "x").build();
    }

    /** Relu.reluBackward on random R×C inputs. */
    public static Case reluBackward(String label, boolean hidden, int rows, int cols, long seed) {
        RandomState r = new RandomState(seed);
        return builder("Relu.reluBackward", label, hidden).in("x", r.randn(rows, cols)).in("dout", r.randn(rows, cols))
                .match("dx", Exercises.INPUT_AFTER + "dout").build();
    }

    /** FcTwoLayerNet's initialisation: shapes, zero biases, the weight scale. */
    public static Case fcTwoLayerInit(String label, boolean hidden, int d, int h, int c, double scale, long seed) {
        return builder("FcTwoLayerNet.init", label, hidden).in("D", d).in("H", h).in("C", c).in("weightScale", scale).in("seed", seed)
                .out(init("W1", 0.15), init("b1", 0.15), init("W2", 0.15), init("b2", 0.15)).build();
    }

    /** FcTwoLayerNet.loss on random parameters (W1: D×H). */
    public static Case fcTwoLayerLoss(String label, boolean hidden, int n, int d, int h, int c, double reg, long seed) {
        RandomState r = new RandomState(seed);
        return builder("FcTwoLayerNet.loss", label, hidden).in("W1", scaled(r.randn(d, h), 0.2)).in("b1", scaled(r.randn(1, h), 0.2))
                .in("W2", scaled(r.randn(h, c), 0.2)).in("b2", scaled(r.randn(1, c), 0.2)).in("x", r.randn(n, d)).in("y", r.randint(c, n))
                .in("reg", reg).match("scores", "loss", "grad W1", "grad b1", "grad W2", "grad b2").build();
    }

    /** FullyConnectedNet's initialisation for hidden sizes {@code hidden}. */
    public static Case fcNetInit(String label, boolean hidden, int[] dims, int d, int c, double scale, long seed) {
        Builder b = builder("FullyConnectedNet.init", label, hidden).in("hiddenDims", dims).in("D", d).in("C", c)
                .in("weightScale", scale).in("seed", seed);
        for (int l = 1; l <= dims.length + 1; l++) {
            b.out(init("W" + l, 0.15), init("b" + l, 0.15));
        }
        return b.build();
    }

    /** FullyConnectedNet.loss on random parameters, hidden sizes {@code dims}. */
    public static Case fcNetLoss(String label, boolean hidden, int[] dims, int n, int d, int c, double reg, long seed) {
        RandomState r = new RandomState(seed);
        Builder b = builder("FullyConnectedNet.loss", label, hidden).in("hiddenDims", dims).in("D", d).in("C", c).in("reg", reg);
        int prev = d;
        List<String> names = new ArrayList<>(List.of("scores", "loss"));
        for (int l = 1; l <= dims.length + 1; l++) {
            int next = l <= dims.length ? dims[l - 1] : c;
            b.in("W" + l, scaled(r.randn(prev, next), 0.3)).in("b" + l, scaled(r.randn(1, next), 0.3));
            names.add("grad W" + l);
            names.add("grad b" + l);
            prev = next;
        }
        return b.in("x", r.randn(n, d)).in("y", r.randint(c, n)).match(names.toArray(String[]::new)).build();
    }

    /**
     * The notebook's overfitting check in small: a fully-connected net trained by the Solver (SGD) on
     * n random inputs with random labels must fit every one; the judge scores its predictions. With
     * d ≥ n the points are separable whatever the labels, so a working net fits them with room to spare.
     */
    public static Case fcOverfit(String label, boolean hidden, int[] dims, int n, int d, int c, long seed) {
        RandomState r = new RandomState(seed);
        DMatrixRMaj x = r.randn(n, d);
        int[] y = r.randint(c, n);
        return new Builder("FullyConnectedNet.overfit", "FullyConnectedNet.overfit", label, hidden).in("hiddenDims", dims).in("D", d)
                .in("C", c).in("weightScale", 0.1).in("learningRate", 0.2).in("numEpochs", 60).in("batchSize", 25).in("seed", seed + 1)
                .in("x", x).in("y", y).secret("yTrain", y).out(Case.Output.accuracy("predictions", "yTrain", 1.0)).build();
    }

    /** Activations.relu on z. */
    public static Case mnistRelu(String label, boolean hidden, DMatrixRMaj z) {
        return builder("Activations.relu", label, hidden).in("z", z).match("a").build();
    }

    /** Activations.reluDer on random inputs. */
    public static Case mnistReluDer(String label, boolean hidden, int rows, int cols, long seed) {
        RandomState r = new RandomState(seed);
        return builder("Activations.reluDer", label, hidden).in("z", r.randn(rows, cols)).in("dA", r.randn(rows, cols)).match("dZ").build();
    }

    /** Activations.softmaxCrossEntropyLoss on z (classes × examples) and labels. */
    public static Case mnistSoftmax(String label, boolean hidden, DMatrixRMaj z, int[] y) {
        return builder("Activations.softmaxCrossEntropyLoss", label, hidden).in("z", z).in("y", y).match("a", "loss").build();
    }

    /** Activations.softmaxCrossEntropyLossDer on a random column-stochastic A (classes × examples). */
    public static Case mnistSoftmaxDer(String label, boolean hidden, int classes, int m, long seed) {
        RandomState r = new RandomState(seed);
        DMatrixRMaj a = r.rand(classes, m);
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int i = 0; i < classes; i++) {
                sum += a.get(i, j);
            }
            for (int i = 0; i < classes; i++) {
                a.set(i, j, a.get(i, j) / sum);
            }
        }
        return builder("Activations.softmaxCrossEntropyLossDer", label, hidden).in("a", a).in("y", r.randint(classes, m))
                .match("dZ").build();
    }

    /** MultiLayer.initializeNetwork for {@code dims}. */
    public static Case mnistInit(String label, boolean hidden, int[] dims, long seed) {
        Builder b = builder("MultiLayer.initializeNetwork", label, hidden).in("dims", dims).in("seed", seed);
        for (int l = 1; l < dims.length; l++) {
            b.out(init("W" + l, 0.15), init("b" + l, 0.15));
        }
        return b.build();
    }

    /** MultiLayer.linearForward on aPrev, W, b. */
    public static Case linearForward(String label, boolean hidden, DMatrixRMaj aPrev, DMatrixRMaj w, DMatrixRMaj b) {
        return builder("MultiLayer.linearForward", label, hidden).in("aPrev", aPrev).in("W", w).in("b", b).match("z").build();
    }

    /** MultiLayer.linearBackward on random inputs: W n×k, aPrev k×m. */
    public static Case linearBackward(String label, boolean hidden, int n, int k, int m, long seed) {
        RandomState r = new RandomState(seed);
        return builder("MultiLayer.linearBackward", label, hidden).in("W", r.randn(n, k)).in("b", r.randn(n, 1)).in("aPrev", r.randn(k, m))
                .in("dZ", r.randn(n, m)).match("dAPrev", "dW", "db").build();
    }

    /** MultiLayer.classify with a random net of sizes {@code dims} on m examples. */
    public static Case classify(String label, boolean hidden, int[] dims, int m, long seed) {
        RandomState r = new RandomState(seed);
        Builder b = builder("MultiLayer.classify", label, hidden);
        for (int l = 1; l < dims.length; l++) {
            b.in("W" + l, r.randn(dims[l], dims[l - 1])).in("b" + l, r.randn(dims[l], 1));
        }
        return b.in("x", r.randn(dims[0], m)).match("predictions").build();
    }

    /** MultiLayer.updateParameters on a random net and gradients. */
    public static Case updateParameters(String label, boolean hidden, int[] dims, double alpha, long seed) {
        RandomState r = new RandomState(seed);
        Builder b = new Builder("MultiLayer.train", "MultiLayer.updateParameters", label, hidden).in("alpha", alpha);
        List<String> names = new ArrayList<>();
        for (int l = 1; l < dims.length; l++) {
            b.in("param W" + l, r.randn(dims[l], dims[l - 1])).in("param b" + l, r.randn(dims[l], 1))
                    .in("grad W" + l, r.randn(dims[l], dims[l - 1])).in("grad b" + l, r.randn(dims[l], 1));
            names.add("W" + l);
            names.add("b" + l);
        }
        return b.match(names.toArray(String[]::new)).build();
    }

    /** MultiLayer.multiLayerNetwork: {@code iterations} of full-batch training, costs and weights against the reference's. */
    public static Case multiLayerNetwork(String label, boolean hidden, int[] dims, int m, int iterations, long seed) {
        RandomState r = new RandomState(seed);
        Builder b = new Builder("MultiLayer.train", "MultiLayer.multiLayerNetwork", label, hidden).in("x", r.randn(dims[0], m))
                .in("y", r.randint(dims[dims.length - 1], m)).in("dims", dims).in("numIterations", iterations).in("learningRate", 0.1)
                .in("seed", seed + 1).out(match("costs", TRAINED));
        for (int l = 1; l < dims.length; l++) {
            b.out(match("W" + l, TRAINED), match("b" + l, TRAINED));
        }
        return b.build();
    }

    /** One of PA2's helpers ({@code op} = Pa2.relu, Pa2.softmax, Pa2.computeLayer, Pa2.averageCe, Pa2.gradCe) on given inputs. */
    public static Case pa2(String op, String label, boolean hidden, Map<String, Object> inputs, String output) {
        Builder b = builder(op, label, hidden);
        inputs.forEach(b::in);
        return b.match(output).build();
    }

    /** A PA2 net F → H → K with random weights and biases, and n one-hot targets. */
    private static Builder pa2Net(String exercise, String label, boolean hidden, int n, int f, int h, int k, long seed) {
        RandomState r = new RandomState(seed);
        int[] labels = r.randint(k, n);
        DMatrixRMaj target = new DMatrixRMaj(n, k);
        for (int i = 0; i < n; i++) {
            target.set(i, labels[i], 1.0);
        }
        return builder(exercise, label, hidden).in("Wh", scaled(r.randn(f, h), 0.5)).in("bh", scaled(r.randn(1, h), 0.5))
                .in("Wo", scaled(r.randn(h, k), 0.5)).in("bo", scaled(r.randn(1, k), 0.5)).in("x", r.randn(n, f)).in("target", target);
    }

    /** Pa2Net.forwardProp on a random net. */
    public static Case pa2Forward(String label, boolean hidden, int n, int f, int h, int k, long seed) {
        return pa2Net("Pa2Net.forwardProp", label, hidden, n, f, h, k, seed).match("zh", "xh", "zo", "xo").build();
    }

    /** Pa2Net.backProp on a random net, against the reference's gradients. */
    public static Case pa2Backward(String label, boolean hidden, int n, int f, int h, int k, long seed) {
        return pa2Net("Pa2Net.backProp", label, hidden, n, f, h, k, seed).match("grad Wo", "grad bo", "grad Wh", "grad bh").build();
    }

    /** Pa2Net.train: full-batch momentum for a few epochs, losses and weights against the reference's. */
    public static Case pa2Train(String label, boolean hidden, int n, int f, int h, int k, int epochs, long seed) {
        return pa2Net("Pa2Net.train", label, hidden, n, f, h, k, seed).in("epochs", epochs).in("learningRate", 0.1).in("gamma", 0.9)
                .out(match("trainLoss", TRAINED), match("Wh", TRAINED), match("bh", TRAINED), match("Wo", TRAINED), match("bo", TRAINED))
                .build();
    }

    /** A copy of {@code m} times {@code s}. */
    public static DMatrixRMaj scaled(DMatrixRMaj m, double s) {
        DMatrixRMaj out = m.copy();
        for (int i = 0; i < out.getNumElements(); i++) {
            out.data[i] *= s;
        }
        return out;
    }
}

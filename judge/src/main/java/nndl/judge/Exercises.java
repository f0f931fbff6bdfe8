package nndl.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nndl.layers.Affine;
import nndl.layers.Relu;
import nndl.multilayer.ActivationCache;
import nndl.multilayer.Activations;
import nndl.multilayer.LayerGradients;
import nndl.multilayer.LinearCache;
import nndl.multilayer.MultiLayer;
import nndl.multilayer.SoftmaxCache;
import nndl.multilayer.SoftmaxOutput;
import nndl.multilayer.TrainingResult;
import nndl.nets.FcTwoLayerNet;
import nndl.nets.FullyConnectedNet;
import nndl.nets.LossAndGrads;
import nndl.neuralnet.Lab3Net;
import nndl.neuralnet.TrainOptions;
import nndl.neuralnet.TrainStats;
import nndl.neuralnet.TwoLayerNet;
import nndl.pa2.MomentumHistory;
import nndl.pa2.MomentumOptions;
import nndl.pa2.Pa2;
import nndl.pa2.Pa2Forward;
import nndl.pa2.Pa2Gradients;
import nndl.pa2.Pa2Net;
import nndl.random.NpRandom;
import nndl.optim.Sgd;
import nndl.random.RandomState;
import nndl.solver.Solver;
import nndl.solver.SolverData;
import nndl.solver.SolverOptions;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * Runs one operation of an exercise on named inputs and returns its named outputs: the only code
 * between the judge's pipe and a library (docs/editions.md, "The judge"). The judge calls it on the
 * reference library in its own JVM and, through {@link WorkerMain}, on the hand-in's library in the
 * sandbox; it holds no expected value and no answer, only calls.
 */
public final class Exercises {
    /**
     * The name of an output that is an input as the call left it, for the exercises whose instructions
     * say not to modify that input: matched against the reference's, which leaves it as sent.
     */
    public static final String INPUT_AFTER = "input unchanged: ";

    private Exercises() {
    }

    /**
     * Runs {@code op} (an operation name such as {@code "TwoLayerNet.loss"}) on {@code in}.
     *
     * @return the outputs by name (new values; the inputs are not modified)
     * @throws IllegalArgumentException naming an unknown operation or a missing input
     */
    public static Map<String, Object> run(String op, Map<String, Object> in) {
        Inputs a = new Inputs(op, in);
        Map<String, Object> out = new LinkedHashMap<>();
        switch (op) {
            case "Affine.affineForward" -> out.put("out", Affine.affineForward(a.m("x"), a.m("w"), a.m("b")).out());
            case "Affine.affineBackward" -> {
                Affine.Grads g = Affine.affineBackward(a.m("dout"), new Affine.Cache(a.m("x"), a.m("w"), a.m("b")));
                out.put("dx", g.dx());
                out.put("dw", g.dw());
                out.put("db", g.db());
            }
            case "Relu.reluForward" -> {
                DMatrixRMaj x = a.m("x");
                out.put("out", Relu.reluForward(x).out());
                out.put(INPUT_AFTER + "x", x); // the block's instructions: x itself must not change
            }
            case "Relu.reluBackward" -> {
                DMatrixRMaj dout = a.m("dout");
                out.put("dx", Relu.reluBackward(dout, new Relu.Cache(a.m("x"))));
                out.put(INPUT_AFTER + "dout", dout); // the block's instructions: do not modify dout
            }
            case "TwoLayerNet.scores" -> out.put("scores", twoLayerNet(a).loss(a.m("x")));
            case "TwoLayerNet.loss" -> {
                TwoLayerNet net = twoLayerNet(a);
                out.put("scores", net.loss(a.m("x")));
                out.put("loss", net.loss(a.m("x"), a.labels("y"), a.d("reg")).loss());
            }
            case "TwoLayerNet.gradients" -> grads(out, twoLayerNet(a).loss(a.m("x"), a.labels("y"), a.d("reg")));
            case "TwoLayerNet.predict" -> out.put("predictions", twoLayerNet(a).predict(a.m("x")));
            case "TwoLayerNet.train" -> {
                TwoLayerNet net = twoLayerNet(a);
                NpRandom.seed((long) a.d("seed"));
                TrainOptions options = new TrainOptions().withLearningRate(a.d("learningRate"))
                        .withLearningRateDecay(a.d("learningRateDecay")).withReg(a.d("reg"))
                        .withNumIters((int) a.d("numIters")).withBatchSize((int) a.d("batchSize")).withVerbose(false);
                TrainStats stats = net.train(a.m("x"), a.labels("y"), a.m("x"), a.labels("y"), options);
                out.put("lossHistory", row(stats.lossHistory()));
                out.put("finalLoss", stats.finalLoss());
                params(out, net.params(), "");
                if (a.has("xTest")) {
                    out.put("predictions", net.predict(a.m("xTest")));
                }
            }
            case "Lab3Net.loss" -> {
                Lab3Net net = new Lab3Net(a.m("W1"), a.m("b1"), a.m("W2"), a.m("b2"));
                out.put("scores", net.loss(a.m("x")));
                LossAndGrads lg = net.loss(a.m("x"), a.labels("y"), a.d("reg"));
                out.put("loss", lg.loss());
                grads(out, lg);
            }
            case "FcTwoLayerNet.init" -> params(out, new FcTwoLayerNet(new FcTwoLayerNet.Options((int) a.d("D"), (int) a.d("H"),
                    (int) a.d("C"), 0.0, a.d("weightScale"), 0.0), new RandomState((long) a.d("seed"))).params(), "");
            case "FcTwoLayerNet.loss" -> {
                DMatrixRMaj w1 = a.m("W1");
                FcTwoLayerNet net = new FcTwoLayerNet(new FcTwoLayerNet.Options(w1.numRows, w1.numCols, a.m("W2").numCols, 0.0,
                        1e-3, a.d("reg")), new RandomState(0));
                setParams(net.params(), a, op);
                out.put("scores", net.loss(a.m("x")));
                LossAndGrads lg = net.loss(a.m("x"), a.labels("y"));
                out.put("loss", lg.loss());
                grads(out, lg);
            }
            case "FullyConnectedNet.init" -> params(out, new FullyConnectedNet(fcOptions(a, a.d("weightScale"), 0.0),
                    new RandomState((long) a.d("seed"))).params(), "");
            case "FullyConnectedNet.loss" -> {
                FullyConnectedNet net = new FullyConnectedNet(fcOptions(a, 1e-2, a.d("reg")), new RandomState(0));
                setParams(net.params(), a, op);
                out.put("scores", net.loss(a.m("x")));
                LossAndGrads lg = net.loss(a.m("x"), a.labels("y"));
                out.put("loss", lg.loss());
                grads(out, lg);
            }
            case "FullyConnectedNet.overfit" -> {
                FullyConnectedNet net = new FullyConnectedNet(fcOptions(a, a.d("weightScale"), 0.0), new RandomState((long) a.d("seed")));
                Solver solver = new Solver(net, new SolverData(a.m("x"), a.labels("y"), a.m("x"), a.labels("y")), SolverOptions.defaults()
                        .withUpdateRule(new Sgd(a.d("learningRate"))).withNumEpochs((int) a.d("numEpochs"))
                        .withBatchSize((int) a.d("batchSize")).withVerbose(false).withSeed((long) a.d("seed")));
                solver.train();
                out.put("predictions", Matrices.argmaxRows(net.loss(a.m("x"))));
            }
            case "Activations.relu" -> out.put("a", Activations.relu(a.m("z")).a());
            case "Activations.reluDer" -> out.put("dZ", Activations.reluDer(a.m("dA"), new ActivationCache(a.m("z"))));
            case "Activations.softmaxCrossEntropyLoss" -> {
                SoftmaxOutput s = Activations.softmaxCrossEntropyLoss(a.m("z"), a.labels("y"));
                out.put("a", s.a());
                out.put("loss", s.loss().orElse(Double.NaN));
            }
            case "Activations.softmaxCrossEntropyLossDer" ->
                    out.put("dZ", Activations.softmaxCrossEntropyLossDer(a.labels("y"), new SoftmaxCache(a.m("a"))));
            case "MultiLayer.initializeNetwork" ->
                    params(out, MultiLayer.initializeNetwork(new RandomState((long) a.d("seed")), a.labels("dims")), "");
            case "MultiLayer.linearForward" -> out.put("z", MultiLayer.linearForward(a.m("aPrev"), a.m("W"), a.m("b")).z());
            case "MultiLayer.linearBackward" -> {
                LayerGradients g = MultiLayer.linearBackward(a.m("dZ"), new LinearCache(a.m("aPrev")), a.m("W"), a.m("b"));
                out.put("dAPrev", g.dAPrev());
                out.put("dW", g.dW());
                out.put("db", g.db());
            }
            case "MultiLayer.classify" -> out.put("predictions", MultiLayer.classify(a.m("x"), a.prefixed("")));
            case "MultiLayer.updateParameters" -> {
                Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
                a.prefixed("grad ").forEach((k, v) -> grads.put("d" + k, v));
                params(out, MultiLayer.updateParameters(a.prefixed("param "), grads, 0, a.d("alpha")), "");
            }
            case "MultiLayer.multiLayerNetwork" -> {
                TrainingResult r = MultiLayer.multiLayerNetwork(a.m("x"), a.labels("y"), a.labels("dims"), (int) a.d("numIterations"),
                        a.d("learningRate"), false, new RandomState((long) a.d("seed")), nndl.util.ProgressListener.NONE);
                out.put("costs", row(r.costs()));
                params(out, r.parameters(), "");
            }
            case "Pa2.relu" -> out.put("out", Pa2.relu(a.m("x")));
            case "Pa2.softmax" -> out.put("out", Pa2.softmax(a.m("x")));
            case "Pa2.computeLayer" -> out.put("out", Pa2.computeLayer(a.m("x"), a.m("w"), a.m("b")));
            case "Pa2.averageCe" -> out.put("loss", Pa2.averageCe(a.m("target"), a.m("prediction")));
            case "Pa2.gradCe" -> out.put("grad", Pa2.gradCe(a.m("target"), a.m("prediction")));
            case "Pa2Net.forwardProp" -> {
                Pa2Forward f = pa2Net(a).forwardProp(a.m("x"));
                out.put("zh", f.zh());
                out.put("xh", f.xh());
                out.put("zo", f.zo());
                out.put("xo", f.xo());
            }
            case "Pa2Net.backProp" -> {
                Pa2Net net = pa2Net(a);
                Pa2Gradients g = net.backProp(net.forwardProp(a.m("x")), a.m("target"));
                g.byName().forEach((k, v) -> out.put("grad " + k, v));
            }
            case "Pa2Net.train" -> {
                Pa2Net net = pa2Net(a);
                MomentumHistory h = net.train(a.m("x"), a.m("target"), a.m("x"), a.m("target"),
                        new MomentumOptions((int) a.d("epochs"), a.d("learningRate"), a.d("gamma")));
                out.put("trainLoss", row(h.trainLoss()));
                params(out, net.params(), "");
            }
            default -> throw new IllegalArgumentException("Exercises.run: unknown operation '" + op + "'");
        }
        return out;
    }

    private static TwoLayerNet twoLayerNet(Inputs a) {
        DMatrixRMaj w1 = a.m("W1");
        TwoLayerNet net = new TwoLayerNet(w1.numCols, w1.numRows, a.m("W2").numRows, 1e-4, new RandomState(0));
        setParams(net.params(), a, "TwoLayerNet");
        return net;
    }

    private static Pa2Net pa2Net(Inputs a) {
        DMatrixRMaj wh = a.m("Wh");
        Pa2Net net = new Pa2Net(wh.numRows, wh.numCols, a.m("Wo").numCols, new RandomState(0));
        setParams(net.params(), a, "Pa2Net");
        return net;
    }

    private static FullyConnectedNet.Options fcOptions(Inputs a, double scale, double reg) {
        List<Integer> hidden = new ArrayList<>();
        for (int h : a.labels("hiddenDims")) {
            hidden.add(h);
        }
        return new FullyConnectedNet.Options(hidden, (int) a.d("D"), (int) a.d("C"), 0.0, false, reg, scale, null);
    }

    /** Sets every parameter of {@code params} from the input of the same name (shapes must agree). */
    private static void setParams(Map<String, DMatrixRMaj> params, Inputs a, String what) {
        for (Map.Entry<String, DMatrixRMaj> p : params.entrySet()) {
            DMatrixRMaj given = a.m(p.getKey());
            if (p.getValue().numRows != given.numRows || p.getValue().numCols != given.numCols) {
                throw new IllegalArgumentException(what + ": parameter " + p.getKey() + " is " + p.getValue().numRows + "×"
                        + p.getValue().numCols + " in the net, " + given.numRows + "×" + given.numCols + " in the case");
            }
            p.getValue().setTo(given);
        }
    }

    private static void params(Map<String, Object> out, Map<String, DMatrixRMaj> params, String prefix) {
        params.forEach((k, v) -> out.put(prefix + k, v.copy()));
    }

    private static void grads(Map<String, Object> out, LossAndGrads lg) {
        lg.grads().forEach((k, v) -> out.put("grad " + k, v.copy()));
    }

    private static DMatrixRMaj row(List<Double> values) {
        DMatrixRMaj m = new DMatrixRMaj(1, values.size());
        for (int i = 0; i < values.size(); i++) {
            m.data[i] = values.get(i);
        }
        return m;
    }

    /** Typed access to a request's inputs, each read as a copy so that no exercise changes the case. */
    private record Inputs(String op, Map<String, Object> in) {
        boolean has(String name) {
            return in.containsKey(name);
        }

        DMatrixRMaj m(String name) {
            return get(name, DMatrixRMaj.class).copy();
        }

        double d(String name) {
            return get(name, Double.class);
        }

        int[] labels(String name) {
            return get(name, int[].class).clone();
        }

        /** The matrices whose names start with {@code prefix}, in order, with the prefix removed. */
        Map<String, DMatrixRMaj> prefixed(String prefix) {
            Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
            in.forEach((k, v) -> {
                if (k.startsWith(prefix) && v instanceof DMatrixRMaj m && k.substring(prefix.length()).matches("[Wb][0-9]+")) {
                    out.put(k.substring(prefix.length()), m.copy());
                }
            });
            return out;
        }

        private <T> T get(String name, Class<T> type) {
            Object v = in.get(name);
            if (!type.isInstance(v)) {
                throw new IllegalArgumentException(op + ": input '" + name + "' is " + (v == null ? "missing" : "a " + v.getClass().getSimpleName())
                        + ", expected a " + type.getSimpleName());
            }
            return type.cast(v);
        }
    }
}

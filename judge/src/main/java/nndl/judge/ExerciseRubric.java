package nndl.judge;

import java.util.List;
import java.util.Optional;

/**
 * The rubric of the judge, in one place (spec §10.3, §10.5): every exercise with its points, in
 * notebook order. An exercise earns its points when every case, public and hidden, passes; it earns 0
 * otherwise, so an answer tuned to a notebook's printed numbers earns nothing. Totals per notebook:
 * two_layer_nn 30, fc_nets 20, mnist_multilayer 100, momentum_training 20 (spec §4); the two
 * accuracy-on-CIFAR-10 entries need the full dataset and are "not graded on this data" otherwise.
 */
public final class ExerciseRubric {
    /** The exercises in notebook order. */
    public static final List<Exercise> EXERCISES = List.of(
            ex("TwoLayerNet.scores", "two_layer_nn", 4, "the scores of the forward pass", "TwoLayerNet.loss"),
            ex("TwoLayerNet.loss", "two_layer_nn", 3, "the softmax loss with ½·reg·(‖W1‖² + ‖W2‖²)", "TwoLayerNet.loss"),
            ex("TwoLayerNet.gradients", "two_layer_nn", 4, "the gradients of W1, b1, W2, b2 against the reference's", "TwoLayerNet.loss"),
            ex("TwoLayerNet.train", "two_layer_nn", 3, "minibatch SGD with the seed's decay: losses and weights, toy training loss",
                    "TwoLayerNet.train", "TwoLayerNet.loss"),
            ex("TwoLayerNet.predict", "two_layer_nn", 3, "predictions agree with the reference net's on the same weights; "
                    + "accuracy after training on data the judge labels", "TwoLayerNet.predict"),
            full("TwoLayerNet.cifar_accuracy", "two_layer_nn", 13, "validation and test accuracy of the tuned net on CIFAR-10"),
            ex("Lab3Net.loss", "two_layer_nn", 0, "seed 003's conventions: scores, loss, gradients (ungraded comparison)", "Lab3Net.loss"),

            ex("Affine.affineForward", "fc_nets", 2, "x·w + b", "Affine.affineForward"),
            ex("Affine.affineBackward", "fc_nets", 2, "dx, dw, db", "Affine.affineBackward"),
            ex("Relu.reluForward", "fc_nets", 1, "max(0, x)", "Relu.reluForward"),
            ex("Relu.reluBackward", "fc_nets", 1, "dx", "Relu.reluBackward"),
            ex("FcTwoLayerNet.init", "fc_nets", 2, "shapes, zero biases, weight scale", "FcTwoLayerNet.FcTwoLayerNet"),
            ex("FcTwoLayerNet.loss", "fc_nets", 3, "scores, loss and gradients", "FcTwoLayerNet.loss"),
            ex("FullyConnectedNet.init", "fc_nets", 2, "shapes, zero biases, weight scale", "FullyConnectedNet.FullyConnectedNet"),
            ex("FullyConnectedNet.loss", "fc_nets", 2, "scores, loss and gradients of deeper nets", "FullyConnectedNet.loss"),
            ex("FullyConnectedNet.overfit", "fc_nets", 2, "trained by the Solver on 50 examples, it fits every one (train accuracy 1)",
                    "FullyConnectedNet.loss", "FullyConnectedNet.FullyConnectedNet"),
            full("Solver.cifar_accuracy", "fc_nets", 3, "validation accuracy of the solver on CIFAR-10"),

            ex("Activations.relu", "mnist_multilayer", 10, "relu", "Activations.relu"),
            ex("Activations.reluDer", "mnist_multilayer", 15, "relu derivative", "Activations.reluDer"),
            ex("Activations.softmaxCrossEntropyLoss", "mnist_multilayer", 15, "column softmax and loss",
                    "Activations.softmaxCrossEntropyLoss"),
            ex("Activations.softmaxCrossEntropyLossDer", "mnist_multilayer", 15, "dZ", "Activations.softmaxCrossEntropyLossDer"),
            ex("MultiLayer.initializeNetwork", "mnist_multilayer", 10, "shapes, zero biases, weight scale", "MultiLayer.initializeNetwork"),
            ex("MultiLayer.linearForward", "mnist_multilayer", 5, "W·A + b", "MultiLayer.linearForward"),
            ex("MultiLayer.linearBackward", "mnist_multilayer", 10, "dA_prev, dW, db", "MultiLayer.linearBackward"),
            ex("MultiLayer.classify", "mnist_multilayer", 10, "predictions of a deep net", "MultiLayer.classify"),
            ex("MultiLayer.train", "mnist_multilayer", 10, "the gradient step and training iterations: costs and weights",
                    "MultiLayer.updateParameters", "MultiLayer.multiLayerNetwork"),

            ex("Pa2.relu", "momentum_training", 2, "relu", "Pa2.relu"),
            ex("Pa2.softmax", "momentum_training", 2, "row softmax", "Pa2.softmax"),
            ex("Pa2.computeLayer", "momentum_training", 2, "x·W + b", "Pa2.computeLayer"),
            ex("Pa2.averageCe", "momentum_training", 2, "average cross-entropy", "Pa2.averageCe"),
            ex("Pa2.gradCe", "momentum_training", 2, "gradient at the softmax input", "Pa2.gradCe"),
            ex("Pa2Net.forwardProp", "momentum_training", 2, "z_h, x_h, z_o, x_o", "Pa2Net.forwardProp"),
            ex("Pa2Net.backProp", "momentum_training", 6, "∂L/∂W_o, ∂L/∂b_o, ∂L/∂W_h, ∂L/∂b_h against the reference's",
                    "Pa2Net.backProp"),
            ex("Pa2Net.train", "momentum_training", 2, "momentum updates: losses and weights", "Pa2Net.train"));

    private ExerciseRubric() {
    }

    private static Exercise ex(String id, String notebook, int points, String what, String... methods) {
        return new Exercise(id, notebook, points, what, List.of(methods), false);
    }

    private static Exercise full(String id, String notebook, int points, String what) {
        return new Exercise(id, notebook, points, what, List.of(), true);
    }

    /** The exercise with this id, if any. */
    public static Optional<Exercise> find(String id) {
        return EXERCISES.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Points at stake in all (graded on any data or not). */
    public static int points() {
        return EXERCISES.stream().mapToInt(Exercise::points).sum();
    }
}

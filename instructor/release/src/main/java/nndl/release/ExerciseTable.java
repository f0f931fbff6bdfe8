package nndl.release;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which notebook each exercise belongs to and which checks of the rubric ({@code nndl.grade.Rubric})
 * exercise it, in notebook order: the order of this table is the order the student meets the exercises,
 * and the student README lists them so. A check named here runs the exercise's code (directly or as the
 * next step after it). How an exercise is graded is the judge's ({@code nndl.judge.ExerciseRubric}).
 *
 * <p>{@code ExerciseTableTest} proves the table against the instructor tree and the rubric: every block
 * of {@code lib/} has exactly one row, every check exists, and the rows follow the rubric's order.
 */
public final class ExerciseTable {
    /**
     * One exercise.
     *
     * @param notebook the notebook (without extension) that first runs it
     * @param title    the block's {@code Class.method: block name}
     * @param checks   the rubric ids of the checks it feeds, the notebook's first, e.g. {@code two_layer_nn.toy_scores}
     */
    public record Exercise(String notebook, String title, List<String> checks) {
    }

    private static Exercise row(String notebook, String title, String... checks) {
        return new Exercise(notebook, title, List.of(checks));
    }

    /** The exercises in notebook order. Add a row when a block is added to {@code lib/}. */
    public static final List<Exercise> ROWS = List.of(
            row("two_layer_nn", "TwoLayerNet.loss: forward pass", "two_layer_nn.toy_scores"),
            row("two_layer_nn", "TwoLayerNet.loss: loss", "two_layer_nn.toy_loss"),
            row("two_layer_nn", "TwoLayerNet.loss: backward pass", "two_layer_nn.backward"),
            row("two_layer_nn", "TwoLayerNet.train: minibatch sampling", "two_layer_nn.toy_training",
                    "two_layer_nn.sgd_val_acc"),
            row("two_layer_nn", "TwoLayerNet.train: SGD step", "two_layer_nn.toy_training", "two_layer_nn.sgd_val_acc"),
            row("two_layer_nn", "TwoLayerNet.predict: prediction", "two_layer_nn.sgd_val_acc", "two_layer_nn.tuning",
                    "two_layer_nn.test_acc"),
            row("two_layer_nn", "Lab3Net.loss: forward pass", "two_layer_nn.lab3_loss"),
            row("two_layer_nn", "Lab3Net.loss: loss", "two_layer_nn.lab3_loss"),
            row("two_layer_nn", "Lab3Net.loss: backward pass", "two_layer_nn.lab3_gradients"),
            row("two_layer_nn", "Lab3Net.train: SGD step"),
            row("fc_nets", "Affine.affineForward: affine forward", "fc_nets.affine_forward", "fc_nets.affine_relu"),
            row("fc_nets", "Affine.affineBackward: affine backward", "fc_nets.affine_backward", "fc_nets.affine_relu"),
            row("fc_nets", "Relu.reluForward: relu forward", "fc_nets.relu_forward", "fc_nets.affine_relu"),
            row("fc_nets", "Relu.reluBackward: relu backward", "fc_nets.relu_backward", "fc_nets.affine_relu"),
            row("fc_nets", "FcTwoLayerNet.FcTwoLayerNet: initialisation", "fc_nets.two_layer_net"),
            row("fc_nets", "FcTwoLayerNet.loss: forward pass", "fc_nets.two_layer_net", "fc_nets.solver_val_acc"),
            row("fc_nets", "FcTwoLayerNet.loss: backward pass", "fc_nets.two_layer_net", "fc_nets.solver_val_acc"),
            row("fc_nets", "FullyConnectedNet.FullyConnectedNet: initialisation", "fc_nets.fc_net_gradcheck",
                    "fc_nets.overfit"),
            row("fc_nets", "FullyConnectedNet.loss: forward pass", "fc_nets.fc_net_gradcheck", "fc_nets.overfit"),
            row("fc_nets", "FullyConnectedNet.loss: backward pass", "fc_nets.fc_net_gradcheck", "fc_nets.overfit"),
            row("fc_nets", "FullyConnectedNet.loss: backward through a hidden block", "fc_nets.fc_net_gradcheck",
                    "fc_nets.overfit"),
            row("fc_nets", "FullyConnectedNet.loss: affine gradients with the L2 term", "fc_nets.fc_net_gradcheck",
                    "fc_nets.overfit"),
            row("mnist_multilayer", "Activations.relu: relu", "mnist_multilayer.relu"),
            row("mnist_multilayer", "Activations.reluDer: relu derivative", "mnist_multilayer.relu_der"),
            row("mnist_multilayer", "Activations.softmaxCrossEntropyLoss: softmax and loss", "mnist_multilayer.softmax_ce"),
            row("mnist_multilayer", "Activations.softmaxCrossEntropyLossDer: softmax cross-entropy derivative",
                    "mnist_multilayer.softmax_ce_der"),
            row("mnist_multilayer", "MultiLayer.initializeNetwork: initialisation", "mnist_multilayer.initialize_network"),
            row("mnist_multilayer", "MultiLayer.linearForward: linear forward", "mnist_multilayer.linear_forward"),
            row("mnist_multilayer", "MultiLayer.linearBackward: linear backward", "mnist_multilayer.linear_backward"),
            row("mnist_multilayer", "MultiLayer.classify: prediction", "mnist_multilayer.classify"),
            row("mnist_multilayer", "MultiLayer.updateParameters: gradient step", "mnist_multilayer.train_acc",
                    "mnist_multilayer.test_acc"),
            row("mnist_multilayer", "MultiLayer.multiLayerNetwork: one training iteration", "mnist_multilayer.train_acc",
                    "mnist_multilayer.test_acc"),
            row("momentum_training", "Pa2.relu: ReLU", "momentum_training.relu"),
            row("momentum_training", "Pa2.softmax: row-wise softmax", "momentum_training.softmax"),
            row("momentum_training", "Pa2.computeLayer: affine layer", "momentum_training.compute_layer"),
            row("momentum_training", "Pa2.averageCe: average cross-entropy", "momentum_training.average_ce"),
            row("momentum_training", "Pa2.gradCe: gradient of the loss at the softmax input", "momentum_training.grad_ce"),
            row("momentum_training", "Pa2Net.forwardProp: forward pass", "momentum_training.grad_wo",
                    "momentum_training.grad_bo", "momentum_training.grad_wh", "momentum_training.grad_bh",
                    "momentum_training.train_acc"),
            row("momentum_training", "Pa2Net.backProp: the four gradients", "momentum_training.grad_wo",
                    "momentum_training.grad_bo", "momentum_training.grad_wh", "momentum_training.grad_bh"),
            row("momentum_training", "Pa2Net.train: momentum update", "momentum_training.train_acc"));

    private static final Map<String, Exercise> BY_TITLE =
            ROWS.stream().collect(Collectors.toUnmodifiableMap(Exercise::title, Function.identity()));

    private ExerciseTable() {
    }

    /** Returns the row of the block titled {@code title} ({@code Class.method: block name}), or null. */
    public static Exercise of(String title) {
        return BY_TITLE.get(title);
    }
}

package nndl.grade;

import static nndl.grade.Criterion.atLeast;
import static nndl.grade.Criterion.atMost;
import static nndl.grade.Criterion.equalTo;
import static nndl.grade.Criterion.greaterThan;
import static nndl.grade.Criterion.lessThan;
import static nndl.grade.Criterion.ramp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The workbook's rubric: every graded check of the notebooks of README.md's "What is inside", in notebook order. Totals: two_layer_nn 30,
 * fc_nets 20, mnist_multilayer 100, momentum_training 20; the backprop exercises are derivations graded by
 * a person, so their numeric checks are listed with 0 points ("ungraded").
 *
 * <p>momentum_training (the ECE421 PA2 helpers of {@code nndl.pa2}): 2 points for each of the five
 * helpers checked on a small hand-computed input (relu, softmax, computeLayer, averageCe, gradCe), 2 for
 * each of the four gradients of the derivation checked numerically (∂L/∂W_o, ∂L/∂b_o, ∂L/∂W_h, ∂L/∂b_h),
 * and 2 for a training accuracy above 0.9 after 200 epochs of momentum on the MNIST sample (the same
 * threshold on the subset and on full MNIST, as in mnist_multilayer).
 *
 * <p>The lab-3 section closing two_layer_nn ({@code nndl.neuralnet.Lab3Net}) is a comparison of
 * conventions: its two checks (the toy loss under seed 003's penalty, its gradients against numeric ones)
 * are ungraded, so two_layer_nn keeps the seed's 30 points.
 *
 * <p>These are the notebooks' own checks, recorded in each notebook for the student to read. A grade
 * comes from the judge alone ({@code nndl.judge.ExerciseRubric}: each exercise on its public and
 * hidden cases, spec §10.3); a record in a notebook never counts towards it.
 */
public final class Rubric {
    /** The notebooks in the order they run and appear in the report. */
    public static final List<String> NOTEBOOKS =
            List.of("two_layer_nn", "fc_nets", "mnist_multilayer", "backprop_exercises", "momentum_training");

    private static final Map<String, Check> CHECKS = build();

    private Rubric() {
    }

    private static Map<String, Check> build() {
        List<Check> all = List.of(
                partial("two_layer_nn", "toy_scores", "sum of abs diff of the toy scores", 4, lessThan(1e-7)),
                partial("two_layer_nn", "toy_loss", "abs diff of the toy loss", 3, lessThan(1e-12)),
                partial("two_layer_nn", "backward", "max rel err of W1, b1, W2, b2", 4, lessThan(1e-8)),
                partial("two_layer_nn", "toy_training", "final toy training loss", 3, lessThan(0.02)),
                full("two_layer_nn", "sgd_val_acc", "validation accuracy after SGD", 3, atLeast(0.27)),
                full("two_layer_nn", "tuning", "best validation accuracy", 10, ramp(0.28, 0.50)),
                full("two_layer_nn", "test_acc", "test accuracy of the best net", 3, atLeast(0.45)),
                partial("two_layer_nn", "lab3_loss", "abs diff of the lab-3 toy loss from the seed's loss + ½reg‖W‖²", 0, lessThan(1e-12)),
                partial("two_layer_nn", "lab3_gradients", "max rel err of the lab-3 gradients, random biases penalised", 0, lessThan(1e-6)),

                partial("fc_nets", "affine_forward", "rel err of the output", 2, lessThan(1e-8)),
                partial("fc_nets", "affine_backward", "max rel err of dx, dw, db", 2, lessThan(1e-8)),
                partial("fc_nets", "relu_forward", "rel err of the output", 1, lessThan(1e-7)),
                partial("fc_nets", "relu_backward", "rel err of dx", 1, lessThan(1e-10)),
                partial("fc_nets", "affine_relu", "max rel err of dx, dw, db", 2, lessThan(1e-8)),
                partial("fc_nets", "softmax_loss", "rel err of dx", 1, lessThan(1e-7)),
                partial("fc_nets", "two_layer_net", "max rel err of the gradient checks", 4, lessThan(1e-6)),
                full("fc_nets", "solver_val_acc", "validation accuracy of the solver", 3, atLeast(0.50)),
                partial("fc_nets", "fc_net_gradcheck", "max rel err of the FC net gradients", 2, lessThan(1e-5)),
                partial("fc_nets", "overfit", "training accuracy on 50 images", 2, atLeast(1.0)),

                partial("mnist_multilayer", "relu", "max abs diff", 10, atMost(1e-12)),
                partial("mnist_multilayer", "relu_der", "max abs diff", 15, atMost(1e-12)),
                partial("mnist_multilayer", "softmax_ce", "max abs diff of softmax and loss", 15, lessThan(1.5e-5)),
                partial("mnist_multilayer", "softmax_ce_der", "max abs diff of the derivative", 15, lessThan(1.5e-5)),
                partial("mnist_multilayer", "initialize_network", "number of shape errors", 10, equalTo(0)),
                partial("mnist_multilayer", "linear_forward", "max abs diff vs reference", 5, lessThan(1e-10)),
                partial("mnist_multilayer", "linear_backward", "max rel err", 10, lessThan(1e-7)),
                partial("mnist_multilayer", "classify", "number of mismatches", 10, equalTo(0)),
                partial("mnist_multilayer", "train_acc", "training accuracy", 5, greaterThan(0.90)),
                partial("mnist_multilayer", "test_acc", "test accuracy", 5, greaterThan(0.85)),

                partial("backprop_exercises", "autoencoder", "rel err of ∇W", 0, lessThan(1e-7)),
                partial("backprop_exercises", "gplvm", "rel err of ∂L/∂X", 0, lessThan(1e-7)),
                partial("backprop_exercises", "swish", "max rel err of the swish net gradients", 0, lessThan(1e-7)),

                partial("momentum_training", "relu", "max abs diff", 2, atMost(1e-12)),
                partial("momentum_training", "softmax", "max abs diff", 2, lessThan(1e-12)),
                partial("momentum_training", "compute_layer", "max abs diff", 2, lessThan(1e-12)),
                partial("momentum_training", "average_ce", "abs diff", 2, lessThan(1e-12)),
                partial("momentum_training", "grad_ce", "max abs diff", 2, lessThan(1e-12)),
                partial("momentum_training", "grad_wo", "rel err of ∂L/∂W_o", 2, lessThan(1e-6)),
                partial("momentum_training", "grad_bo", "rel err of ∂L/∂b_o", 2, lessThan(1e-6)),
                partial("momentum_training", "grad_wh", "rel err of ∂L/∂W_h", 2, lessThan(1e-6)),
                partial("momentum_training", "grad_bh", "rel err of ∂L/∂b_h", 2, lessThan(1e-6)),
                partial("momentum_training", "train_acc", "training accuracy after 200 epochs", 2, greaterThan(0.90)));
        Map<String, Check> byId = new LinkedHashMap<>();
        for (Check check : all) {
            byId.put(check.id(), check);
        }
        return byId;
    }

    private static Check partial(String notebook, String name, String measures, int points, Criterion criterion) {
        return new Check(notebook, name, measures, points, criterion, false);
    }

    private static Check full(String notebook, String name, String measures, int points, Criterion criterion) {
        return new Check(notebook, name, measures, points, criterion, true);
    }

    /** Returns every check, in notebook order. */
    public static List<Check> checks() {
        return List.copyOf(CHECKS.values());
    }

    /** Returns the checks of {@code notebook} (a name without extension), in order; empty if unknown. */
    public static List<Check> checks(String notebook) {
        return CHECKS.values().stream().filter(c -> c.notebook().equals(notebook)).toList();
    }

    /** Returns the points at stake in {@code notebook}. */
    public static int points(String notebook) {
        return checks(notebook).stream().mapToInt(Check::points).sum();
    }

    /** Returns the check with this full id, if any. */
    public static Optional<Check> find(String id) {
        return Optional.ofNullable(CHECKS.get(id));
    }

    /**
     * Returns the check with this full id.
     *
     * @param id a full id such as {@code "two_layer_nn.toy_scores"}
     * @throws IllegalArgumentException naming the closest known ids when {@code id} is unknown
     */
    public static Check get(String id) {
        Check check = id == null ? null : CHECKS.get(id);
        if (check == null) {
            throw new IllegalArgumentException("Unknown grade check id '" + id + "'; closest known ids: "
                    + String.join(", ", closest(id == null ? "" : id, 4))
                    + " (all ids: Rubric.checks())");
        }
        return check;
    }

    /** Returns up to {@code limit} known ids closest to {@code id} by edit distance. */
    static List<String> closest(String id, int limit) {
        return CHECKS.keySet().stream()
                .sorted(Comparator.comparingInt((String known) -> similarity(id, known)).thenComparing(known -> known))
                .limit(limit)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** Edit distance to the full id or to its check name alone, so "toy_scores" finds its notebook. */
    private static int similarity(String id, String known) {
        String name = known.substring(known.indexOf('.') + 1);
        return Math.min(distance(id, known), distance(id, name));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

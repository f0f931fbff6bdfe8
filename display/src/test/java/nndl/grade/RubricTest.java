package nndl.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RubricTest {
    @Test
    void totalsMatchTheSeeds() {
        assertEquals(30, Rubric.points("two_layer_nn"));
        assertEquals(20, Rubric.points("fc_nets"));
        assertEquals(100, Rubric.points("mnist_multilayer"));
        assertEquals(0, Rubric.points("backprop_exercises"));
        assertEquals(20, Rubric.points("momentum_training"));
        assertEquals(42, Rubric.checks().size());
    }

    @Test
    void idsAreInNotebookOrder() {
        assertEquals(List.of("two_layer_nn.toy_scores", "two_layer_nn.toy_loss", "two_layer_nn.backward",
                        "two_layer_nn.toy_training", "two_layer_nn.sgd_val_acc", "two_layer_nn.tuning", "two_layer_nn.test_acc",
                        "two_layer_nn.lab3_loss", "two_layer_nn.lab3_gradients"),
                Rubric.checks("two_layer_nn").stream().map(Check::id).toList());
        assertEquals(List.of("autoencoder", "gplvm", "swish"),
                Rubric.checks("backprop_exercises").stream().map(Check::name).toList());
        assertTrue(Rubric.checks("backprop_exercises").stream().allMatch(Check::ungraded));
    }

    @Test
    void fullDatasetOnlyChecksAreTheCifarAccuracies() {
        assertEquals(List.of("two_layer_nn.sgd_val_acc", "two_layer_nn.tuning", "two_layer_nn.test_acc", "fc_nets.solver_val_acc"),
                Rubric.checks().stream().filter(Check::fullDatasetOnly).map(Check::id).toList());
    }

    @Test
    void thresholdsAndComparisonsFollowTheSpec() {
        assertEquals("< 1e-07", Rubric.get("two_layer_nn.toy_scores").criterion().describe());
        assertEquals("< 1e-12", Rubric.get("two_layer_nn.toy_loss").criterion().describe());
        assertEquals("≥ 0.27", Rubric.get("two_layer_nn.sgd_val_acc").criterion().describe());
        assertEquals("≤ 1e-12", Rubric.get("mnist_multilayer.relu_der").criterion().describe());
        assertEquals("< 1.5e-05", Rubric.get("mnist_multilayer.softmax_ce").criterion().describe());
        assertEquals("= 0", Rubric.get("mnist_multilayer.classify").criterion().describe());
        assertEquals("> 0.9", Rubric.get("mnist_multilayer.train_acc").criterion().describe());
        assertEquals("ramp 0.28 → 0.5", Rubric.get("two_layer_nn.tuning").criterion().describe());
    }

    @Test
    void boundariesAreStrictOrInclusiveAsStated() {
        Criterion relu = Rubric.get("mnist_multilayer.relu").criterion();
        assertTrue(relu.passed(1e-12));
        Criterion scores = Rubric.get("two_layer_nn.toy_scores").criterion();
        assertFalse(scores.passed(1e-7));
        assertTrue(Rubric.get("fc_nets.overfit").criterion().passed(1.0));
        assertFalse(Rubric.get("mnist_multilayer.test_acc").criterion().passed(0.85));
        assertTrue(Rubric.get("mnist_multilayer.test_acc").criterion().passed(0.851));
        assertFalse(Rubric.get("mnist_multilayer.classify").criterion().passed(1));
    }

    @Test
    void numbersFormatLikeTheSeed() {
        assertEquals("3.38e-08", Numbers.format(3.38e-8));
        assertEquals("1e-07", Numbers.format(1e-7));
        assertEquals("1.5e-05", Numbers.format(1.5e-5));
        assertEquals("0.513", Numbers.format(0.513));
        assertEquals("0.0145", Numbers.format(0.014497864587765886));
        assertEquals("2.302", Numbers.format(2.302087));
        assertEquals("0", Numbers.format(0));
        assertEquals("12", Numbers.format(12));
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("4.5", Numbers.points(4.5));
        assertEquals("5", Numbers.points(5.000000000000002));
        assertEquals("3.33", Numbers.points(10.0 / 3));
    }
}

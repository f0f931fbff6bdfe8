package nndl.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nndl.random.NpRandom;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * The public cases: the notebooks' own inputs where a notebook checks an exercise on fixed numbers
 * (labelled "the notebook's …"), else a small case of the notebook's kind. {@code ./workbook check}
 * runs these; the grader runs them together with its hidden cases.
 */
public final class PublicCases {
    private PublicCases() {
    }

    /** Every public case, in rubric order. */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        Map<String, DMatrixRMaj> toy = Cases.toyParams();
        DMatrixRMaj x = Cases.toyData();
        int[] y = {0, 1, 2, 2, 1};
        String toyLabel = "the notebook's toy net: 5×4 inputs, H 10, C 3";
        cases.add(Cases.twoLayerScores(toyLabel, false, toy, x));
        cases.add(Cases.twoLayerLoss(toyLabel + ", reg 0.05", false, toy, x, y, 0.05));
        cases.add(Cases.twoLayerGradients(toyLabel + ", reg 0.05", false, toy, x, y, 0.05));
        cases.add(Cases.toyTraining());
        cases.add(Cases.twoLayerPredict(toyLabel, false, toy, x));
        cases.add(Cases.lab3("a toy net of the lab-3 section's size: 5×4, H 10, C 3, reg 0.05", false, 5, 4, 10, 3, 0.05, 3));

        int inputSize = 4 * 5 * 6;
        cases.add(Cases.affineForward("the notebook's linspace inputs: 2×120 to 3", false,
                Matrices.linspace(-0.1, 0.5, 2 * inputSize, 2, inputSize), Matrices.linspace(-0.2, 0.3, 3 * inputSize, inputSize, 3),
                Matrices.linspace(-0.3, 0.1, 3, 1, 3)));
        cases.add(Cases.affineBackward("10×6 to 5, like the notebook's, seed 231", false, 10, 6, 5, 231));
        cases.add(Cases.reluForward("the notebook's linspace 3×4", false, Matrices.linspace(-0.5, 0.5, 12, 3, 4)));
        cases.add(Cases.reluBackward("10×10, like the notebook's, seed 231", false, 10, 10, 231));
        cases.add(Cases.fcTwoLayerInit("D 15, H 50, C 10, scale 1e-3, like the notebook's", false, 15, 50, 10, 1e-3, 0));
        cases.add(Cases.fcTwoLayerLoss("N 3, D 5, H 50, C 7, reg 0.1, like the notebook's", false, 3, 5, 50, 7, 0.1, 0));
        cases.add(Cases.fcNetInit("hidden [20, 30], D 15, C 10, scale 5e-2, like the notebook's", false, new int[] {20, 30}, 15, 10,
                5e-2, 231));
        cases.add(Cases.fcNetLoss("N 2, D 15, hidden [20, 30], C 10, reg 3.14, like the notebook's", false, new int[] {20, 30}, 2, 15,
                10, 3.14, 231));

        cases.add(Cases.fcOverfit("50 random inputs of D 50 in 10 classes, hidden [100, 100], like the notebook's 50 images", false,
                new int[] {100, 100}, 50, 50, 10, 61));
        cases.add(Cases.mnistRelu("the notebook's [-2, -1, 0, 1, 2]", false, Matrices.linspace(-2, 2, 5, 1, 5)));
        cases.add(Cases.mnistReluDer("3×4, like the notebook's, seed 1", false, 3, 4, 1));
        NpRandom.seed(1);
        cases.add(Cases.mnistSoftmax("the notebook's seed(1) randn(3, 4), labels [1, 0, 1, 2]", false, NpRandom.randn(3, 4),
                new int[] {1, 0, 1, 2}));
        cases.add(Cases.mnistSoftmaxDer("3 classes × 4 examples, like the notebook's, seed 1", false, 3, 4, 1));
        cases.add(Cases.mnistInit("sizes [50, 20, 10], seed 1", false, new int[] {50, 20, 10}, 1));
        NpRandom.seed(1);
        DMatrixRMaj aPrev = NpRandom.randn(3, 4);
        DMatrixRMaj w = NpRandom.randn(3, 3);
        DMatrixRMaj b = NpRandom.randn(3, 1);
        cases.add(Cases.linearForward("the notebook's seed(1): A_prev 3×4, W 3×3, b 3×1", false, aPrev, w, b));
        cases.add(Cases.linearBackward("W 3×3, A_prev 3×4, like the notebook's, seed 1", false, 3, 3, 4, 1));
        cases.add(Cases.classify("sizes [5, 4, 3], 6 examples, like the notebook's, seed 1", false, new int[] {5, 4, 3}, 6, 1));
        cases.add(Cases.updateParameters("sizes [4, 3, 2], α 0.1, seed 1", false, new int[] {4, 3, 2}, 0.1, 1));
        cases.add(Cases.multiLayerNetwork("sizes [4, 5, 3], 20 examples, 40 iterations, seed 1", false, new int[] {4, 5, 3}, 20, 40, 1));

        Map<String, Object> relu = new LinkedHashMap<>();
        relu.put("x", Matrices.of(new double[] {-1, 0, 2}, new double[] {3, -0.5, 0.25}));
        cases.add(Cases.pa2("Pa2.relu", "the notebook's 2×3 input", false, relu, "out"));
        Map<String, Object> softmax = new LinkedHashMap<>();
        softmax.put("x", Matrices.of(new double[] {1, 2, 3}, new double[] {0, 0, 0}));
        cases.add(Cases.pa2("Pa2.softmax", "2×3 rows [1, 2, 3] and [0, 0, 0]", false, softmax, "out"));
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("x", Matrices.of(new double[] {1, 2, 3}, new double[] {-1, 0, 1}));
        layer.put("w", Matrices.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {1, -1}));
        layer.put("b", Matrices.of(new double[] {0.5, -0.5}));
        cases.add(Cases.pa2("Pa2.computeLayer", "the notebook's 2×3 input, 3×2 weights", false, layer, "out"));
        Map<String, Object> ce = new LinkedHashMap<>();
        ce.put("target", Matrices.of(new double[] {0, 0, 1}, new double[] {1, 0, 0}));
        ce.put("prediction", Matrices.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.7, 0.1, 0.2}));
        cases.add(Cases.pa2("Pa2.averageCe", "the notebook's targets [2, 0], predictions 2×3", false, ce, "loss"));
        cases.add(Cases.pa2("Pa2.gradCe", "the notebook's targets [2, 0], predictions 2×3", false, ce, "grad"));
        cases.add(Cases.pa2Forward("N 4, F 5, H 3, K 2, seed 4", false, 4, 5, 3, 2, 4));
        cases.add(Cases.pa2Backward("N 4, F 5, H 3, K 2, seed 4", false, 4, 5, 3, 2, 4));
        cases.add(Cases.pa2Train("N 8, F 5, H 4, K 3, 5 epochs, seed 4", false, 8, 5, 4, 3, 5, 4));
        return cases;
    }
}

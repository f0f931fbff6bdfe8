package nndl.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nndl.judge.Case;
import nndl.judge.Cases;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;

/**
 * The hidden cases (instructor edition only): every exercise again on shapes, seeds, regularisation
 * and labels no notebook shows, so that an answer fitted to the notebooks' numbers fails its
 * exercise. Their expected outputs come from the reference library at grading time.
 */
final class HiddenCases {
    private HiddenCases() {
    }

    /** Every hidden case, in rubric order. */
    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        Map<String, DMatrixRMaj> net = Cases.twoLayerParams(6, 8, 4, 0.3, 3);
        RandomState r = new RandomState(9);
        DMatrixRMaj x7 = r.randn(7, 6);
        int[] y7 = {3, 0, 2, 2, 1, 3, 0};
        cases.add(Cases.twoLayerScores("N 7, D 6, H 8, C 4, seed 3", true, net, x7));
        cases.add(Cases.twoLayerScores("N 1, D 3, H 2, C 5, seed 11", true, Cases.twoLayerParams(3, 2, 5, 1.0, 11),
                new RandomState(12).randn(1, 3)));
        cases.add(Cases.twoLayerLoss("N 7, D 6, H 8, C 4, reg 0.3, seed 3", true, net, x7, y7, 0.3));
        cases.add(Cases.twoLayerLoss("N 7, D 6, H 8, C 4, reg 0, seed 3", true, net, x7, y7, 0.0));
        cases.add(Cases.twoLayerGradients("N 7, D 6, H 8, C 4, reg 0.7, seed 3", true, net, x7, y7, 0.7));
        cases.add(Cases.twoLayerGradients("N 2, D 3, H 5, C 2, reg 0.1, seed 13", true, Cases.twoLayerParams(3, 5, 2, 0.5, 13),
                new RandomState(14).randn(2, 3), new int[] {1, 1}, 0.1));
        cases.add(Cases.sameRowTraining("40 copies of one row, D 6, H 8, C 4, batch 10, 30 iterations, seed 12", true, 6, 8, 4, 40, 10, 12));
        cases.add(Cases.twoLayerPredict("N 25, D 6, H 8, C 4, seed 3", true, net, new RandomState(13).randn(25, 6)));
        cases.add(Cases.blobTraining("4 Gaussian blobs in D 5: train on 300, predict 200 the judge labels, seed 15", true, 5, 4, 300, 200,
                15));
        cases.add(Cases.lab3("N 4, D 6, H 7, C 3, reg 0.2, seed 74", true, 4, 6, 7, 3, 0.2, 74));

        RandomState a = new RandomState(2024);
        cases.add(Cases.affineForward("N 3, D 14, M 5, seed 2024", true, a.randn(3, 14), a.randn(14, 5), a.randn(1, 5)));
        cases.add(Cases.affineBackward("N 7, D 4, M 9, seed 77", true, 7, 4, 9, 77));
        DMatrixRMaj relu = new RandomState(5).randn(6, 9);
        relu.set(0, 0, 0.0);
        relu.set(2, 3, -0.0);
        cases.add(Cases.reluForward("6×9 with zeros, seed 5", true, relu));
        cases.add(Cases.reluBackward("8×3, seed 31", true, 8, 3, 31));
        cases.add(Cases.fcTwoLayerInit("D 40, H 300, C 60, scale 0.05, seed 21", true, 40, 300, 60, 0.05, 21));
        cases.add(Cases.fcTwoLayerLoss("N 5, D 40, H 30, C 6, reg 0.4, seed 22", true, 5, 40, 30, 6, 0.4, 22));
        cases.add(Cases.fcNetInit("hidden [70, 60, 50], D 110, C 40, scale 0.2, seed 41", true, new int[] {70, 60, 50}, 110, 40, 0.2, 41));
        cases.add(Cases.fcNetLoss("N 3, D 11, hidden [7, 6, 5], C 4, reg 0.25, seed 42", true, new int[] {7, 6, 5}, 3, 11, 4, 0.25, 42));
        cases.add(Cases.fcNetLoss("N 6, D 4, hidden [9], C 3, reg 0, seed 43", true, new int[] {9}, 6, 4, 3, 0.0, 43));

        cases.add(Cases.fcOverfit("40 random inputs of D 40 in 6 classes, hidden [120, 80], seed 62", true, new int[] {120, 80}, 40, 40,
                6, 62));
        cases.add(Cases.mnistRelu("5×3, seed 51", true, new RandomState(51).randn(5, 3)));
        cases.add(Cases.mnistReluDer("5×3, seed 51", true, 5, 3, 51));
        cases.add(Cases.mnistSoftmax("4 classes × 6 examples, seed 52", true, new RandomState(52).randn(4, 6), new int[] {3, 1, 0, 0, 2, 3}));
        cases.add(Cases.mnistSoftmaxDer("5 classes × 7 examples, seed 52", true, 5, 7, 52));
        cases.add(Cases.mnistInit("sizes [60, 50, 40, 30], seed 53", true, new int[] {60, 50, 40, 30}, 53));
        RandomState l = new RandomState(53);
        cases.add(Cases.linearForward("W 4×6, A_prev 6×7, seed 53", true, l.randn(6, 7), l.randn(4, 6), l.randn(4, 1)));
        cases.add(Cases.linearBackward("W 4×6, A_prev 6×7, seed 53", true, 4, 6, 7, 53));
        cases.add(Cases.classify("sizes [8, 6, 5, 4], 30 examples, seed 54", true, new int[] {8, 6, 5, 4}, 30, 54));
        cases.add(Cases.updateParameters("sizes [6, 5, 3, 2], α 0.3, seed 55", true, new int[] {6, 5, 3, 2}, 0.3, 55));
        cases.add(Cases.multiLayerNetwork("sizes [6, 7, 5, 3], 25 examples, 60 iterations, seed 56", true, new int[] {6, 7, 5, 3}, 25, 60, 56));

        RandomState p = new RandomState(71);
        DMatrixRMaj x = p.randn(5, 4);
        DMatrixRMaj w = p.randn(4, 6);
        DMatrixRMaj b = p.randn(1, 6);
        DMatrixRMaj o = p.randn(5, 6);
        DMatrixRMaj target = new DMatrixRMaj(5, 6);
        int[] labels = {5, 0, 2, 2, 3};
        for (int i = 0; i < labels.length; i++) {
            target.set(i, labels[i], 1.0);
        }
        DMatrixRMaj prediction = p.rand(5, 6);
        for (int i = 0; i < 5; i++) {
            double s = 0;
            for (int j = 0; j < 6; j++) {
                s += prediction.get(i, j);
            }
            for (int j = 0; j < 6; j++) {
                prediction.set(i, j, prediction.get(i, j) / s);
            }
        }
        cases.add(Cases.pa2("Pa2.relu", "5×4, seed 71", true, Map.of("x", x), "out"));
        cases.add(Cases.pa2("Pa2.softmax", "5×6 with large scores, seed 71", true, Map.of("x", Cases.scaled(o, 40)), "out"));
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("x", x);
        layer.put("w", w);
        layer.put("b", b);
        cases.add(Cases.pa2("Pa2.computeLayer", "5×4 to 6, seed 71", true, layer, "out"));
        Map<String, Object> ce = new LinkedHashMap<>();
        ce.put("target", target);
        ce.put("prediction", prediction);
        cases.add(Cases.pa2("Pa2.averageCe", "5×6, seed 71", true, ce, "loss"));
        cases.add(Cases.pa2("Pa2.gradCe", "5×6, seed 71", true, ce, "grad"));
        cases.add(Cases.pa2Forward("N 6, F 7, H 5, K 3, seed 72", true, 6, 7, 5, 3, 72));
        cases.add(Cases.pa2Backward("N 6, F 7, H 5, K 3, seed 73", true, 6, 7, 5, 3, 73));
        cases.add(Cases.pa2Train("N 12, F 6, H 5, K 4, 8 epochs, seed 74", true, 12, 6, 5, 4, 8, 74));
        return cases;
    }
}

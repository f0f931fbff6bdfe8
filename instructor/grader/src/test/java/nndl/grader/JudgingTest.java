package nndl.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import nndl.judge.Case;
import nndl.judge.CaseVerdict;
import nndl.judge.Cases;
import nndl.judge.ExerciseRubric;
import nndl.judge.Judging;
import nndl.judge.Reply;
import nndl.judge.WorkerMain;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The judge's comparisons and the common mistakes it names, on outputs made wrong on purpose. */
class JudgingTest {
    private static final Case LOSS = Cases.twoLayerLoss("N 7, D 6, H 8, C 4, reg 0.3", true, Cases.twoLayerParams(6, 8, 4, 0.3, 3),
            new RandomState(9).randn(7, 6), new int[] {3, 0, 2, 2, 1, 3, 0}, 0.3);
    private static final Case GRADS = Cases.twoLayerGradients("N 7, D 6, H 8, C 4, reg 0.7", true, Cases.twoLayerParams(6, 8, 4, 0.3, 3),
            new RandomState(9).randn(7, 6), new int[] {3, 0, 2, 2, 1, 3, 0}, 0.7);

    private static CaseVerdict judge(Case c, Map<String, Object> actual) {
        return Judging.judge(c, Judge.expected(c), Reply.of(actual), ExerciseRubric.find(c.exercise()).orElseThrow());
    }

    private static double squaredWeights(Case c) {
        double p = 0;
        for (String w : new String[] {"W1", "W2"}) {
            for (double v : ((DMatrixRMaj) c.inputs().get(w)).data) {
                p += v * v;
            }
        }
        return p;
    }

    @Test
    void aReluForwardThatOverwritesItsInputFailsNamingTheInput() {
        DMatrixRMaj x = new RandomState(5).randn(6, 9);
        Case relu = Cases.reluForward("6×9, seed 5", true, x);
        Map<String, Object> expected = Judge.expected(relu);
        DMatrixRMaj overwritten = ((DMatrixRMaj) expected.get("out")).copy();
        // out = x; then max(0, x) in place: the right output, the input destroyed
        CaseVerdict inPlace = judge(relu, Map.of("out", overwritten, nndl.judge.Exercises.INPUT_AFTER + "x", overwritten));
        assertFalse(inPlace.passed(), inPlace.line());
        assertTrue(inPlace.findings().get(0).startsWith("the input x was modified by the call"), inPlace.findings().toString());
        assertTrue(judge(relu, Map.of("out", overwritten, nndl.judge.Exercises.INPUT_AFTER + "x", x.copy())).passed());
        assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical((DMatrixRMaj) expected.get(nndl.judge.Exercises.INPUT_AFTER + "x"), x, 0),
                "the model answer leaves x as it was sent");
    }

    @Test
    void theL2TermsHalfAndItsAbsenceAreNamed() {
        double loss = (Double) Judge.expected(LOSS).get("loss");
        double penalty = 0.5 * 0.3 * squaredWeights(LOSS);
        CaseVerdict noHalf = judge(LOSS, Map.of("loss", loss + penalty));
        assertFalse(noHalf.passed());
        assertTrue(noHalf.mistake().startsWith("the L2 term without its ½"), noHalf.line());
        assertTrue(noHalf.line().contains("hidden case (N 7, D 6, H 8, C 4, reg 0.3)") && noHalf.line().contains("loss differs: rel err"),
                noHalf.line());
        assertTrue(judge(LOSS, Map.of("loss", loss - penalty)).mistake().startsWith("no L2 term"));
        assertNull(judge(LOSS, Map.of("loss", loss * 1.5)).mistake());
        assertTrue(judge(LOSS, Map.of("loss", loss)).passed());
    }

    @Test
    void aGradientWithoutRegTimesWAndAMeanBiasGradientAreNamed() {
        Map<String, Object> expected = Judge.expected(GRADS);
        Map<String, Object> noReg = new LinkedHashMap<>(expected);
        DMatrixRMaj dW1 = ((DMatrixRMaj) expected.get("grad W1")).copy();
        DMatrixRMaj w1 = (DMatrixRMaj) GRADS.inputs().get("W1");
        for (int i = 0; i < dW1.getNumElements(); i++) {
            dW1.data[i] -= 0.7 * w1.data[i];
        }
        noReg.put("grad W1", dW1);
        CaseVerdict v = judge(GRADS, noReg);
        assertTrue(v.line().contains("grad W1 differs") && !v.line().contains("grad W2 differs"), v.line());
        assertEquals("a gradient of W1 without reg·W1 (the L2 term's gradient is missing)", v.mistake());
        Map<String, Object> mean = new LinkedHashMap<>(expected);
        DMatrixRMaj db2 = ((DMatrixRMaj) expected.get("grad b2")).copy();
        for (int i = 0; i < db2.getNumElements(); i++) {
            db2.data[i] /= 7;
        }
        mean.put("grad b2", db2);
        assertTrue(judge(GRADS, mean).mistake().startsWith("a mean over the batch for the gradient of b2"));
    }

    @Test
    void anExceptionIsItsTypeItsCappedFirstLineAndTheLibrarysFrame() {
        Reply reply = WorkerMain.run("TwoLayerNet.scores", Map.of("x", new DMatrixRMaj(2, 3)));
        assertFalse(reply.ok());
        assertTrue(reply.error().startsWith("IllegalArgumentException: TwoLayerNet.scores: input 'W1' is missing"), reply.error());
        Reply longOne = new Reply(Map.of(), "x".repeat(500) + "\nsecond line", null, null);
        assertEquals(Reply.MAX_LINE + 1, longOne.error().length());
        CaseVerdict stub = Judging.judge(LOSS, Judge.expected(LOSS), new Reply(Map.of(), "NotImplementedYet: not implemented yet: "
                + "TwoLayerNet.train, SGD step", null, "TwoLayerNet.train"), ExerciseRubric.find("TwoLayerNet.loss").orElseThrow());
        assertEquals("TwoLayerNet.train", stub.rootCause());
    }

    @Test
    void accuracyIsScoredOnLabelsTheWorkerNeverSees() {
        Case blobs = HiddenCases.all().stream().filter(c -> c.secret().containsKey("yTest")).findFirst().orElseThrow();
        assertFalse(blobs.inputs().containsKey("yTest"));
        int[] labels = (int[]) blobs.secret().get("yTest");
        Map<String, Object> wrong = new LinkedHashMap<>(Judge.expected(blobs));
        int[] shifted = labels.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = (shifted[i] + 1) % 4;
        }
        wrong.put("predictions", shifted);
        CaseVerdict v = judge(blobs, wrong);
        assertTrue(v.line().contains("predictions: accuracy 0.00, must be at least 0.900"), v.line());
        assertTrue(judge(blobs, Map.of("predictions", labels)).passed());
    }
}

package nndl.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import nndl.layers.Affine;
import nndl.layers.Losses;
import nndl.layers.Relu;
import nndl.nets.FullyConnectedNet;
import nndl.neuralnet.TrainOptions;
import nndl.neuralnet.TrainStats;
import nndl.neuralnet.TwoLayerNet;
import nndl.random.RandomState;
import nndl.solver.Solver;
import nndl.solver.SolverData;
import nndl.solver.SolverOptions;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The library bullets of the fault report (issue "76 bad inputs and faults"): each bad input is
 * reported as what it is, naming the function and the argument, never as a JDK exception from
 * inside or as a plausible number.
 */
class LibraryFaultsTest {
    private static String message(Class<? extends Throwable> type, Runnable call) {
        return assertThrows(type, call::run).getMessage();
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "expected '" + part + "' in: " + text);
        }
    }

    @Test
    void svmLossWithANanScoreIsNanAsInNumpy() {
        DMatrixRMaj x = Matrices.of(new double[] {0.5, Double.NaN, 0.1}, new double[] {0.2, 0.3, 0.9});
        assertTrue(Double.isNaN(Losses.svmLoss(x, new int[] {0, 2}).loss()));
        DMatrixRMaj correctNan = Matrices.of(new double[] {Double.NaN, 0.1, 0.2});
        assertTrue(Double.isNaN(Losses.svmLoss(correctNan, new int[] {0}).loss()));
        // Finite scores keep their value: margins 0.5 + 0.0 for the first row.
        assertEquals(1.5, Losses.svmLoss(Matrices.of(new double[] {1, 1.5, 0}), new int[] {0}).loss(), 1e-15);
    }

    @Test
    void twoLayerNetLossRejectsTheNegativeRegThatTrainOptionsRejects() {
        TwoLayerNet net = new TwoLayerNet(4, 10, 3, 1e-1, new RandomState(0));
        DMatrixRMaj x = new RandomState(1).randn(5, 4);
        int[] y = {0, 1, 2, 2, 1};
        String loss = message(IllegalArgumentException.class, () -> net.loss(x, y, -1));
        String options = message(IllegalArgumentException.class, () -> TrainOptions.defaults().withReg(-1));
        assertContains(loss, "TwoLayerNet.loss", "reg must be non-negative and finite, got -1.0");
        assertContains(options, "reg must be non-negative and finite, got -1.0");
        assertContains(message(IllegalArgumentException.class, () -> net.loss(x, y, Double.NaN)), "got NaN");
        net.loss(x, y, 0.0);
    }

    @Test
    void backwardWithANullCacheOrDoutNamesIt() {
        DMatrixRMaj dout = new DMatrixRMaj(2, 3);
        assertContains(message(IllegalArgumentException.class, () -> Affine.affineBackward(dout, null)),
                "affineBackward: cache is null", "affineForward");
        Affine.Cache cache = Affine.affineForward(new DMatrixRMaj(2, 4), new DMatrixRMaj(4, 3), new DMatrixRMaj(1, 3)).cache();
        assertContains(message(IllegalArgumentException.class, () -> Affine.affineBackward(null, cache)),
                "affineBackward: dout is null");
        assertContains(message(IllegalArgumentException.class, () -> Relu.reluBackward(dout, null)),
                "reluBackward: cache is null");
    }

    @Test
    void selectWithAnIndexOutOfRangeNamesIndexAndRange() {
        assertContains(message(IllegalArgumentException.class, () -> Matrices.select(new int[] {1, 2, 3}, new int[] {5})),
                "select: index 5 at position 0", "outside 0..2");
        assertArrayEquals(new int[] {3, 1}, Matrices.select(new int[] {1, 2, 3}, new int[] {2, 0}));
    }

    @Test
    void aNanPixelIsNamedAsANonFiniteInputNotAsDivergence() {
        TwoLayerNet net = new TwoLayerNet(4, 10, 3, 1e-1, new RandomState(0));
        DMatrixRMaj x = new RandomState(1).randn(20, 4);
        x.set(7, 2, Double.NaN);
        int[] y = new int[20];
        DMatrixRMaj xVal = new RandomState(2).randn(5, 4);
        int[] yVal = new int[5];
        TrainOptions options = TrainOptions.defaults().withLearningRate(0.1).withNumIters(10).withBatchSize(5);
        String text = message(IllegalArgumentException.class, () -> net.train(x, y, xVal, yVal, options));
        assertContains(text, "TwoLayerNet.train: x holds NaN at row 7, column 2", "non-finite input");
        assertTrue(!text.contains("learning rate"), text);
        xVal.set(0, 0, Double.POSITIVE_INFINITY);
        x.set(7, 2, 0.0);
        assertContains(message(IllegalArgumentException.class, () -> net.train(x, y, xVal, yVal, options)),
                "xVal holds Infinity at row 0, column 0");
        assertContains(message(IllegalArgumentException.class, () -> new SolverData(x, y, xVal, yVal)),
                "SolverData: X_val holds Infinity at row 0, column 0");
    }

    @Test
    void choiceOfNothingIsEmptyAsInNumpy() {
        RandomState a = new RandomState(0);
        assertEquals(0, a.choice(0, 0).length);
        assertEquals(0, a.choice(0, 0, false).length);
        // numpy draws nothing for an empty sample: the stream is where a fresh one starts.
        assertArrayEquals(new RandomState(0).randint(0, 1000, 1), a.randint(0, 1000, 1));
        assertContains(message(IllegalArgumentException.class, () -> a.choice(0, 3)),
                "a must be greater than 0 unless no samples are taken");
    }

    @Test
    void aValidationLabelOutOfRangeIsAnErrorNotAMiss() {
        nndl.nets.FcTwoLayerNet model = new nndl.nets.FcTwoLayerNet(new nndl.nets.FcTwoLayerNet.Options()
                .withInputDim(4).withHiddenDims(5).withNumClasses(3), new RandomState(0));
        DMatrixRMaj x = new RandomState(1).randn(10, 4);
        int[] y = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
        int[] yVal = {0, 1, 2, 7, 1, 2, 0, 1, 2, 0};
        Solver solver = new Solver(model, new SolverData(x, y, x, yVal),
                new SolverOptions().withNumEpochs(1).withBatchSize(5).withVerbose(false));
        assertContains(message(IllegalArgumentException.class, solver::train),
                "Solver.checkAccuracy: label 7 at row 3 is outside 0..2");
        assertContains(message(IllegalArgumentException.class, () -> new SolverData(x, y, x, new int[] {0, 1, 2, -1, 1, 2, 0, 1, 2, 0})),
                "label -1 at row 3 of y_val");
    }

    @Test
    void aReplacedParameterOfAWrongShapeIsNamed() {
        FullyConnectedNet net = new FullyConnectedNet(FullyConnectedNet.Options.of(20, 30).withInputDim(15)
                .withNumClasses(10), new RandomState(0));
        net.params().put("W2", new DMatrixRMaj(7, 30));
        DMatrixRMaj x = new RandomState(1).randn(2, 15);
        Supplier<String> forward = () -> message(IllegalArgumentException.class, () -> net.loss(x));
        assertContains(forward.get(), "FullyConnectedNet.loss: W2 is 7×30 but W1 is 15×20, so W2 must be 20×M");
        net.params().put("W2", new DMatrixRMaj(20, 31));
        assertContains(message(IllegalArgumentException.class, () -> net.loss(x, new int[] {0, 1})),
                "b2 is 1×30 but W2 is 20×31, so b2 must be 1×31");
        nndl.nets.FcTwoLayerNet two = new nndl.nets.FcTwoLayerNet(new nndl.nets.FcTwoLayerNet.Options()
                .withInputDim(15).withHiddenDims(5).withNumClasses(3), new RandomState(0));
        two.params().put("W1", new DMatrixRMaj(14, 5));
        assertContains(message(IllegalArgumentException.class, () -> two.loss(x)),
                "TwoLayerNet.loss: W1 is 14×5 but the input dimension D=15");
    }
}

package nndl.layers;

import static nndl.gradcheck.GradientCheck.evalNumericalGradientArray;
import static nndl.gradcheck.GradientCheck.relError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Dropout, batchnorm and the smooth activations: values against numpy references and gradient checks. */
class RegularisersTest {

    private static void assertBelow(double limit, double error, String what) {
        System.out.println(what + ": " + error);
        assertTrue(error < limit, what + " is " + error + ", expected < " + limit);
    }

    private static DMatrixRMaj ones(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.fill(m, 1.0);
        return m;
    }

    @Test
    void seededDropoutMatchesNumpyAndRepeats() {
        Dropout.Param param = new Dropout.Param(0.3).withSeed(123L);
        DMatrixRMaj out = Dropout.dropoutForward(ones(4, 5), param).out();
        // numpy: mask = (RandomState(123).rand(4, 5) >= 0.3) / 0.7 keeps 15 units, output sum 21.428571428571423.
        assertEquals(21.428571428571423, CommonOps_DDRM.elementSum(out), 1e-12);
        int kept = 0;
        for (int i = 0; i < out.getNumElements(); i++) {
            kept += out.data[i] > 0 ? 1 : 0;
        }
        assertEquals(15, kept);
        assertArrayEquals(out.data, Dropout.dropoutForward(ones(4, 5), param).out().data, 0.0);
    }

    @Test
    void dropoutKeepsTheMeanInTrainingAndIsTheIdentityAtTest() {
        DMatrixRMaj x = ones(500, 500);
        DMatrixRMaj train = Dropout.dropoutForward(x, new Dropout.Param(0.25), new RandomState(7)).out();
        assertEquals(1.0, CommonOps_DDRM.elementSum(train) / x.getNumElements(), 0.01);
        Forward<Dropout.Cache> test = Dropout.dropoutForward(x, new Dropout.Param(0.25).withMode(Mode.TEST));
        assertArrayEquals(x.data, test.out().data, 0.0);
        assertNotSame(x, test.out());
        assertArrayEquals(x.data, Dropout.dropoutBackward(x, test.cache()).data, 0.0);
    }

    @Test
    void dropoutBackwardMatchesNumericalGradientWithASeed() {
        NpRandom.seed(4);
        DMatrixRMaj x = NpRandom.randn(10, 10);
        DMatrixRMaj dout = NpRandom.randn(10, 10);
        Dropout.Param param = new Dropout.Param(0.2, Mode.TRAIN, 123L);
        DMatrixRMaj dxNum = evalNumericalGradientArray(v -> Dropout.dropoutForward(v, param).out(), x, dout);
        DMatrixRMaj dx = Dropout.dropoutBackward(dout, Dropout.dropoutForward(x, param).cache());
        assertBelow(1e-10, relError(dxNum, dx), "dropoutBackward dx error");
    }

    @Test
    void batchnormTrainForwardMatchesNumpyAndUpdatesRunningStats() {
        NpRandom.seed(2);
        DMatrixRMaj x = NpRandom.randn(6, 4);
        CommonOps_DDRM.scale(5, x);
        CommonOps_DDRM.add(x, 3);
        DMatrixRMaj gamma = NpRandom.randn(4);
        DMatrixRMaj beta = NpRandom.randn(4);
        DMatrixRMaj x0 = x.copy();
        BatchNorm.RunningStats start = BatchNorm.RunningStats.zeros(4);
        BatchNorm.Result r = BatchNorm.batchnormForward(x, gamma, beta, start, new BatchNorm.Param());
        // numpy reference: (x − x.mean(0))/sqrt(x.var(0) + 1e-5)·gamma + beta, running = 0.1·batch statistics.
        assertArrayEquals(new double[] {-1.5647240157257283, -0.233361264710843, 0.9983049275843665, 0.9326600434477319},
                java.util.Arrays.copyOf(r.out().data, 4), 1e-13);
        assertArrayEquals(new double[] {-0.043653720685480235, 0.14113498301606395, 0.21382476577701964, 0.39260643641749593},
                r.running().mean().data, 1e-14);
        assertArrayEquals(new double[] {1.0200737726951938, 1.4946424986842821, 2.440758402042759, 4.42616554920668},
                r.running().var().data, 1e-13);
        assertArrayEquals(new double[4], start.mean().data, 0.0);
        assertArrayEquals(x0.data, x.data, 0.0);
    }

    @Test
    void batchnormTrainOutputHasGammaStdAndBetaMean() {
        NpRandom.seed(5);
        DMatrixRMaj x = NpRandom.randn(200, 3);
        DMatrixRMaj gamma = Matrices.row(1, 2, 3);
        DMatrixRMaj beta = Matrices.row(11, 12, 13);
        DMatrixRMaj out = BatchNorm.batchnormForward(x, gamma, beta, null, new BatchNorm.Param()).out();
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < 200; i++) {
                mean += out.get(i, j) / 200;
            }
            for (int i = 0; i < 200; i++) {
                sq += (out.get(i, j) - mean) * (out.get(i, j) - mean) / 200;
            }
            assertEquals(beta.data[j], mean, 1e-12);
            assertEquals(gamma.data[j], Math.sqrt(sq), 1e-4);
        }
    }

    @Test
    void batchnormTestModeUsesRunningStats() {
        DMatrixRMaj x = Matrices.of(new double[] {1, 2}, new double[] {3, 4});
        BatchNorm.RunningStats running = new BatchNorm.RunningStats(Matrices.row(1, 1), Matrices.row(4, 9));
        BatchNorm.Result r = BatchNorm.batchnormForward(x, Matrices.row(2, 3), Matrices.row(0.5, 0.5), running,
                new BatchNorm.Param().withMode(Mode.TEST).withEps(1e-12));
        assertArrayEquals(new double[] {0.5, 0.5 + 3 * 1 / 3.0, 2 * 2 / 2.0 + 0.5, 3 * 3 / 3.0 + 0.5}, r.out().data, 1e-9);
        assertEquals(running, r.running());
    }

    @Test
    void batchnormBackwardMatchesNumericalGradients() {
        for (Mode mode : Mode.values()) {
            NpRandom.seed(6);
            DMatrixRMaj x = NpRandom.randn(4, 5);
            CommonOps_DDRM.scale(5, x);
            CommonOps_DDRM.add(x, 12);
            DMatrixRMaj gamma = NpRandom.randn(5);
            DMatrixRMaj beta = NpRandom.randn(5);
            DMatrixRMaj dout = NpRandom.randn(4, 5);
            BatchNorm.RunningStats running = new BatchNorm.RunningStats(NpRandom.randn(5), NpRandom.rand(5));
            BatchNorm.Param param = new BatchNorm.Param().withMode(mode);
            BatchNorm.Result r = BatchNorm.batchnormForward(x, gamma, beta, running, param);
            BatchNorm.Grads g = BatchNorm.batchnormBackward(dout, r.cache());
            DMatrixRMaj dxNum = evalNumericalGradientArray(v -> BatchNorm.batchnormForward(v, gamma, beta, running, param).out(), x, dout);
            DMatrixRMaj dgNum = evalNumericalGradientArray(v -> BatchNorm.batchnormForward(x, v, beta, running, param).out(), gamma, dout);
            DMatrixRMaj dbNum = evalNumericalGradientArray(v -> BatchNorm.batchnormForward(x, gamma, v, running, param).out(), beta, dout);
            assertBelow(1e-7, relError(dxNum, g.dx()), "batchnorm " + mode + " dx error");
            assertBelow(1e-8, relError(dgNum, g.dgamma()), "batchnorm " + mode + " dgamma error");
            assertBelow(1e-8, relError(dbNum, g.dbeta()), "batchnorm " + mode + " dbeta error");
        }
    }

    @Test
    void sigmoidAndSwishValuesAndGradients() {
        DMatrixRMaj k = Matrices.row(-800, -2, 0, 1.5, 800);
        DMatrixRMaj s = SmoothActivations.sigmoidForward(k).out();
        assertArrayEquals(new double[] {0, 1 / (1 + Math.exp(2)), 0.5, 1 / (1 + Math.exp(-1.5)), 1}, s.data, 1e-15);
        DMatrixRMaj sw = SmoothActivations.swishForward(k).out();
        assertArrayEquals(new double[] {-0.0, -2 / (1 + Math.exp(2)), 0, 1.5 / (1 + Math.exp(-1.5)), 800}, sw.data, 1e-13);

        NpRandom.seed(8);
        DMatrixRMaj x = NpRandom.randn(6, 7);
        CommonOps_DDRM.scale(3, x);
        DMatrixRMaj dout = NpRandom.randn(6, 7);
        DMatrixRMaj dsNum = evalNumericalGradientArray(v -> SmoothActivations.sigmoidForward(v).out(), x, dout);
        assertBelow(1e-8, relError(dsNum, SmoothActivations.sigmoidBackward(dout, SmoothActivations.sigmoidForward(x).cache())), "sigmoid dx error");
        DMatrixRMaj dwNum = evalNumericalGradientArray(v -> SmoothActivations.swishForward(v).out(), x, dout);
        assertBelow(1e-8, relError(dwNum, SmoothActivations.swishBackward(dout, SmoothActivations.swishForward(x).cache())), "swish dx error");
    }
}

package nndl.multilayer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import nndl.data.Mnist;
import nndl.data.MnistData;
import nndl.data.SharedDatasets;
import nndl.util.Matrices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code sample_mnist} and the seed's training run ([784, 200, 10], rate 0.1, 500 iterations) on the
 * shared MNIST subset. The reference numbers come from numpy 1.24 running the seed's algorithm on the
 * same files: np.random.seed(1); tr = choice(8000, 2000); ts = choice(2000, 1000); x/127.5 − 1; then
 * initialize_network / forward / backward / update exactly as the seed, 500 iterations (129 s there).
 */
class MnistTrainingTest {
    /** numpy's costs at iterations 1, 21, ..., 481 for the run described above. */
    private static final double[] NUMPY_COSTS = {2.2994059044281996, 1.7456273376964866, 1.1793210503310774,
            0.6925224463133455, 0.49381788636967544, 0.4097047686429288, 0.35876139826454806, 0.3033454831484648,
            0.2789485338408833, 0.25834452489966747, 0.23917482389313482, 0.2240724439371047, 0.21280184550447798,
            0.20236642605426636, 0.18978532534504775, 0.17768315726949, 0.16766975420673877, 0.15893926773268255,
            0.15064893840142354, 0.14291527376965246, 0.13582181041293442, 0.12889765572123343, 0.12212796136509141,
            0.11594128532554618, 0.11028899745694502};

    private static MnistData mnist;

    @BeforeAll
    static void load() {
        mnist = Mnist.loadMnist(SharedDatasets.dir());
    }

    @Test
    void sampleDrawsTheSeedsIndicesAndScalesToPlusMinusOne() {
        MnistSample s = MnistSample.sampleMnist(mnist, 2000, 1000);
        assertEquals("784×2000", Matrices.shape(s.trX()));
        assertEquals("784×1000", Matrices.shape(s.tsX()));
        assertEquals(2000, s.trY().length);
        assertEquals(1000, s.tsY().length);
        // numpy: seed(1); choice(8000, 2000)[:5] = [5157, 235, 3980, 5192, 7935]; then choice(2000, 1000)[:5] = [944, 622, 1805, 19, 1679]
        assertArrayEquals(new int[] {4, 2, 7, 3, 8, 5, 2, 4, 9, 2}, Arrays.copyOf(s.trY(), 10));
        assertArrayEquals(new int[] {9, 2, 3, 2, 1, 0, 4, 6, 1, 9}, Arrays.copyOf(s.tsY(), 10));
        assertEquals(mnist.yTrain()[235], s.trY()[1]);
        assertEquals(mnist.yTest()[1679], s.tsY()[4]);
        for (int pixel : new int[] {0, 203, 404, 783}) {
            assertEquals(mnist.xTrain().get(7935, pixel) / 127.5 - 1, s.trX().get(pixel, 4), 1e-15);
            assertEquals(mnist.xTest().get(19, pixel) / 127.5 - 1, s.tsX().get(pixel, 3), 1e-15);
        }
        assertEquals(-1155934.8156862743, sum(s.trX().data), 1e-6);
        assertEquals(-576632.5725490195, sum(s.tsX().data), 1e-6);
        assertEquals(-1.0, Arrays.stream(s.trX().data).min().orElseThrow(), 0.0);
        assertEquals(1.0, Arrays.stream(s.trX().data).max().orElseThrow(), 0.0);
        assertEquals(10, Arrays.stream(s.tsY()).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> MnistSample.sampleMnist(mnist, 0, 10));
    }

    @Test
    void seedsTrainingRunReachesTheAccuraciesAndNumpysCosts() {
        MnistSample s = MnistSample.sampleMnist(mnist, 2000, 1000);
        long start = System.nanoTime();
        TrainingResult result = MultiLayer.multiLayerNetwork(s.trX(), s.trY(), new int[] {784, 200, 10}, 500, 0.1, true);
        double seconds = (System.nanoTime() - start) / 1e9;
        double trainAcc = Matrices.accuracy(MultiLayer.classify(s.trX(), result.parameters()), s.trY());
        double testAcc = Matrices.accuracy(MultiLayer.classify(s.tsX(), result.parameters()), s.tsY());
        System.out.printf(Locale.ROOT, "Accuracy for training set is %.3f, for testing set %.3f (%.1f s for 500 iterations)%n",
                trainAcc, testAcc, seconds);

        assertEquals(NUMPY_COSTS.length, result.costs().size());
        for (int i = 0; i < NUMPY_COSTS.length; i++) {
            assertEquals(NUMPY_COSTS[i], result.costs().get(i), 1e-8, "cost at iteration " + (20 * i + 1));
        }
        assertTrue(trainAcc > 0.90, "train accuracy " + trainAcc);
        assertTrue(testAcc > 0.85, "test accuracy " + testAcc);
        // numpy reached 0.9795 / 0.902 on this sample.
        assertEquals(0.9795, trainAcc, 0.0015);
        assertEquals(0.902, testAcc, 0.0025);
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}

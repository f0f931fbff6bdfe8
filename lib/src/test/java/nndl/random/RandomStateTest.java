package nndl.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Expected values were printed by numpy 1.24's legacy RandomState (np.random.RandomState(seed)). */
class RandomStateTest {

    @Test
    void randnMatchesNumpySeed0() {
        DMatrixRMaj x = new RandomState(0).randn(2, 3);
        assertEquals(2, x.numRows);
        assertEquals(3, x.numCols);
        assertArrayEquals(new double[] {1.764052345967664, 0.4001572083672233, 0.9787379841057392,
                2.240893199201458, 1.8675579901499675, -0.977277879876411}, x.data, 0.0);
    }

    @Test
    void oddRandnLeavesCachedGaussianAndRandContinuesTheStream() {
        RandomState rs = new RandomState(1);
        DMatrixRMaj x = rs.randn(5);
        assertEquals(1, x.numRows);
        assertArrayEquals(new double[] {1.6243453636632417, -0.6117564136500754, -0.5281717522634557,
                -1.0729686221561705, 0.8654076293246785}, x.data, 0.0);
        assertArrayEquals(new double[] {0.4191945144032948, 0.6852195003967595, 0.20445224973151743},
                rs.rand(3).data, 0.0);
    }

    @Test
    void cachedGaussianIsServedFirst() {
        RandomState rs = new RandomState(5);
        rs.randn(1);
        assertArrayEquals(new double[] {-0.33087015189408764, 2.43077118700778}, rs.randn(2).data, 0.0);
    }

    @Test
    void randintUsesMaskedRejection() {
        RandomState rs = new RandomState(123);
        assertArrayEquals(new int[] {2, 2, 6, 1, 3, 9, 6, 1, 0, 1, 9, 0}, rs.randint(10, 12));
        assertArrayEquals(new int[] {937, 219, 106, 404, 334, 841}, rs.randint(-5, 1000, 6));
    }

    @Test
    void choicePermutationAndSampleWithoutReplacement() {
        RandomState rs = new RandomState(2);
        assertArrayEquals(new int[] {23720, 35343, 6637, 30280, 44566, 31019, 18898, 33867}, rs.choice(49000, 8));
        assertArrayEquals(new int[] {6, 4, 5, 0, 9, 3, 1, 2, 7, 8}, rs.permutation(10));
        assertArrayEquals(new int[] {13, 14, 2, 9, 8}, rs.choice(20, 5, false));
    }

    @Test
    void largestSeedAndRawOutput() {
        assertArrayEquals(new double[] {0.6484086742306527, 0.6693235306338161, -1.0805437227474493},
                new RandomState(4294967295L).randn(3).data, 0.0);
        RandomState rs = new RandomState(7);
        assertEquals(327741615L, rs.nextUint32());
        assertEquals(976413892L, rs.nextUint32());
        assertEquals(3349725721L, rs.nextUint32());
    }

    @Test
    void reseedingRestartsTheStream() {
        RandomState rs = new RandomState(0);
        rs.randn(3);
        rs.seed(0);
        assertEquals(1.764052345967664, rs.randn(1).data[0], 0.0);
    }

    @Test
    void badArgumentsAreNamed() {
        RandomState rs = new RandomState(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rs.seed(-1));
        assertEquals("seed: must be between 0 and 2**32 - 1, got -1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rs.randint(5, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> rs.choice(3, 4, false));
        assertThrows(IllegalArgumentException.class, () -> rs.randn(2, -1));
    }
}

package nndl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import nndl.random.RandomState;
import org.junit.jupiter.api.Test;

/**
 * A sum of squares takes the same bits on any number of threads (the chunks are summed in a fixed
 * order), is that order, and is as accurate as a sum of doubles can be expected to be.
 */
class SquareSumsTest {
    private static final int[] SIZES = {0, 1, 7, 8, 9, 8191, 8192, 8193, 3 * 8192 + 5, (1 << 17) - 1, 1 << 17, 153_600, 300_001};

    /** The documented order, written out: each chunk's sum, then the chunks first to last. */
    private static double chunkByChunk(double[] p, int n) {
        if (n <= SquareSums.CHUNK) {
            return SquareSums.chunk(p, 0, n);
        }
        double total = 0.0;
        for (int from = 0; from < n; from += SquareSums.CHUNK) {
            total += SquareSums.chunk(p, from, Math.min(n, from + SquareSums.CHUNK));
        }
        return total;
    }

    @Test
    void everySplitGivesTheOneThreadSumBitForBit() {
        double[] p = new RandomState(3).randn(1, 300_001).data;
        for (int n : SIZES) {
            double one = SquareSums.total(p, n, new RowSplit(1));
            assertEquals(chunkByChunk(p, n), one, 0.0, "n " + n + ", one thread");
            for (int parts = 2; parts <= 4; parts++) {
                assertEquals(one, SquareSums.total(p, n, new RowSplit(parts)), 0.0, "n " + n + ", " + parts + " parts");
            }
            assertEquals(one, SquareSums.total(p, n), 0.0, "n " + n + ", the shared helpers");
            assertEquals(one, Gemm.oneThread(() -> SquareSums.total(p, n)), 0.0, "n " + n + ", inside oneThread");
        }
    }

    @Test
    void aChunkSumsItsEightLanesAndItsRemainder() {
        double[] p = new double[30];
        for (int i = 0; i < p.length; i++) {
            p[i] = i + 1;
        }
        assertEquals(1 + 4 + 9 + 16 + 25 + 36 + 49 + 64 + 81 + 100 + 121, SquareSums.chunk(p, 0, 11), 0.0);
        assertEquals(9 + 16 + 25, SquareSums.chunk(p, 2, 5), 0.0);
        assertEquals(0.0, SquareSums.chunk(p, 4, 4), 0.0);
        double tail = 0.0;
        for (int i = 17; i < 30; i++) {
            tail += p[i] * p[i];
        }
        assertEquals(tail, SquareSums.chunk(p, 17, 30), 0.0, "integers: exact in any order");
    }

    @Test
    void theSumIsAccurate() {
        double[] p = new RandomState(9).randn(1, 153_600).data;
        BigDecimal exact = BigDecimal.ZERO;
        for (double v : p) {
            exact = exact.add(new BigDecimal(v).multiply(new BigDecimal(v)));
        }
        double reference = exact.round(MathContext.DECIMAL64).doubleValue();
        assertEquals(reference, SquareSums.total(p, p.length), reference * 1e-14);
    }
}

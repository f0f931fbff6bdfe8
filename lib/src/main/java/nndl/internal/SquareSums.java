package nndl.internal;

/**
 * Sums of squares in a fixed order: the elements in chunks of {@link #CHUNK}, each chunk over eight
 * interleaved partial sums, the chunks' sums then added first to last. The order does not depend on
 * how many threads take part, so a large sum (the step's ‖W1‖², 153,600 elements) is spread over the
 * cores through {@link RowSplit}'s helpers and still gives the one-thread result bit for bit
 * (docs/performance.md).
 */
public final class SquareSums {
    /** Elements per chunk: 64 KB of doubles, a few microseconds of one core's work. */
    public static final int CHUNK = 1 << 13;

    private SquareSums() {
    }

    /**
     * {@code Σ p[i]²} over {@code p[0..n−1]} in the order of the class comment.
     *
     * @param p values (not modified)
     * @param n how many, at most {@code p.length}
     */
    public static double total(double[] p, int n) {
        return total(p, n, RowSplit.shared());
    }

    /** {@link #total(double[], int)} with {@code split}'s helpers (tests give it other part counts). */
    static double total(double[] p, int n, RowSplit split) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            return chunk(p, 0, n);
        }
        double[] sums = new double[chunks];
        split.runIf(n >= RowSplit.MIN_SPLIT_ELEMENTS, chunks, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                sums[c] = chunk(p, c * CHUNK, Math.min(n, (c + 1) * CHUNK));
            }
        });
        double total = 0.0;
        for (double sum : sums) {
            total += sum;
        }
        return total;
    }

    /**
     * {@code Σ p[i]²} over {@code p[from..to−1]}, one chunk's sum: eight partial sums over the elements
     * {@code from + i} with i ≡ 0, …, 7 mod 8, combined pairwise, then the remainder added in order. One
     * running sum would wait on every addition; eight let them overlap.
     */
    public static double chunk(double[] p, int from, int to) {
        int blocked = to - (to - from) % 8;
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double s4 = 0.0;
        double s5 = 0.0;
        double s6 = 0.0;
        double s7 = 0.0;
        for (int i = from; i < blocked; i += 8) {
            s0 += p[i] * p[i];
            s1 += p[i + 1] * p[i + 1];
            s2 += p[i + 2] * p[i + 2];
            s3 += p[i + 3] * p[i + 3];
            s4 += p[i + 4] * p[i + 4];
            s5 += p[i + 5] * p[i + 5];
            s6 += p[i + 6] * p[i + 6];
            s7 += p[i + 7] * p[i + 7];
        }
        double squares = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (int i = blocked; i < to; i++) {
            squares += p[i] * p[i];
        }
        return squares;
    }
}

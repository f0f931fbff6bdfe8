package nndl.random;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A random source that reproduces numpy's legacy {@code np.random.RandomState} stream for stream:
 * MT19937 seeded like {@code np.random.seed(int)}, doubles from two 32-bit draws, Gaussians by the
 * polar method with the second value cached, and bounded integers by masked rejection.
 *
 * <p>NpShape follow the library's convention: a numpy shape {@code (N, d1, ..., dk)} becomes an
 * N×(d1·…·dk) matrix filled in row-major (C) order, a shape {@code (k)} a 1×k row. One instance is
 * not thread-safe; give each thread (for example each configuration of a sweep) its own.
 */
public final class RandomState {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int mti;
    private boolean hasGauss;
    private double gauss;

    /** A source seeded as {@code np.random.RandomState(seed)}. */
    public RandomState(long seed) {
        seed(seed);
    }

    /**
     * Re-seeds as {@code np.random.seed(seed)}: {@code seed} in [0, 2³²−1]; clears the cached Gaussian.
     */
    public void seed(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed: must be between 0 and 2**32 - 1, got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
        hasGauss = false;
        gauss = 0.0;
    }

    /** The next raw 32-bit output of MT19937, as an unsigned value in a long. */
    public long nextUint32() {
        if (mti >= N) {
            regenerate();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void regenerate() {
        int kk = 0;
        for (; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        mti = 0;
    }

    /** One uniform double in [0, 1) with 53 random bits, as numpy's {@code random_sample()}. */
    public double nextDouble() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** One standard normal value, as numpy's legacy {@code standard_normal()}. */
    public double nextGaussian() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** One integer uniform in [0, max], inclusive, by masked rejection ({@code max} ≥ 0). */
    public long nextBounded(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (max <= 0xffffffffL) {
            do {
                value = nextUint32() & mask;
            } while (value > max);
        } else {
            do {
                value = ((nextUint32() << 32) | nextUint32()) & mask;
            } while (value > max);
        }
        return value;
    }

    /** {@code np.random.randn(*shape)}: shape (N, d1, ..., dk) → N×D matrix, (k) → 1×k. */
    public DMatrixRMaj randn(int... shape) {
        DMatrixRMaj out = NpShape.matrix("randn", shape);
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] = nextGaussian();
        }
        return out;
    }

    /** {@code np.random.rand(*shape)}: uniform [0, 1) in the shape's matrix form. */
    public DMatrixRMaj rand(int... shape) {
        DMatrixRMaj out = NpShape.matrix("rand", shape);
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] = nextDouble();
        }
        return out;
    }

    /** {@code np.random.randint(high, size=size)}: integers in [0, high). */
    public int[] randint(int high, int size) {
        return randint(0, high, size);
    }

    /** {@code np.random.randint(low, high, size=size)}: integers in [low, high). */
    public int[] randint(int low, int high, int size) {
        if (high <= low) {
            throw new IllegalArgumentException("randint: low >= high (low=" + low + ", high=" + high + ")");
        }
        checkSize("randint", size);
        long range = (long) high - low - 1;
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = (int) (low + nextBounded(range));
        }
        return out;
    }

    /** {@code np.random.choice(n, size)}: {@code size} draws from [0, n) with replacement. */
    public int[] choice(int n, int size) {
        return choice(n, size, true);
    }

    /**
     * {@code np.random.choice(n, size, replace)}: with replacement it draws as {@code randint(0, n)};
     * without, it takes the first {@code size} entries of {@code permutation(n)}, as numpy does.
     */
    public int[] choice(int n, int size, boolean replace) {
        if (n <= 0) {
            throw new IllegalArgumentException("choice: a must be greater than 0 unless no samples are taken, got n=" + n);
        }
        checkSize("choice", size);
        if (replace) {
            return randint(0, n, size);
        }
        if (size > n) {
            throw new IllegalArgumentException("choice: cannot take a larger sample (" + size + ") than population (" + n + ") when replace=false");
        }
        return Arrays.copyOf(permutation(n), size);
    }

    /** {@code np.random.permutation(n)}: a shuffled copy of 0..n−1. */
    public int[] permutation(int n) {
        checkSize("permutation", n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        shuffle(out);
        return out;
    }

    /** {@code np.random.shuffle(values)}: Fisher–Yates from the end, in place ({@code values} is modified). */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = (int) nextBounded(i);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    private static void checkSize(String function, int size) {
        if (size < 0) {
            throw new IllegalArgumentException(function + ": negative dimensions are not allowed, got size=" + size);
        }
    }

    @Override
    public String toString() {
        return "RandomState(MT19937, position " + mti + (hasGauss ? ", cached gaussian" : "") + ")";
    }
}

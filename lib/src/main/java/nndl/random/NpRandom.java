package nndl.random;

import org.ejml.data.DMatrixRMaj;

/**
 * The global random source, standing in for {@code np.random.*} so that notebook cells read like the
 * seed: {@code seed(0); var X = randn(5, 4);}. Library constructors that take no explicit
 * {@link RandomState} draw from {@link #global()}. Use it from one thread; a parallel sweep gives each
 * configuration its own {@link RandomState}.
 */
public final class NpRandom {
    private static final RandomState GLOBAL = new RandomState(0);

    private NpRandom() {
    }

    /** The shared source behind the static methods. */
    public static RandomState global() {
        return GLOBAL;
    }

    /** {@code np.random.seed(seed)}. */
    public static void seed(long seed) {
        GLOBAL.seed(seed);
    }

    /** {@code np.random.randn(*shape)}: (N, d1..dk) → N×D, (k) → 1×k. */
    public static DMatrixRMaj randn(int... shape) {
        return GLOBAL.randn(shape);
    }

    /** {@code np.random.rand(*shape)}. */
    public static DMatrixRMaj rand(int... shape) {
        return GLOBAL.rand(shape);
    }

    /** {@code np.random.randint(high, size=size)}. */
    public static int[] randint(int high, int size) {
        return GLOBAL.randint(high, size);
    }

    /** {@code np.random.randint(low, high, size=size)}. */
    public static int[] randint(int low, int high, int size) {
        return GLOBAL.randint(low, high, size);
    }

    /** {@code np.random.choice(n, size)} with replacement. */
    public static int[] choice(int n, int size) {
        return GLOBAL.choice(n, size);
    }

    /** {@code np.random.choice(n, size, replace)}. */
    public static int[] choice(int n, int size, boolean replace) {
        return GLOBAL.choice(n, size, replace);
    }

    /** {@code np.random.permutation(n)}. */
    public static int[] permutation(int n) {
        return GLOBAL.permutation(n);
    }
}

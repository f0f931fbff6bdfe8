package nndl.layers;

import nndl.random.NpRandom;
import nndl.random.RandomState;
import nndl.util.Checks;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * Inverted dropout: in training each unit is dropped with probability {@code p} (the seed's "dropout
 * strength") and the kept units are scaled by {@code 1/(1−p)}, so that at test time the layer is the
 * identity.
 */
public final class Dropout {
    private Dropout() {
    }

    /**
     * The dropout settings, the seed's {@code dropout_param}.
     *
     * @param p    probability of dropping a unit, in [0, 1)
     * @param mode train or test
     * @param seed when not null every forward pass draws its mask from a fresh {@code RandomState(seed)},
     *             as cs231n re-seeds with {@code np.random.seed(seed)}, so the mask is the same every call
     */
    public record Param(double p, Mode mode, Long seed) {
        /** Validates {@code p} and {@code mode}. */
        public Param {
            Checks.unitInterval("Dropout.Param", "p", p);
            if (mode == null) {
                throw new IllegalArgumentException("Dropout.Param: mode is null");
            }
            if (seed != null && (seed < 0 || seed > 0xffffffffL)) {
                throw new IllegalArgumentException("Dropout.Param: seed must be between 0 and 2**32 - 1, got " + seed);
            }
        }

        /** Training-mode dropout with drop probability {@code p} and no fixed seed. */
        public Param(double p) {
            this(p, Mode.TRAIN, null);
        }

        /** A copy in {@code mode}. */
        public Param withMode(Mode mode) {
            return new Param(p, mode, seed);
        }

        /** A copy whose masks come from {@code RandomState(seed)} (null: from the running random source). */
        public Param withSeed(Long seed) {
            return new Param(p, mode, seed);
        }
    }

    /**
     * What {@link #dropoutBackward} needs.
     *
     * @param param the settings of the forward pass
     * @param mask  the scaled keep mask ({@code 0} or {@code 1/(1−p)} per entry) in train mode, null in test mode
     */
    public record Cache(Param param, DMatrixRMaj mask) {
        @Override
        public String toString() {
            return "Dropout.Cache(p=" + param.p() + ", " + param.mode() + (mask == null ? "" : ", mask " + Matrices.shape(mask)) + ")";
        }
    }

    /**
     * Computes the dropout forward pass; without a seed in {@code param} the mask is drawn from the global
     * {@link NpRandom}.
     *
     * @param x     inputs of any shape, e.g. N×H (not modified)
     * @param param drop probability, mode and optional seed
     * @return the output (x masked and scaled in train mode, x's copy in test mode) and the cache
     */
    public static Forward<Cache> dropoutForward(DMatrixRMaj x, Param param) {
        return dropoutForward(x, param, NpRandom.global());
    }

    /**
     * Computes the dropout forward pass, drawing the mask from {@code random} when {@code param} has no seed.
     *
     * @param x      inputs of any shape, e.g. N×H (not modified)
     * @param param  drop probability, mode and optional seed
     * @param random the source used when {@code param.seed()} is null (advanced by one uniform per entry)
     * @return the output and the cache
     */
    public static Forward<Cache> dropoutForward(DMatrixRMaj x, Param param, RandomState random) {
        Checks.nonEmpty("dropoutForward", "x", x);
        if (param == null) {
            throw new IllegalArgumentException("dropoutForward: param is null");
        }
        if (param.mode() == Mode.TEST) {
            return new Forward<>(x.copy(), new Cache(param, null));
        }
        RandomState source = param.seed() == null ? random : new RandomState(param.seed());
        DMatrixRMaj uniform = source.rand(x.numRows, x.numCols);
        double keepScale = 1.0 / (1.0 - param.p());
        DMatrixRMaj mask = new DMatrixRMaj(x.numRows, x.numCols);
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, x.numCols);
        for (int i = 0; i < x.getNumElements(); i++) {
            mask.data[i] = uniform.data[i] >= param.p() ? keepScale : 0.0;
            out.data[i] = x.data[i] * mask.data[i];
        }
        return new Forward<>(out, new Cache(param, mask));
    }

    /**
     * Computes the dropout backward pass: {@code dx = dout·mask} in train mode, {@code dout} in test mode.
     *
     * @param dout  upstream gradient, the shape of the forward input (not modified)
     * @param cache from {@link #dropoutForward}
     * @return dx, a new matrix
     */
    public static DMatrixRMaj dropoutBackward(DMatrixRMaj dout, Cache cache) {
        if (dout == null || cache == null) {
            throw new IllegalArgumentException("dropoutBackward: " + (dout == null ? "dout" : "cache") + " is null"
                    + (cache == null ? " (pass the cache that dropoutForward returned)" : ""));
        }
        if (cache.mask() == null) {
            return dout.copy();
        }
        Checks.sameShape("dropoutBackward", "dout", dout, "mask", cache.mask());
        DMatrixRMaj dx = new DMatrixRMaj(dout.numRows, dout.numCols);
        for (int i = 0; i < dout.getNumElements(); i++) {
            dx.data[i] = dout.data[i] * cache.mask().data[i];
        }
        return dx;
    }
}

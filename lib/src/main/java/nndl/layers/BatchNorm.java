package nndl.layers;

import nndl.util.Checks;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * Batch normalisation of the seed's FC net: {@code out = gamma·(x − μ)/√(σ² + eps) + beta} per feature.
 * In training μ and σ² are the batch's mean and (biased) variance, at test time the running averages.
 * The running averages are an explicit value: the forward pass takes the current ones and returns the
 * updated ones, and never changes its arguments.
 */
public final class BatchNorm {
    private BatchNorm() {
    }

    /**
     * The batchnorm settings, the seed's {@code bn_param} without its mutable running statistics.
     *
     * @param mode     train or test
     * @param eps      added to the variance for numerical stability, positive
     * @param momentum weight of the old running value in {@code running = momentum·running + (1−momentum)·batch}, in [0, 1]
     */
    public record Param(Mode mode, double eps, double momentum) {
        /** Validates the settings. */
        public Param {
            if (mode == null) {
                throw new IllegalArgumentException("BatchNorm.Param: mode is null");
            }
            if (!(eps > 0) || Double.isInfinite(eps)) {
                throw new IllegalArgumentException("BatchNorm.Param: eps must be positive, got " + eps);
            }
            if (!(momentum >= 0 && momentum <= 1)) {
                throw new IllegalArgumentException("BatchNorm.Param: momentum must be in [0, 1], got " + momentum);
            }
        }

        /** Train mode, eps 1e-5, momentum 0.9 (cs231n's defaults). */
        public Param() {
            this(Mode.TRAIN, 1e-5, 0.9);
        }

        /** A copy in {@code mode}. */
        public Param withMode(Mode mode) {
            return new Param(mode, eps, momentum);
        }

        /** A copy with {@code eps}. */
        public Param withEps(double eps) {
            return new Param(mode, eps, momentum);
        }

        /** A copy with {@code momentum}. */
        public Param withMomentum(double momentum) {
            return new Param(mode, eps, momentum);
        }
    }

    /**
     * Running per-feature mean and variance, used at test time.
     *
     * @param mean 1×D running mean
     * @param var  1×D running variance
     */
    public record RunningStats(DMatrixRMaj mean, DMatrixRMaj var) {
        /** LayerChecks that both are 1×D rows of the same width. */
        public RunningStats {
            if (mean == null || var == null || mean.numRows != 1 || var.numRows != 1 || mean.numCols != var.numCols) {
                throw new IllegalArgumentException("RunningStats: mean and var must be 1×D rows of one width, got "
                        + (mean == null ? "null" : Matrices.shape(mean)) + " and " + (var == null ? "null" : Matrices.shape(var)));
            }
        }

        /** Zero mean and zero variance for {@code d} features, cs231n's starting point. */
        public static RunningStats zeros(int d) {
            return new RunningStats(new DMatrixRMaj(1, d), new DMatrixRMaj(1, d));
        }

        @Override
        public String toString() {
            return "RunningStats(D=" + mean.numCols + ")";
        }
    }

    /**
     * What {@link #batchnormBackward} needs.
     *
     * @param xhat       N×D normalised inputs
     * @param gamma      1×D scale
     * @param invStd     1×D {@code 1/√(σ² + eps)} as used in the forward pass
     * @param batchStats whether μ and σ² were the batch's own (train mode), so that they depend on x
     */
    public record Cache(DMatrixRMaj xhat, DMatrixRMaj gamma, DMatrixRMaj invStd, boolean batchStats) {
        @Override
        public String toString() {
            return "BatchNorm.Cache(xhat " + Matrices.shape(xhat) + (batchStats ? ", batch statistics" : ", running statistics") + ")";
        }
    }

    /**
     * A batchnorm forward pass: output, cache and the running statistics after this batch.
     *
     * @param out     N×D output
     * @param cache   for {@link #batchnormBackward}
     * @param running the updated running statistics in train mode, the given ones in test mode
     */
    public record Result(DMatrixRMaj out, Cache cache, RunningStats running) {
        @Override
        public String toString() {
            return "BatchNorm.Result(out " + Matrices.shape(out) + ", " + running + ")";
        }
    }

    /**
     * Gradients of the loss with respect to the batchnorm inputs.
     *
     * @param dx     N×D
     * @param dgamma 1×D
     * @param dbeta  1×D
     */
    public record Grads(DMatrixRMaj dx, DMatrixRMaj dgamma, DMatrixRMaj dbeta) {
        @Override
        public String toString() {
            return "BatchNorm.Grads(dx " + Matrices.shape(dx) + ", dgamma " + Matrices.shape(dgamma) + ")";
        }
    }

    /**
     * Computes the batchnorm forward pass {@code gamma·(x − μ)/√(σ² + eps) + beta}, per feature (column).
     *
     * @param x       N×D inputs (not modified)
     * @param gamma   1×D scale (not modified)
     * @param beta    1×D shift (not modified)
     * @param running current running statistics (not modified); null means zeros
     * @param param   mode, eps and momentum
     * @return output, cache and updated running statistics (new matrices)
     */
    public static Result batchnormForward(DMatrixRMaj x, DMatrixRMaj gamma, DMatrixRMaj beta, RunningStats running, Param param) {
        Checks.nonEmpty("batchnormForward", "x", x);
        int d = x.numCols;
        Checks.row("batchnormForward", "gamma", gamma, d, "x " + Matrices.shape(x));
        Checks.row("batchnormForward", "beta", beta, d, "x " + Matrices.shape(x));
        if (param == null) {
            throw new IllegalArgumentException("batchnormForward: param is null");
        }
        RunningStats current = running == null ? RunningStats.zeros(d) : running;
        Checks.row("batchnormForward", "running mean", current.mean(), d, "x " + Matrices.shape(x));
        boolean train = param.mode() == Mode.TRAIN;
        DMatrixRMaj mean = train ? columnMean(x) : current.mean();
        DMatrixRMaj var = train ? columnVariance(x, mean) : current.var();
        DMatrixRMaj invStd = new DMatrixRMaj(1, d);
        for (int j = 0; j < d; j++) {
            invStd.data[j] = 1.0 / Math.sqrt(var.data[j] + param.eps());
        }
        DMatrixRMaj xhat = new DMatrixRMaj(x.numRows, d);
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, d);
        for (int i = 0; i < x.getNumElements(); i++) {
            int j = i % d;
            xhat.data[i] = (x.data[i] - mean.data[j]) * invStd.data[j];
            out.data[i] = gamma.data[j] * xhat.data[i] + beta.data[j];
        }
        RunningStats next = train ? new RunningStats(blend(current.mean(), mean, param.momentum()),
                blend(current.var(), var, param.momentum())) : current;
        return new Result(out, new Cache(xhat, gamma, invStd, train), next);
    }

    /**
     * Computes the batchnorm backward pass. In train mode dx accounts for μ and σ² depending on x:
     * {@code dx = invStd/N·(N·dxhat − Σdxhat − xhat·Σ(dxhat·xhat))} with {@code dxhat = dout·gamma}.
     *
     * @param dout  N×D upstream gradient (not modified)
     * @param cache from {@link #batchnormForward}
     * @return dx (N×D), dgamma (1×D), dbeta (1×D), new matrices
     */
    public static Grads batchnormBackward(DMatrixRMaj dout, Cache cache) {
        if (dout == null || cache == null) {
            throw new IllegalArgumentException("batchnormBackward: " + (dout == null ? "dout" : "cache") + " is null"
                    + (cache == null ? " (pass the cache that batchnormForward returned)" : ""));
        }
        DMatrixRMaj xhat = cache.xhat();
        Checks.sameShape("batchnormBackward", "dout", dout, "x", xhat);
        int n = xhat.numRows;
        int d = xhat.numCols;
        DMatrixRMaj dgamma = new DMatrixRMaj(1, d);
        DMatrixRMaj dbeta = new DMatrixRMaj(1, d);
        for (int i = 0; i < dout.getNumElements(); i++) {
            dgamma.data[i % d] += dout.data[i] * xhat.data[i];
            dbeta.data[i % d] += dout.data[i];
        }
        DMatrixRMaj dx = new DMatrixRMaj(n, d);
        for (int i = 0; i < dout.getNumElements(); i++) {
            int j = i % d;
            double g = cache.gamma().data[j] * cache.invStd().data[j];
            dx.data[i] = cache.batchStats()
                    ? g / n * (n * dout.data[i] - dbeta.data[j] - xhat.data[i] * dgamma.data[j])
                    : g * dout.data[i];
        }
        return new Grads(dx, dgamma, dbeta);
    }

    private static DMatrixRMaj columnMean(DMatrixRMaj x) {
        DMatrixRMaj mean = new DMatrixRMaj(1, x.numCols);
        for (int i = 0; i < x.getNumElements(); i++) {
            mean.data[i % x.numCols] += x.data[i];
        }
        for (int j = 0; j < x.numCols; j++) {
            mean.data[j] /= x.numRows;
        }
        return mean;
    }

    private static DMatrixRMaj columnVariance(DMatrixRMaj x, DMatrixRMaj mean) {
        DMatrixRMaj var = new DMatrixRMaj(1, x.numCols);
        for (int i = 0; i < x.getNumElements(); i++) {
            double centred = x.data[i] - mean.data[i % x.numCols];
            var.data[i % x.numCols] += centred * centred;
        }
        for (int j = 0; j < x.numCols; j++) {
            var.data[j] /= x.numRows;
        }
        return var;
    }

    private static DMatrixRMaj blend(DMatrixRMaj running, DMatrixRMaj batch, double momentum) {
        DMatrixRMaj out = new DMatrixRMaj(1, running.numCols);
        for (int j = 0; j < running.numCols; j++) {
            out.data[j] = momentum * running.data[j] + (1 - momentum) * batch.data[j];
        }
        return out;
    }
}

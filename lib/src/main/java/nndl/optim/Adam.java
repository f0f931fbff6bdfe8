package nndl.optim;

import nndl.util.Checks;
import nndl.util.Matrices;
import nndl.util.PyFloat;
import org.ejml.data.DMatrixRMaj;

/**
 * Adam: moving averages of the gradient and of its square with bias correction. Per step,
 * {@code t += 1; m = β1·m + (1−β1)·dw; v = β2·v + (1−β2)·dw²; m̂ = m / (1−β1^t); v̂ = v / (1−β2^t);
 * w −= learning_rate · m̂ / (√v̂ + epsilon)}.
 *
 * @param learningRate step size, finite and ≥ 0 (cs231n default 1e-3)
 * @param beta1        decay of the first moment, in [0, 1) (default 0.9)
 * @param beta2        decay of the second moment, in [0, 1) (default 0.999)
 * @param epsilon      smoothing term against division by zero, positive (default 1e-8)
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon) implements UpdateRule<Adam.State> {

    /**
     * The moments and step count of one parameter (the seed's {@code config['m']}, {@code ['v']},
     * {@code ['t']}). The matrices are used as given and modified in place by each update.
     */
    public static final class State {
        private final DMatrixRMaj m;
        private final DMatrixRMaj v;
        private int t;

        /**
         * State continuing from given moments, as the seed's tests set {@code config['m'], ['v'], ['t']}.
         *
         * @param m first moment, same shape as the parameter (kept and modified by updates)
         * @param v second moment, same shape as the parameter (kept and modified by updates)
         * @param t number of steps already taken, ≥ 0
         */
        public State(DMatrixRMaj m, DMatrixRMaj v, int t) {
            Checks.notNull("Adam.State", "m", m);
            Checks.notNull("Adam.State", "v", v);
            if (m.numRows != v.numRows || m.numCols != v.numCols) {
                throw new IllegalArgumentException("Adam.State: m is " + Matrices.shape(m) + " but v is " + Matrices.shape(v));
            }
            if (t < 0) {
                throw new IllegalArgumentException("Adam.State: t must be >= 0, got " + t);
            }
            this.m = m;
            this.v = v;
            this.t = t;
        }

        /** The first moment (moving average of dw); the live matrix. */
        public DMatrixRMaj m() {
            return m;
        }

        /** The second moment (moving average of dw²); the live matrix. */
        public DMatrixRMaj v() {
            return v;
        }

        /** The number of updates taken so far. */
        public int t() {
            return t;
        }

        /** Advances the step count and returns the new value, Adam's {@code t += 1} before the update. */
        int nextStep() {
            return ++t;
        }

        @Override
        public String toString() {
            return "Adam.State(m " + Matrices.shape(m) + ", v " + Matrices.shape(v) + ", t=" + t + ")";
        }
    }

    public Adam {
        Checks.nonNegative("Adam", "learningRate", learningRate);
        Checks.unitInterval("Adam", "beta1", beta1);
        Checks.unitInterval("Adam", "beta2", beta2);
        Checks.positive("Adam", "epsilon", epsilon);
    }

    /** cs231n's defaults: learning rate 1e-3, β1 0.9, β2 0.999, epsilon 1e-8. */
    public Adam() {
        this(1e-3, 0.9, 0.999, 1e-8);
    }

    @Override
    public Adam withLearningRate(double learningRate) {
        return new Adam(learningRate, beta1, beta2, epsilon);
    }

    /** A copy with another β1 in [0, 1). */
    public Adam withBeta1(double beta1) {
        return new Adam(learningRate, beta1, beta2, epsilon);
    }

    /** A copy with another β2 in [0, 1). */
    public Adam withBeta2(double beta2) {
        return new Adam(learningRate, beta1, beta2, epsilon);
    }

    /** A copy with another positive epsilon. */
    public Adam withEpsilon(double epsilon) {
        return new Adam(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public State newState(DMatrixRMaj w) {
        return new State(new DMatrixRMaj(w.numRows, w.numCols), new DMatrixRMaj(w.numRows, w.numCols), 0);
    }

    @Override
    public DMatrixRMaj update(DMatrixRMaj w, DMatrixRMaj dw, State state) {
        return Optim.adam(w, dw, this, state);
    }

    @Override
    public String toString() {
        return "adam(lr=" + PyFloat.repr(learningRate) + ", beta1=" + PyFloat.repr(beta1)
                + ", beta2=" + PyFloat.repr(beta2) + ", epsilon=" + PyFloat.repr(epsilon) + ")";
    }
}

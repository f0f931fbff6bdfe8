package nndl.optim;

import nndl.util.Checks;
import nndl.util.Matrices;
import nndl.util.PyFloat;
import org.ejml.data.DMatrixRMaj;

/**
 * RMSProp: a moving average of squared gradients scales each coordinate's step,
 * {@code cache = decay_rate * cache + (1 - decay_rate) * dw²; w -= learning_rate * dw / (√cache + epsilon)}.
 *
 * @param learningRate step size, finite and ≥ 0 (cs231n default 1e-2)
 * @param decayRate    weight of the old cache, in [0, 1) (default 0.99)
 * @param epsilon      smoothing term against division by zero, positive (default 1e-8)
 */
public record RmsProp(double learningRate, double decayRate, double epsilon) implements UpdateRule<RmsProp.State> {

    /**
     * The moving average of squared gradients of one parameter (the seed's {@code config['cache']}).
     *
     * @param cache same shape as the parameter; the update modifies it in place
     */
    public record State(DMatrixRMaj cache) {
        public State {
            Checks.notNull("RmsProp.State", "cache", cache);
        }

        @Override
        public String toString() {
            return "RmsProp.State(cache " + Matrices.shape(cache) + ")";
        }
    }

    public RmsProp {
        Checks.nonNegative("RmsProp", "learningRate", learningRate);
        Checks.unitInterval("RmsProp", "decayRate", decayRate);
        Checks.positive("RmsProp", "epsilon", epsilon);
    }

    /** cs231n's defaults: learning rate 1e-2, decay rate 0.99, epsilon 1e-8. */
    public RmsProp() {
        this(1e-2, 0.99, 1e-8);
    }

    @Override
    public RmsProp withLearningRate(double learningRate) {
        return new RmsProp(learningRate, decayRate, epsilon);
    }

    /** A copy with another decay rate in [0, 1). */
    public RmsProp withDecayRate(double decayRate) {
        return new RmsProp(learningRate, decayRate, epsilon);
    }

    /** A copy with another positive epsilon. */
    public RmsProp withEpsilon(double epsilon) {
        return new RmsProp(learningRate, decayRate, epsilon);
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public State newState(DMatrixRMaj w) {
        return new State(new DMatrixRMaj(w.numRows, w.numCols));
    }

    @Override
    public DMatrixRMaj update(DMatrixRMaj w, DMatrixRMaj dw, State state) {
        return Optim.rmsprop(w, dw, this, state);
    }

    @Override
    public String toString() {
        return "rmsprop(lr=" + PyFloat.repr(learningRate) + ", decayRate=" + PyFloat.repr(decayRate)
                + ", epsilon=" + PyFloat.repr(epsilon) + ")";
    }
}

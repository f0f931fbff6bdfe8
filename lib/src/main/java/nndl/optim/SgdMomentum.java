package nndl.optim;

import nndl.util.Checks;
import nndl.util.Matrices;
import nndl.util.PyFloat;
import org.ejml.data.DMatrixRMaj;

/**
 * Stochastic gradient descent with momentum: {@code v = momentum * v - learning_rate * dw;
 * w += v}.
 *
 * @param learningRate step size, finite and ≥ 0 (cs231n default 1e-2)
 * @param momentum     velocity decay μ in [0, 1) (default 0.9; 0 gives plain SGD)
 */
public record SgdMomentum(double learningRate, double momentum) implements UpdateRule<SgdMomentum.State> {

    /**
     * The running velocity of one parameter (the seed's {@code config['velocity']}).
     *
     * @param velocity same shape as the parameter; the update modifies it in place
     */
    public record State(DMatrixRMaj velocity) {
        public State {
            Checks.notNull("SgdMomentum.State", "velocity", velocity);
        }

        @Override
        public String toString() {
            return "SgdMomentum.State(velocity " + Matrices.shape(velocity) + ")";
        }
    }

    public SgdMomentum {
        Checks.nonNegative("SgdMomentum", "learningRate", learningRate);
        Checks.unitInterval("SgdMomentum", "momentum", momentum);
    }

    /** cs231n's defaults: learning rate 1e-2, momentum 0.9. */
    public SgdMomentum() {
        this(1e-2, 0.9);
    }

    @Override
    public SgdMomentum withLearningRate(double learningRate) {
        return new SgdMomentum(learningRate, momentum);
    }

    /** A copy with another momentum μ in [0, 1). */
    public SgdMomentum withMomentum(double momentum) {
        return new SgdMomentum(learningRate, momentum);
    }

    @Override
    public String name() {
        return "sgd_momentum";
    }

    @Override
    public State newState(DMatrixRMaj w) {
        return new State(new DMatrixRMaj(w.numRows, w.numCols));
    }

    @Override
    public DMatrixRMaj update(DMatrixRMaj w, DMatrixRMaj dw, State state) {
        return Optim.sgdMomentum(w, dw, this, state);
    }

    @Override
    public String toString() {
        return "sgd_momentum(lr=" + PyFloat.repr(learningRate) + ", momentum=" + PyFloat.repr(momentum) + ")";
    }
}

package nndl.optim;

import nndl.util.Checks;
import nndl.util.PyFloat;
import org.ejml.data.DMatrixRMaj;

/**
 * Vanilla stochastic gradient descent, {@code w -= learning_rate * dw}.
 *
 * @param learningRate step size, finite and ≥ 0 (cs231n default 1e-2)
 */
public record Sgd(double learningRate) implements UpdateRule<Sgd.State> {

    /** Plain SGD keeps nothing between steps; the record exists so every rule has the same shape. */
    public record State() {
        @Override
        public String toString() {
            return "Sgd.State(none)";
        }
    }

    public Sgd {
        Checks.nonNegative("Sgd", "learningRate", learningRate);
    }

    /** cs231n's defaults: learning rate 1e-2. */
    public Sgd() {
        this(1e-2);
    }

    @Override
    public Sgd withLearningRate(double learningRate) {
        return new Sgd(learningRate);
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public State newState(DMatrixRMaj w) {
        return new State();
    }

    @Override
    public DMatrixRMaj update(DMatrixRMaj w, DMatrixRMaj dw, State state) {
        return Optim.sgd(w, dw, this);
    }

    @Override
    public String toString() {
        return "sgd(lr=" + PyFloat.repr(learningRate) + ")";
    }
}

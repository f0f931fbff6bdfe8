package nndl.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * A first-order update rule, cs231n's {@code optim.py} contract {@code update(w, dw, config) ->
 * (next_w, config)} made typed: the record holds the hyperparameters (the seed's {@code optim_config}
 * values), and {@code S} is the explicit per-parameter state the rule carries between steps (nothing
 * for {@link Sgd}, a velocity for {@link SgdMomentum}, a squared-gradient cache for {@link RmsProp},
 * the moments and step count for {@link Adam}).
 *
 * <p>{@link #update} overwrites {@code w} with {@code next_w} and advances the state in place, so a
 * training loop updates the model's own matrices and allocates nothing after {@link #newState}.
 *
 * @param <S> the rule's per-parameter state
 */
public sealed interface UpdateRule<S> permits Sgd, SgdMomentum, RmsProp, Adam {

    /** The step size; the {@link nndl.solver.Solver} multiplies it by {@code lrDecay} at every epoch end. */
    double learningRate();

    /**
     * A copy of this rule with another learning rate and the same other hyperparameters.
     *
     * @param learningRate the new step size, finite and ≥ 0
     */
    UpdateRule<S> withLearningRate(double learningRate);

    /** The seed's name for the rule: {@code sgd}, {@code sgd_momentum}, {@code rmsprop} or {@code adam}. */
    String name();

    /**
     * Fresh state for one parameter, as the seed's {@code config.setdefault(...)}: zero matrices
     * shaped like {@code w} and a step count of 0.
     *
     * @param w the parameter the state belongs to, any shape (not modified)
     */
    S newState(DMatrixRMaj w);

    /**
     * One update step: {@code w} becomes {@code next_w} and {@code state} is advanced.
     *
     * @param w     the parameter, any shape (modified: overwritten with next_w)
     * @param dw    the gradient of the loss with respect to {@code w}, same shape (not modified)
     * @param state this parameter's state from {@link #newState} (modified)
     * @return {@code w}, now holding next_w
     */
    DMatrixRMaj update(DMatrixRMaj w, DMatrixRMaj dw, S state);
}

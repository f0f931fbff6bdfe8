package nndl.optim;

import nndl.util.Checks;
import org.ejml.data.DMatrixRMaj;

/**
 * One parameter's optimiser, cs231n's {@code optim_configs[p]}: the rule's hyperparameters with this
 * parameter's current (possibly decayed) learning rate, and the rule's state for this parameter.
 * The Solver keeps one per parameter and decays each learning rate at every epoch end, exactly as
 * cs231n multiplies {@code optim_configs[p]['learning_rate']} by {@code lr_decay}.
 *
 * @param <S> the rule's per-parameter state
 */
public final class OptimConfig<S> {
    private UpdateRule<S> rule;
    private final S state;

    private OptimConfig(UpdateRule<S> rule, S state) {
        this.rule = rule;
        this.state = state;
    }

    /**
     * A fresh optimiser for parameter {@code w}: the rule's hyperparameters and zero state.
     *
     * @param rule the update rule and its hyperparameters
     * @param w    the parameter, any shape (not modified)
     */
    public static <S> OptimConfig<S> of(UpdateRule<S> rule, DMatrixRMaj w) {
        Checks.notNull("OptimConfig.of", "rule", rule);
        Checks.notNull("OptimConfig.of", "w", w);
        return new OptimConfig<>(rule, rule.newState(w));
    }

    /** The rule with this parameter's current learning rate. */
    public UpdateRule<S> rule() {
        return rule;
    }

    /** This parameter's current learning rate. */
    public double learningRate() {
        return rule.learningRate();
    }

    /** The rule's live state for this parameter (velocity, cache, or moments and step count). */
    public S state() {
        return state;
    }

    /**
     * One update step of this parameter with the current hyperparameters.
     *
     * @param w  the parameter this optimiser was made for (modified: becomes next_w)
     * @param dw its gradient, same shape (not modified)
     * @return {@code w}
     */
    public DMatrixRMaj update(DMatrixRMaj w, DMatrixRMaj dw) {
        return rule.update(w, dw, state);
    }

    /**
     * Multiplies the learning rate by {@code factor}, the Solver's per-epoch {@code lr *= lr_decay}.
     *
     * @param factor finite and positive
     */
    public void decayLearningRate(double factor) {
        Checks.positive("OptimConfig.decayLearningRate", "factor", factor);
        rule = rule.withLearningRate(rule.learningRate() * factor);
    }

    @Override
    public String toString() {
        return "OptimConfig(" + rule + ", " + state + ")";
    }
}

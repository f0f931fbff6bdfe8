package nndl.pa2;

import nndl.util.Checks;

/**
 * The hyperparameters of {@link Pa2Net#train}: full-batch gradient descent with momentum,
 * {@code v ← γ·v + α·∂L/∂W}, {@code W ← W − v}; γ = 0 is plain gradient descent.
 *
 * @param epochs       number of full-batch steps, non-negative
 * @param learningRate α, positive and finite
 * @param gamma        the momentum γ, in [0, 1)
 */
public record MomentumOptions(int epochs, double learningRate, double gamma) {
    /** Validates every field, naming the one that is wrong. */
    public MomentumOptions {
        if (epochs < 0) {
            throw new IllegalArgumentException("MomentumOptions: epochs must not be negative, got " + epochs);
        }
        Checks.positiveFinite("MomentumOptions", "learningRate", learningRate);
        Checks.unitInterval("MomentumOptions", "gamma", gamma);
    }

    /** PA2's 200 epochs with α = 0.1 and γ = 0.9. */
    public MomentumOptions() {
        this(200, 0.1, 0.9);
    }

    /** A copy with {@code epochs} changed. */
    public MomentumOptions withEpochs(int epochs) {
        return new MomentumOptions(epochs, learningRate, gamma);
    }

    /** A copy with α changed. */
    public MomentumOptions withLearningRate(double learningRate) {
        return new MomentumOptions(epochs, learningRate, gamma);
    }

    /** A copy with γ changed ({@code 0} for plain gradient descent). */
    public MomentumOptions withGamma(double gamma) {
        return new MomentumOptions(epochs, learningRate, gamma);
    }
}

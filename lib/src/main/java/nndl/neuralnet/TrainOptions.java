package nndl.neuralnet;

import nndl.util.Checks;
import nndl.util.PyFloat;

/**
 * The hyperparameters of {@link TwoLayerNet#train}, with the seed's defaults: learning rate 1e-3, decay
 * 0.95 per epoch, reg 1e-5, 100 iterations, batch 200, quiet.
 *
 * @param learningRate      SGD step size, positive
 * @param learningRateDecay factor applied to the learning rate after each epoch, positive
 * @param reg               L2 regularisation strength, non-negative
 * @param numIters          number of SGD steps, non-negative
 * @param batchSize         examples per minibatch (drawn with replacement), positive
 * @param verbose           print the loss every 100 iterations
 */
public record TrainOptions(double learningRate, double learningRateDecay, double reg, int numIters, int batchSize,
                           boolean verbose) {

    /** Validates every field, naming the one that is wrong. */
    public TrainOptions {
        Checks.positiveFinite("TrainOptions", "learningRate", learningRate);
        Checks.positiveFinite("TrainOptions", "learningRateDecay", learningRateDecay);
        Checks.nonNegativeFinite("TrainOptions", "reg", reg);
        if (numIters < 0) {
            throw new IllegalArgumentException("TrainOptions: numIters must not be negative, got " + numIters);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("TrainOptions: batchSize must be positive, got " + batchSize);
        }
    }

    /** The seed's defaults. */
    public TrainOptions() {
        this(1e-3, 0.95, 1e-5, 100, 200, false);
    }

    /** The seed's defaults, as a static factory for fluent use: {@code TrainOptions.defaults().withReg(0.25)}. */
    public static TrainOptions defaults() {
        return new TrainOptions();
    }

    /** A copy with {@code learningRate}. */
    public TrainOptions withLearningRate(double learningRate) {
        return new TrainOptions(learningRate, learningRateDecay, reg, numIters, batchSize, verbose);
    }

    /** A copy with {@code learningRateDecay}. */
    public TrainOptions withLearningRateDecay(double learningRateDecay) {
        return new TrainOptions(learningRate, learningRateDecay, reg, numIters, batchSize, verbose);
    }

    /** A copy with {@code reg}. */
    public TrainOptions withReg(double reg) {
        return new TrainOptions(learningRate, learningRateDecay, reg, numIters, batchSize, verbose);
    }

    /** A copy with {@code numIters}. */
    public TrainOptions withNumIters(int numIters) {
        return new TrainOptions(learningRate, learningRateDecay, reg, numIters, batchSize, verbose);
    }

    /** A copy with {@code batchSize}. */
    public TrainOptions withBatchSize(int batchSize) {
        return new TrainOptions(learningRate, learningRateDecay, reg, numIters, batchSize, verbose);
    }

    /** A copy with {@code verbose}. */
    public TrainOptions withVerbose(boolean verbose) {
        return new TrainOptions(learningRate, learningRateDecay, reg, numIters, batchSize, verbose);
    }

    @Override
    public String toString() {
        return "TrainOptions(learningRate=" + PyFloat.repr(learningRate) + ", learningRateDecay=" + PyFloat.repr(learningRateDecay)
                + ", reg=" + PyFloat.repr(reg) + ", numIters=" + numIters + ", batchSize=" + batchSize + ", verbose=" + verbose + ")";
    }
}

package nndl.solver;

import nndl.optim.Sgd;
import nndl.optim.UpdateRule;
import nndl.random.NpRandom;
import nndl.random.RandomState;

/**
 * The Solver's keyword arguments with cs231n's defaults. The update rule carries the seed's
 * {@code optim_config} (e.g. {@code new Sgd(1e-3)} for {@code update_rule='sgd',
 * optim_config={'learning_rate': 1e-3}}).
 *
 * @param updateRule      update rule and its hyperparameters (default {@code new Sgd()}, lr 1e-2)
 * @param lrDecay         factor applied to the learning rate after each epoch, finite and > 0 (default 1.0)
 * @param batchSize       minibatch size, ≥ 1 (default 100)
 * @param numEpochs       epochs to train, ≥ 1 (default 10)
 * @param printEvery      log the loss every this many iterations when verbose, ≥ 1 (default 10)
 * @param numTrainSamples training rows sub-sampled for the per-epoch train accuracy, ≥ 1, or null
 *                        for all (default 1000)
 * @param numValSamples   validation rows sub-sampled for the val accuracy, ≥ 1, or null for all
 *                        (default null)
 * @param verbose         print the log lines (default true); when false nothing is printed
 * @param random          source of minibatches and accuracy sub-samples (default the global
 *                        {@link NpRandom#global()}, as cs231n uses {@code np.random})
 */
public record SolverOptions(UpdateRule<?> updateRule, double lrDecay, int batchSize, int numEpochs, int printEvery,
                            Integer numTrainSamples, Integer numValSamples, boolean verbose, RandomState random) {
    public SolverOptions {
        if (updateRule == null) {
            throw new IllegalArgumentException("SolverOptions: updateRule must not be null");
        }
        if (!(lrDecay > 0) || Double.isInfinite(lrDecay)) {
            throw new IllegalArgumentException("SolverOptions: lrDecay must be finite and > 0, got " + lrDecay);
        }
        atLeastOne("batchSize", batchSize);
        atLeastOne("numEpochs", numEpochs);
        atLeastOne("printEvery", printEvery);
        if (numTrainSamples != null) {
            atLeastOne("numTrainSamples", numTrainSamples);
        }
        if (numValSamples != null) {
            atLeastOne("numValSamples", numValSamples);
        }
        if (random == null) {
            throw new IllegalArgumentException("SolverOptions: random must not be null");
        }
    }

    /** cs231n's defaults: sgd (lr 1e-2), no decay, batch 100, 10 epochs, print every 10, 1000 train samples. */
    public SolverOptions() {
        this(new Sgd(), 1.0, 100, 10, 10, 1000, null, true, NpRandom.global());
    }

    /** The defaults, as {@code new SolverOptions()}. */
    public static SolverOptions defaults() {
        return new SolverOptions();
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("SolverOptions: " + name + " must be >= 1, got " + value);
        }
    }

    /** A copy with another update rule (and its hyperparameters). */
    public SolverOptions withUpdateRule(UpdateRule<?> updateRule) {
        return new SolverOptions(updateRule, lrDecay, batchSize, numEpochs, printEvery, numTrainSamples, numValSamples, verbose, random);
    }

    /** A copy with another per-epoch learning-rate factor. */
    public SolverOptions withLrDecay(double lrDecay) {
        return new SolverOptions(updateRule, lrDecay, batchSize, numEpochs, printEvery, numTrainSamples, numValSamples, verbose, random);
    }

    /** A copy with another minibatch size. */
    public SolverOptions withBatchSize(int batchSize) {
        return new SolverOptions(updateRule, lrDecay, batchSize, numEpochs, printEvery, numTrainSamples, numValSamples, verbose, random);
    }

    /** A copy with another number of epochs. */
    public SolverOptions withNumEpochs(int numEpochs) {
        return new SolverOptions(updateRule, lrDecay, batchSize, numEpochs, printEvery, numTrainSamples, numValSamples, verbose, random);
    }

    /** A copy with another logging interval (iterations). */
    public SolverOptions withPrintEvery(int printEvery) {
        return new SolverOptions(updateRule, lrDecay, batchSize, numEpochs, printEvery, numTrainSamples, numValSamples, verbose, random);
    }

    /** A copy with another train-accuracy sample size ({@code null} = all rows). */
    public SolverOptions withNumTrainSamples(Integer numTrainSamples) {
        return new SolverOptions(updateRule, lrDecay, batchSize, numEpochs, printEvery, numTrainSamples, numValSamples, verbose, random);
    }

    /** A copy with another val-accuracy sample size ({@code null} = all rows). */
    public SolverOptions withNumValSamples(Integer numValSamples) {
        return new SolverOptions(updateRule, lrDecay, batchSize, numEpochs, printEvery, numTrainSamples, numValSamples, verbose, random);
    }

    /** A copy that prints the log lines or stays silent. */
    public SolverOptions withVerbose(boolean verbose) {
        return new SolverOptions(updateRule, lrDecay, batchSize, numEpochs, printEvery, numTrainSamples, numValSamples, verbose, random);
    }

    /** A copy drawing from {@code random} (for example one source per configuration of a parallel sweep). */
    public SolverOptions withRandom(RandomState random) {
        return new SolverOptions(updateRule, lrDecay, batchSize, numEpochs, printEvery, numTrainSamples, numValSamples, verbose, random);
    }

    /** A copy drawing from a fresh {@code new RandomState(seed)}. */
    public SolverOptions withSeed(long seed) {
        return withRandom(new RandomState(seed));
    }

    @Override
    public String toString() {
        return "SolverOptions(" + updateRule + ", lrDecay=" + lrDecay + ", batchSize=" + batchSize + ", numEpochs=" + numEpochs
                + ", printEvery=" + printEvery + ", numTrainSamples=" + (numTrainSamples == null ? "all" : numTrainSamples)
                + ", numValSamples=" + (numValSamples == null ? "all" : numValSamples) + ", verbose=" + verbose
                + ", random=" + (random == NpRandom.global() ? "global" : "own") + ")";
    }
}

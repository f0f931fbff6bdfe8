package nndl.solver;

import nndl.util.Checks;
import nndl.util.ProgressListener;
import nndl.util.Stopped;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nndl.data.DataSplits;
import nndl.nets.LossAndGrads;
import nndl.nets.Model;
import nndl.neuralnet.TrainStats;
import nndl.optim.OptimConfig;
import nndl.random.RandomState;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains a {@link Model} by minibatch gradient descent with the semantics of cs231n's
 * {@code solver.py}. The model must provide {@code params()} (its own matrices, updated in place),
 * {@code loss(X)} (class scores) and {@code loss(X, y)} (loss and one gradient per parameter).
 *
 * <p>{@link #train()} runs {@code numEpochs · max(N / batchSize, 1)} iterations. Each draws a
 * minibatch with replacement from the options' random source, records the loss, and updates every
 * parameter with its own {@link OptimConfig}. At every epoch end each learning rate is multiplied by
 * {@code lrDecay}; at the first iteration, the last and every epoch end the train accuracy (on
 * {@code numTrainSamples} sub-sampled rows) and the val accuracy are recorded, and the parameters with
 * the best val accuracy are kept; they are copied back into the model when training ends. Verbose
 * runs print the seed's log lines {@code (Iteration 1 / 2450) loss: 2.302087} and
 * {@code (Epoch 0 / 10) train acc: 0.144000; val_acc: 0.134000}. A NaN or infinite loss stops the run:
 * {@link #train()} returns the histories so far marked diverged (as every training loop of the library
 * does; {@link #diverged()} says it too), and the model keeps the best parameters.
 */
public final class Solver {
    private final Model model;
    private final SolverData data;
    private final SolverOptions options;
    private final RandomState random;
    private final Map<String, DMatrixRMaj> params;
    private final Map<String, OptimConfig<?>> optimConfigs = new LinkedHashMap<>();
    // The same parameters as arrays, so a step walks them without allocating iterators.
    private final String[] names;
    private final DMatrixRMaj[] weights;
    private final OptimConfig<?>[] configs;
    private final int iterationsPerEpoch;
    private final int numIterations;

    private final double[] lossHistory;
    private final double[] trainAccHistory;
    private final double[] valAccHistory;
    private int iterations;
    private int accuracyChecks;
    private int epoch;
    private boolean started;
    private String divergence;
    private Map<String, DMatrixRMaj> bestParams;
    private double bestValAcc;

    private final int[] batchIdx;
    private final int[] yBatch;
    private final DMatrixRMaj xBatch;
    private final DMatrixRMaj evalBatch = new DMatrixRMaj(1, 1);

    /**
     * A solver for {@code model} on the seed's {@code data} dictionary (its test part is not used).
     *
     * @param model   the model to train; its parameter matrices are modified in place
     * @param data    X_train N×D, X_val M×D and labels (not modified)
     * @param options hyperparameters and random source
     */
    public Solver(Model model, DataSplits data, SolverOptions options) {
        this(model, SolverData.of(data), options);
    }

    /**
     * A solver for {@code model} on a train/val split such as the seed's {@code small_data}.
     *
     * @param model   the model to train; its parameter matrices are modified in place
     * @param data    X_train N×D, X_val M×D and labels (not modified)
     * @param options hyperparameters and random source
     */
    public Solver(Model model, SolverData data, SolverOptions options) {
        if (model == null || data == null || options == null) {
            throw new IllegalArgumentException("Solver: model, data and options must all be given");
        }
        this.model = model;
        this.data = data;
        this.options = options;
        this.random = options.random();
        this.params = model.params();
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException("Solver: the model has no parameters (params() is empty)");
        }
        params.forEach((name, w) -> {
            if (w == null) {
                throw new IllegalArgumentException("Solver: the model's parameter " + name + " is null");
            }
            optimConfigs.put(name, OptimConfig.of(options.updateRule(), w));
        });
        this.names = params.keySet().toArray(new String[0]);
        this.weights = params.values().toArray(new DMatrixRMaj[0]);
        this.configs = optimConfigs.values().toArray(new OptimConfig<?>[0]);
        int numTrain = data.xTrain().numRows;
        this.iterationsPerEpoch = Math.max(numTrain / options.batchSize(), 1);
        long total = (long) options.numEpochs() * iterationsPerEpoch;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Solver: " + options.numEpochs() + " epochs of " + iterationsPerEpoch
                    + " iterations is too many iterations");
        }
        this.numIterations = (int) total;
        this.lossHistory = new double[numIterations];
        this.trainAccHistory = new double[options.numEpochs() + 1];
        this.valAccHistory = new double[options.numEpochs() + 1];
        this.batchIdx = new int[options.batchSize()];
        this.yBatch = new int[options.batchSize()];
        this.xBatch = new DMatrixRMaj(options.batchSize(), data.xTrain().numCols);
    }

    /** A solver with cs231n's default options, drawing from the global random source. */
    public Solver(Model model, DataSplits data) {
        this(model, data, new SolverOptions());
    }

    /**
     * Runs the whole optimisation (see the class description); afterwards the model holds the
     * parameters with the best val accuracy. Can be called once per Solver.
     *
     * @return the loss, train-accuracy and val-accuracy histories (as {@link #lossHistory()} and the
     *         others) and how the run ended: completed, or diverged with {@link #divergenceMessage()}
     * @throws Stopped when the thread is interrupted (checked once per iteration); its {@code partial()}
     *                 is the {@link TrainStats} so far and the model holds the best parameters so far
     */
    public TrainStats train() {
        return train(ProgressListener.NONE);
    }

    /**
     * As {@link #train()}, telling {@code progress} after every iteration (iteration count, number of
     * iterations, minibatch loss).
     *
     * @param progress told after every iteration, on this thread ({@link ProgressListener#NONE} for nobody)
     * @return the histories and how the run ended, as {@link #train()}
     * @throws Stopped when the thread is interrupted (checked once per iteration); its {@code partial()}
     *                 is the {@link TrainStats} so far and the model holds the best parameters so far
     */
    public TrainStats train(ProgressListener progress) {
        if (started) {
            throw new IllegalStateException("Solver.train: this solver has already trained; create a new Solver to train again");
        }
        started = true;
        for (int t = 0; t < numIterations; t++) {
            if (Thread.interrupted()) {
                restoreBestParams();
                throw new Stopped(t, numIterations, stats(false, "stopped at iteration " + t + " / " + numIterations));
            }
            double loss = step();
            if (!Double.isFinite(loss)) {
                divergence = "Solver: loss diverged to " + loss + " at iteration " + (t + 1) + " / " + numIterations
                        + "; stopping, history kept";
                log(divergence);
                break;
            }
            if (t % options.printEvery() == 0) {
                log(String.format(Locale.ROOT, "(Iteration %d / %d) loss: %f", t + 1, numIterations, loss));
            }
            boolean epochEnd = (t + 1) % iterationsPerEpoch == 0;
            if (epochEnd) {
                epoch++;
                for (OptimConfig<?> config : configs) {
                    config.decayLearningRate(options.lrDecay());
                }
            }
            if (t == 0 || t == numIterations - 1 || epochEnd) {
                recordAccuracies();
            }
            progress.progress(t + 1, numIterations, loss);
        }
        restoreBestParams();
        return diverged() ? stats(true, divergence) : stats(false, "completed " + numIterations + " iterations");
    }

    private TrainStats stats(boolean diverged, String message) {
        return new TrainStats(Arrays.stream(lossHistory()).boxed().toList(), Arrays.stream(trainAccHistory()).boxed().toList(),
                Arrays.stream(valAccHistory()).boxed().toList(), diverged, message);
    }

    /** One minibatch step; the parameters are left untouched when the loss is not finite. */
    private double step() {
        int numTrain = data.xTrain().numRows;
        // Element by element this is choice(numTrain, batchSize) with replacement (= randint(0, numTrain)),
        // drawn into a reused array.
        for (int i = 0; i < batchIdx.length; i++) {
            batchIdx[i] = (int) random.nextBounded(numTrain - 1L);
            yBatch[i] = data.yTrain()[batchIdx[i]];
        }
        Batches.gather(data.xTrain(), batchIdx, 0, batchIdx.length, xBatch);
        LossAndGrads out = model.loss(xBatch, yBatch);
        double loss = out.loss();
        lossHistory[iterations++] = loss;
        if (Double.isFinite(loss)) {
            applyUpdates(out.grads());
        }
        return loss;
    }

    private void applyUpdates(Map<String, DMatrixRMaj> grads) {
        for (int i = 0; i < names.length; i++) {
            DMatrixRMaj w = weights[i];
            DMatrixRMaj dw = grads == null ? null : grads.get(names[i]);
            if (dw == null) {
                throw new IllegalStateException("Solver: model.loss(X, y) returned no gradient for parameter " + names[i]
                        + " (gradients: " + (grads == null ? "none" : grads.keySet()) + ")");
            }
            if (dw.numRows != w.numRows || dw.numCols != w.numCols) {
                throw new IllegalStateException("Solver: gradient of " + names[i] + " is " + Matrices.shape(dw)
                        + " but the parameter is " + Matrices.shape(w));
            }
            configs[i].update(w, dw);
        }
    }

    private void recordAccuracies() {
        double trainAcc = checkAccuracy(data.xTrain(), data.yTrain(), options.numTrainSamples());
        double valAcc = checkAccuracy(data.xVal(), data.yVal(), options.numValSamples());
        trainAccHistory[accuracyChecks] = trainAcc;
        valAccHistory[accuracyChecks] = valAcc;
        accuracyChecks++;
        log(String.format(Locale.ROOT, "(Epoch %d / %d) train acc: %f; val_acc: %f", epoch, options.numEpochs(), trainAcc, valAcc));
        if (bestParams == null) {
            bestParams = new LinkedHashMap<>();
            params.forEach((name, w) -> bestParams.put(name, w.copy()));
            bestValAcc = valAcc;
        } else if (valAcc > bestValAcc) {
            bestValAcc = valAcc;
            params.forEach((name, w) -> bestParams.get(name).setTo(w));
        }
    }

    private void restoreBestParams() {
        if (bestParams != null) {
            bestParams.forEach((name, best) -> params.get(name).setTo(best));
        }
    }

    private void log(String line) {
        if (options.verbose()) {
            System.out.println(line);
        }
    }

    /**
     * The model's accuracy on all rows of {@code x}, predicted in batches of 100.
     *
     * @param x N×D inputs (not modified)
     * @param y N labels
     * @return the fraction of rows whose highest score is the label
     */
    public double checkAccuracy(DMatrixRMaj x, int[] y) {
        return checkAccuracy(x, y, null, 100);
    }

    /**
     * The model's accuracy on {@code numSamples} rows of {@code x} drawn with replacement from the
     * solver's random source (all rows, and no draw, when {@code numSamples} is null or ≥ N).
     *
     * @param x          N×D inputs (not modified)
     * @param y          N labels
     * @param numSamples sub-sample size ≥ 1, or null for all rows
     */
    public double checkAccuracy(DMatrixRMaj x, int[] y, Integer numSamples) {
        return checkAccuracy(x, y, numSamples, 100);
    }

    /**
     * The model's accuracy on (a sub-sample of) {@code x}, cs231n's {@code check_accuracy}: if
     * {@code numSamples} is given and N &gt; numSamples, {@code choice(N, numSamples)} rows are drawn
     * with replacement from the solver's random source; predictions are the argmax of
     * {@code model.loss(Xbatch)} over batches of {@code batchSize} rows.
     *
     * @param x          N×D inputs, N ≥ 1 (not modified)
     * @param y          N labels
     * @param numSamples sub-sample size ≥ 1, or null for all rows
     * @param batchSize  rows per forward pass, ≥ 1
     * @return the fraction of predicted rows whose highest score is the label
     */
    public double checkAccuracy(DMatrixRMaj x, int[] y, Integer numSamples, int batchSize) {
        Batches.checkAccuracyArgs(x, y, numSamples, batchSize);
        int n = x.numRows;
        int[] rows = null;
        if (numSamples != null && n > numSamples) {
            rows = random.choice(n, numSamples);
            n = numSamples;
        }
        int hits = 0;
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(start + batchSize, n);
            Batches.gather(x, rows, start, end, evalBatch);
            DMatrixRMaj scores = model.loss(evalBatch);
            if (scores == null || scores.numRows != end - start) {
                throw new IllegalStateException("Solver.checkAccuracy: model.loss(X) returned "
                        + (scores == null ? "null" : Matrices.shape(scores)) + " scores for " + (end - start) + " rows");
            }
            if (start == 0) {
                // Every label, not only the sampled ones: a label the model cannot score is an error, never a miss.
                Checks.labels("Solver.checkAccuracy", y, y.length, scores.numCols,
                        "rows of X");
            }
            hits += Batches.countHits(scores, y, rows, start);
        }
        return (double) hits / n;
    }

    /** The loss of every iteration run so far (a copy; for divergence, the last entry is the bad loss). */
    public double[] lossHistory() {
        return Arrays.copyOf(lossHistory, iterations);
    }

    /** The train accuracy of every check so far (first iteration, then each epoch end; a copy). */
    public double[] trainAccHistory() {
        return Arrays.copyOf(trainAccHistory, accuracyChecks);
    }

    /** The val accuracy of every check so far, aligned with {@link #trainAccHistory()} (a copy). */
    public double[] valAccHistory() {
        return Arrays.copyOf(valAccHistory, accuracyChecks);
    }

    /** The best val accuracy seen so far (0 before the first check). */
    public double bestValAcc() {
        return bestValAcc;
    }

    /** Deep copies of the parameters with the best val accuracy so far, keyed like {@code params()}; empty before the first check. */
    public Map<String, DMatrixRMaj> bestParams() {
        Map<String, DMatrixRMaj> copy = new LinkedHashMap<>();
        if (bestParams != null) {
            bestParams.forEach((name, w) -> copy.put(name, w.copy()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Epochs completed so far. */
    public int epoch() {
        return epoch;
    }

    /** Iterations run so far (the length of {@link #lossHistory()}). */
    public int iteration() {
        return iterations;
    }

    /** Iterations a full run takes: {@code numEpochs · max(N / batchSize, 1)}. */
    public int numIterations() {
        return numIterations;
    }

    /** Iterations per epoch: {@code max(N / batchSize, 1)}. */
    public int iterationsPerEpoch() {
        return iterationsPerEpoch;
    }

    /** Whether training stopped on a NaN or infinite loss. */
    public boolean diverged() {
        return divergence != null;
    }

    /** The divergence message ("Solver: loss diverged to NaN at iteration 37 / 2450; ..."), or null. */
    public String divergenceMessage() {
        return divergence;
    }

    /** Each parameter's optimiser (current learning rate and rule state), keyed like {@code params()}. */
    public Map<String, OptimConfig<?>> optimConfigs() {
        return Collections.unmodifiableMap(optimConfigs);
    }

    /** The options this solver was built with. */
    public SolverOptions options() {
        return options;
    }

    @Override
    public String toString() {
        OptimConfig<?> first = configs[0];
        String progress = !started ? "not trained, " + numIterations + " iterations planned"
                : String.format(Locale.ROOT, "epoch %d / %d, iteration %d / %d, best val_acc %f",
                        epoch, options.numEpochs(), iterations, numIterations, bestValAcc);
        return "Solver(" + first.rule() + ", " + progress + (diverged() ? ", diverged" : "") + ")";
    }
}

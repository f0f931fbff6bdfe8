package nndl.neuralnet;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nndl.internal.Gemm;
import nndl.random.RandomState;
import nndl.util.Matrices;
import nndl.util.ProgressListener;
import nndl.util.PyFloat;
import nndl.util.Stopped;
import org.ejml.data.DMatrixRMaj;

/**
 * The two-layer notebook's hyperparameter search: one {@link TwoLayerNet} trained per configuration,
 * configurations run in parallel. Configuration {@code i} draws its initial weights and minibatches from
 * its own {@code RandomState(seed + i)}, so the results do not depend on how many threads ran them or in
 * which order: a parallel sweep gives exactly the numbers of a sequential one. A configuration whose loss
 * diverges is recorded as such and the sweep goes on.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * One trained configuration.
     *
     * @param options the configuration
     * @param net     the trained net (for weights and test accuracy)
     * @param stats   its histories and how the run ended
     * @param valAcc  {@code (net.predict(X_val) == y_val).mean()} after training
     * @param seconds wall time of this configuration
     */
    public record Result(TrainOptions options, TwoLayerNet net, TrainStats stats, double valAcc, double seconds) {
        /** "ok", or the divergence report. */
        public String status() {
            return stats.diverged() ? stats.message() : "ok";
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "learning_rate=%s, reg=%s, lr_decay=%s, num_iters=%d: val_acc %.3f (%s)",
                    PyFloat.repr(options.learningRate()), PyFloat.repr(options.reg()),
                    PyFloat.repr(options.learningRateDecay()), options.numIters(), valAcc, status());
        }
    }

    /**
     * Every combination of the given learning rates, regularisation strengths and decays (in that nesting
     * order, as the seed's three loops), other settings taken from {@code base}.
     */
    public static List<TrainOptions> grid(double[] learningRates, double[] regs, double[] decays, TrainOptions base) {
        List<TrainOptions> out = new ArrayList<>();
        for (double lr : learningRates) {
            for (double reg : regs) {
                for (double decay : decays) {
                    out.add(base.withLearningRate(lr).withReg(reg).withLearningRateDecay(decay));
                }
            }
        }
        return out;
    }

    /**
     * Trains one net of hidden size {@code hiddenSize} (weights std 1e-4, as the seed) per configuration on
     * all available cores, printing one progress line per finished configuration. Configurations run in
     * parallel, one per core, each with its matrix products on its own thread ({@code Gemm.oneThread});
     * the results are the same as one after another.
     *
     * @param configs    configurations, at least one
     * @param x          N×D training inputs (not modified; shared read-only by the threads)
     * @param y          N training labels
     * @param xVal       validation inputs (not modified)
     * @param yVal       validation labels
     * @param hiddenSize H
     * @param seed       configuration i uses {@code RandomState(seed + i)}
     * @return one result per configuration, in the order of {@code configs}
     * @throws Stopped when the calling thread is interrupted: the running configurations are cancelled and
     *                 {@code partial()} is the list of the results finished so far, in the order of {@code configs}
     */
    public static List<Result> run(List<TrainOptions> configs, DMatrixRMaj x, int[] y, DMatrixRMaj xVal, int[] yVal,
                                   int hiddenSize, long seed) {
        return run(configs, x, y, xVal, yVal, hiddenSize, seed, ProgressListener.NONE);
    }

    /**
     * As {@link #run(List, DMatrixRMaj, int[], DMatrixRMaj, int[], int, long)}, also telling {@code listener}
     * after each finished configuration (configurations finished, their number, that configuration's final
     * training loss), from the worker threads, one call at a time.
     */
    public static List<Result> run(List<TrainOptions> configs, DMatrixRMaj x, int[] y, DMatrixRMaj xVal, int[] yVal,
                                   int hiddenSize, long seed, ProgressListener listener) {
        return run(configs, x, y, xVal, yVal, hiddenSize, seed, Runtime.getRuntime().availableProcessors(), System.out,
                listener);
    }

    /**
     * As {@link #run(List, DMatrixRMaj, int[], DMatrixRMaj, int[], int, long)} on {@code threads} threads,
     * progress to {@code progress} (null for none). When more than one configuration runs at a time, each
     * keeps its products on its own thread; on one thread (or with one configuration) a configuration's
     * large products are split over the cores as in a single training run, unless the caller runs inside
     * {@code Gemm.oneThread}, whose scope the workers then share. Same results either way.
     */
    public static List<Result> run(List<TrainOptions> configs, DMatrixRMaj x, int[] y, DMatrixRMaj xVal, int[] yVal,
                                   int hiddenSize, long seed, int threads, PrintStream progress) {
        return run(configs, x, y, xVal, yVal, hiddenSize, seed, threads, progress, ProgressListener.NONE);
    }

    /**
     * As {@link #run(List, DMatrixRMaj, int[], DMatrixRMaj, int[], int, long)} on {@code threads} threads,
     * progress lines to {@code progress} (null for none) and each finished configuration told to
     * {@code listener} as in {@link #run(List, DMatrixRMaj, int[], DMatrixRMaj, int[], int, long, ProgressListener)}.
     */
    public static List<Result> run(List<TrainOptions> configs, DMatrixRMaj x, int[] y, DMatrixRMaj xVal, int[] yVal,
                                   int hiddenSize, long seed, int threads, PrintStream progress,
                                   ProgressListener listener) {
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("Sweep.run: no configurations given");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("Sweep.run: threads must be positive, got " + threads);
        }
        int classes = 1 + Arrays.stream(y).max().orElse(0);
        AtomicInteger done = new AtomicInteger();
        int atOnce = Math.min(threads, configs.size());
        // The scope is per thread, so a caller's Gemm.oneThread is carried over to the workers explicitly.
        boolean oneThreadEach = atOnce > 1 || Gemm.isOneThread();
        ExecutorService pool = Executors.newFixedThreadPool(atOnce, daemon());
        List<Future<Result>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < configs.size(); i++) {
                TrainOptions options = configs.get(i);
                RandomState random = new RandomState(seed + i);
                Supplier<Result> task = () -> {
                    Result result = trainOne(options, x, y, xVal, yVal, hiddenSize, classes, random);
                    synchronized (done) {
                        int finished = done.incrementAndGet();
                        if (progress != null) {
                            progress.printf(Locale.ROOT, "[%d/%d] %s, %.1f s%n", finished, configs.size(),
                                    result, result.seconds());
                            progress.flush();
                        }
                        listener.progress(finished, configs.size(), result.stats().finalLoss());
                    }
                    return result;
                };
                futures.add(pool.submit(() -> oneThreadEach ? Gemm.oneThread(task) : task.get()));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            pool.shutdownNow();
            List<Result> finished = finished(futures);
            throw new Stopped("configuration", finished.size(), configs.size(), finished);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Sweep.run: a configuration failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The results of the futures that completed normally, in order. */
    private static List<Result> finished(List<Future<Result>> futures) {
        List<Result> finished = new ArrayList<>();
        for (Future<Result> future : futures) {
            if (future.isDone() && !future.isCancelled()) {
                try {
                    finished.add(future.get());
                } catch (ExecutionException | InterruptedException e) {
                    // Cancelled by the interrupt or failed: not a finished result.
                }
            }
        }
        return finished;
    }

    private static Result trainOne(TrainOptions options, DMatrixRMaj x, int[] y, DMatrixRMaj xVal, int[] yVal,
                                   int hiddenSize, int classes, RandomState random) {
        long start = System.nanoTime();
        TwoLayerNet net = new TwoLayerNet(x.numCols, hiddenSize, classes, 1e-4, random);
        TrainStats stats = net.train(x, y, xVal, yVal, options.withVerbose(false));
        double valAcc = Matrices.accuracy(net.predict(xVal), yVal);
        return new Result(options, net, stats, valAcc, (System.nanoTime() - start) / 1e9);
    }

    /** The result with the highest validation accuracy (the first of equals). */
    public static Result best(List<Result> results) {
        return results.stream().max(Comparator.comparingDouble(Result::valAcc)).orElseThrow(
                () -> new IllegalArgumentException("Sweep.best: no results"));
    }

    private static ThreadFactory daemon() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "nndl-sweep-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

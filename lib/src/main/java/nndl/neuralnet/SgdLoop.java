package nndl.neuralnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nndl.nets.LossAndGrads;
import nndl.util.Matrices;
import nndl.util.ProgressListener;
import nndl.util.PyFloat;
import nndl.util.Stopped;
import org.ejml.data.DMatrixRMaj;

/**
 * The seed's minibatch SGD {@code train} loop, shared by {@link TwoLayerNet#train} and {@link Lab3Net#train}:
 * the nets differ in how they draw a minibatch and in their loss, not in the loop. The parts a student writes
 * (the sampling, the update) stay in each net's {@code train}, passed in as a {@link Sampler} and a {@link Step}.
 *
 * <p>Every iteration: draw a minibatch, compute its loss and gradients, stop if the loss is NaN or infinite
 * (the histories so far are returned with {@code diverged} set; the step is not taken), record the loss, take
 * the step, and whenever {@code it % max(N/batchSize, 1) == 0} (a real division) record the minibatch and
 * validation accuracy and multiply the learning rate by the decay. An interrupt of the calling thread stops the
 * loop at the next iteration with {@link Stopped}, carrying the {@link TrainStats} so far.
 */
final class SgdLoop {
    private SgdLoop() {
    }

    /** One minibatch: batchSize×D rows and their labels. */
    record Batch(DMatrixRMaj x, int[] y) {
    }

    /** Draws the next minibatch (from the net's own random source). */
    interface Sampler {
        Batch sample();
    }

    /** A net's {@code loss(x, y, reg)}. */
    interface Loss {
        LossAndGrads loss(DMatrixRMaj x, int[] y, double reg);
    }

    /** A net's {@code predict(x)}. */
    interface Predictor {
        int[] predict(DMatrixRMaj x);
    }

    /** Updates the parameters in place from {@code grads} with the current learning rate. */
    interface Step {
        void step(Map<String, DMatrixRMaj> grads, double learningRate);
    }

    /**
     * Runs {@code options.numIters()} iterations (see the class description).
     *
     * @param numTrain the number N of training rows
     * @param xVal     validation inputs (not modified)
     * @param yVal     validation labels
     * @param options  learning rate, decay, reg, iterations, batch size, verbosity
     * @param progress told after every iteration (iteration count, number of iterations, minibatch loss)
     * @return the loss and accuracy histories and how the run ended
     * @throws Stopped when the thread is interrupted
     */
    static TrainStats run(int numTrain, DMatrixRMaj xVal, int[] yVal, TrainOptions options, ProgressListener progress,
                          Sampler sampler, Loss net, Step step, Predictor predictor) {
        int numIters = options.numIters();
        double iterationsPerEpoch = Math.max(numTrain / (double) options.batchSize(), 1.0);
        double learningRate = options.learningRate();
        double[] losses = new double[numIters];
        List<Double> trainAcc = new ArrayList<>();
        List<Double> valAcc = new ArrayList<>();
        for (int it = 0; it < numIters; it++) {
            if (Thread.interrupted()) {
                throw new Stopped(it, numIters, new TrainStats(boxed(losses, it), trainAcc, valAcc, false,
                        "stopped at iteration " + it + " / " + numIters));
            }
            Batch batch = sampler.sample();
            LossAndGrads lossAndGrads = net.loss(batch.x(), batch.y(), options.reg());
            double loss = lossAndGrads.loss();
            if (!Double.isFinite(loss)) {
                String message = "diverged at iteration " + it + " / " + numIters + ": loss is " + PyFloat.repr(loss)
                        + " (learning rate " + PyFloat.repr(learningRate) + "); stopped, " + it + " losses kept";
                if (options.verbose()) {
                    System.out.println(message);
                }
                return new TrainStats(boxed(losses, it), trainAcc, valAcc, true, message);
            }
            losses[it] = loss;
            step.step(lossAndGrads.grads(), learningRate);
            if (options.verbose() && it % 100 == 0) {
                System.out.println("iteration " + it + " / " + numIters + ": loss " + PyFloat.repr(loss));
            }
            if (it % iterationsPerEpoch == 0) {
                trainAcc.add(Matrices.accuracy(predictor.predict(batch.x()), batch.y()));
                valAcc.add(Matrices.accuracy(predictor.predict(xVal), yVal));
                learningRate *= options.learningRateDecay();
            }
            progress.progress(it + 1, numIters, loss);
        }
        return new TrainStats(boxed(losses, numIters), trainAcc, valAcc, false, "completed " + numIters + " iterations");
    }

    private static List<Double> boxed(double[] values, int count) {
        List<Double> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(values[i]);
        }
        return out;
    }
}

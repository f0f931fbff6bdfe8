package nndl.neuralnet;

import java.util.List;
import nndl.util.PyFloat;

/**
 * What {@link TwoLayerNet#train}, {@link Lab3Net#train} and {@code Solver.train} return: the seed's stats
 * dictionary plus the run's outcome. A run whose loss became NaN or infinite is returned like any other, its
 * histories so far marked {@code diverged}.
 *
 * @param lossHistory     the minibatch loss of every completed iteration (the Solver's also holds the
 *                        non-finite loss that stopped a diverged run, as its {@code lossHistory()})
 * @param trainAccHistory accuracy on the current minibatch at each epoch boundary
 * @param valAccHistory   validation accuracy at each epoch boundary
 * @param diverged        whether training stopped because the loss became NaN or infinite
 * @param message         how the run ended, e.g. {@code "completed 100 iterations"} or the divergence report
 */
public record TrainStats(List<Double> lossHistory, List<Double> trainAccHistory, List<Double> valAccHistory,
                         boolean diverged, String message) {

    /** Copies the histories into unmodifiable lists. */
    public TrainStats {
        lossHistory = List.copyOf(lossHistory);
        trainAccHistory = List.copyOf(trainAccHistory);
        valAccHistory = List.copyOf(valAccHistory);
    }

    /** The loss history as an array, e.g. for plotting. */
    public double[] lossHistoryArray() {
        return lossHistory.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The last recorded loss, NaN when no iteration completed. */
    public double finalLoss() {
        return lossHistory.isEmpty() ? Double.NaN : lossHistory.get(lossHistory.size() - 1);
    }

    @Override
    public String toString() {
        String last = valAccHistory.isEmpty() ? "" : ", last val acc " + PyFloat.repr(valAccHistory.get(valAccHistory.size() - 1));
        return "TrainStats(" + message + ", " + lossHistory.size() + " losses, final loss " + PyFloat.repr(finalLoss())
                + ", " + valAccHistory.size() + " epoch checks" + last + ")";
    }
}

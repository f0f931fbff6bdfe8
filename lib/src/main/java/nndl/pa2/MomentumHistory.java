package nndl.pa2;

import java.util.List;

/**
 * Per-epoch curves of {@link Pa2Net#train}: entry e of each list was measured with the weights at the start
 * of epoch e (after e updates), on the training set and on the validation set alike.
 *
 * @param trainLoss average cross-entropy on the training set
 * @param trainAcc  accuracy on the training set
 * @param valLoss   average cross-entropy on the validation set
 * @param valAcc    accuracy on the validation set
 * @param diverged  whether training stopped because the training loss became NaN or infinite
 * @param message   how the run ended: {@code "completed 100 epochs"} or the divergence report
 */
public record MomentumHistory(List<Double> trainLoss, List<Double> trainAcc, List<Double> valLoss, List<Double> valAcc,
                              boolean diverged, String message) {
    /** Copies the curves into unmodifiable lists. */
    public MomentumHistory {
        trainLoss = List.copyOf(trainLoss);
        trainAcc = List.copyOf(trainAcc);
        valLoss = List.copyOf(valLoss);
        valAcc = List.copyOf(valAcc);
    }

    /** A completed run's curves (not diverged, message {@code "completed"}). */
    public MomentumHistory(List<Double> trainLoss, List<Double> trainAcc, List<Double> valLoss, List<Double> valAcc) {
        this(trainLoss, trainAcc, valLoss, valAcc, false, "completed");
    }

    /** The number of epochs recorded. */
    public int epochs() {
        return trainLoss.size();
    }

    @Override
    public String toString() {
        int e = epochs();
        return e == 0 ? "MomentumHistory(" + message + ", 0 epochs)"
                : String.format(java.util.Locale.ROOT, "MomentumHistory(%s, %d epochs; last: train loss %.4f, acc %.4f; val loss %.4f, acc %.4f)",
                        message, e, trainLoss.get(e - 1), trainAcc.get(e - 1), valLoss.get(e - 1), valAcc.get(e - 1));
    }
}

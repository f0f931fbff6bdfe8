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
 */
public record MomentumHistory(List<Double> trainLoss, List<Double> trainAcc, List<Double> valLoss, List<Double> valAcc) {
    public MomentumHistory {
        trainLoss = List.copyOf(trainLoss);
        trainAcc = List.copyOf(trainAcc);
        valLoss = List.copyOf(valLoss);
        valAcc = List.copyOf(valAcc);
    }

    /** The number of epochs recorded. */
    public int epochs() {
        return trainLoss.size();
    }

    @Override
    public String toString() {
        int e = epochs();
        return e == 0 ? "MomentumHistory(0 epochs)"
                : String.format(java.util.Locale.ROOT, "MomentumHistory(%d epochs; last: train loss %.4f, acc %.4f; val loss %.4f, acc %.4f)",
                        e, trainLoss.get(e - 1), trainAcc.get(e - 1), valLoss.get(e - 1), valAcc.get(e - 1));
    }
}

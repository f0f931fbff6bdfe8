package nndl.data;

import nndl.util.Matrices;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The seed's {@code data} dictionary: train / validation / test images as rows (N×D) with their
 * labels. {@code source} says which folder they came from and how many records, e.g.
 * {@code "cifar-10-subset (5170 train + 1017 test records)"}; {@code fullDataset} is true only for
 * the complete official dataset, so grade thresholds that need it can say "not graded on this data".
 */
public record DataSplits(DMatrixRMaj xTrain, int[] yTrain,
                         DMatrixRMaj xVal, int[] yVal,
                         DMatrixRMaj xTest, int[] yTest,
                         String source, boolean fullDataset) {
    public DataSplits {
        check("train", xTrain, yTrain);
        check("val", xVal, yVal);
        check("test", xTest, yTest);
    }

    /**
     * The first {@code numTrain} training rows with validation and test unchanged, like the seed's
     * {@code small_data = {'X_train': data['X_train'][:num_train], ...}} for the overfitting check.
     *
     * @param numTrain how many leading training rows to keep, 1..N_train
     * @return a new DataSplits whose training split is a copy; this one is not modified
     */
    public DataSplits withTrainingSubset(int numTrain) {
        if (numTrain < 1 || numTrain > xTrain.numRows) {
            throw new IllegalArgumentException("withTrainingSubset: numTrain " + numTrain + " is outside 1.." + xTrain.numRows);
        }
        DMatrixRMaj head = new DMatrixRMaj(numTrain, xTrain.numCols);
        System.arraycopy(xTrain.data, 0, head.data, 0, numTrain * xTrain.numCols);
        return new DataSplits(head, Arrays.copyOf(yTrain, numTrain), xVal, yVal, xTest, yTest,
                source + ", first " + numTrain + " training rows", fullDataset);
    }

    private static void check(String split, DMatrixRMaj x, int[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("DataSplits: " + split + " images and labels must both be given");
        }
        if (x.numRows != y.length) {
            throw new IllegalArgumentException("DataSplits: x" + split + " has " + x.numRows + " rows but y" + split + " has " + y.length + " labels");
        }
    }

    @Override
    public String toString() {
        return "DataSplits(X_train: " + Matrices.shape(xTrain)
                + ", X_val: " + Matrices.shape(xVal)
                + ", X_test: " + Matrices.shape(xTest) + "; " + source + ")";
    }
}

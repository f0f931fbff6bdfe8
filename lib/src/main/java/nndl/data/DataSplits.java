package nndl.data;

import java.nio.file.Path;
import java.util.Arrays;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * The seed's {@code data} dictionary: train / validation / test images as rows (N×D) with their
 * labels. {@code source} says which folder they came from and how many records, e.g.
 * {@code "cifar-10-subset (5170 train + 1017 test records)"}; {@code folder} is the CIFAR-10 folder the
 * records were read from (null for splits built some other way). Whether they are the complete
 * official dataset is never declared: {@link #fullDataset()} checks the folder's checksums, so grade
 * thresholds that need the full dataset say "not graded on this data" for anything else.
 */
public record DataSplits(DMatrixRMaj xTrain, int[] yTrain,
                         DMatrixRMaj xVal, int[] yVal,
                         DMatrixRMaj xTest, int[] yTest,
                         String source, Path folder) {
    /** The seed's training split on the full dataset, 49,000 rows: smaller splits are not graded as full. */
    public static final int FULL_TRAINING_ROWS = 49_000;

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
                source + ", first " + numTrain + " training rows", folder);
    }

    /**
     * Whether these splits are the seed's split of the complete official CIFAR-10: at least
     * {@value #FULL_TRAINING_ROWS} training rows read from a folder whose batch files pass
     * {@link OfficialCifar10#verified}.
     */
    public boolean fullDataset() {
        return xTrain.numRows >= FULL_TRAINING_ROWS && OfficialCifar10.verified(folder);
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

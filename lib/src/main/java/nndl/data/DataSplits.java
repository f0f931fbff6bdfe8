package nndl.data;

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
        return "DataSplits(X_train: " + xTrain.numRows + "×" + xTrain.numCols
                + ", X_val: " + xVal.numRows + "×" + xVal.numCols
                + ", X_test: " + xTest.numRows + "×" + xTest.numCols + "; " + source + ")";
    }
}

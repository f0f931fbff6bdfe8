package nndl.data;

import nndl.util.Matrices;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;

/**
 * What {@code load_CIFAR10} returns: every training and test record of a CIFAR-10 folder, one image
 * per row (N×3072, values 0..255 as doubles, in {@link #order()}), with labels 0..9.
 *
 * @param xTrain       N_train×3072 training images
 * @param yTrain       N_train training labels
 * @param xTest        N_test×3072 test images
 * @param yTest        N_test test labels
 * @param folder       the folder the records were read from
 * @param order        how the 3,072 values of a row are laid out
 * @param fullDataset  true when the folder held the complete dataset (50,000 + 10,000 records)
 */
public record Cifar10Data(DMatrixRMaj xTrain, int[] yTrain, DMatrixRMaj xTest, int[] yTest,
                          Path folder, PixelOrder order, boolean fullDataset) {
    public Cifar10Data {
        if (xTrain.numRows != yTrain.length || xTest.numRows != yTest.length) {
            throw new IllegalArgumentException("Cifar10Data: " + xTrain.numRows + " training images with "
                    + yTrain.length + " labels, " + xTest.numRows + " test images with " + yTest.length + " labels");
        }
    }

    @Override
    public String toString() {
        return "Cifar10Data(X_train: " + Matrices.shape(xTrain) + ", X_test: " + Matrices.shape(xTest)
                + ", " + order + " rows, from " + folder + (fullDataset ? ", full dataset" : "") + ")";
    }
}

package nndl.data;

import nndl.util.Matrices;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;

/**
 * The MNIST (or Fashion-MNIST) training and test sets, one image per row: row i is image i's
 * rows·cols pixels in row-major order, values 0..255 as doubles; labels 0..9.
 *
 * @param xTrain N_train×(rows·cols) training images
 * @param yTrain N_train training labels
 * @param xTest  N_test×(rows·cols) test images
 * @param yTest  N_test test labels
 * @param rows   image height (28 for MNIST)
 * @param cols   image width (28 for MNIST)
 * @param folder the folder the files were read from
 */
public record MnistData(DMatrixRMaj xTrain, int[] yTrain, DMatrixRMaj xTest, int[] yTest,
                        int rows, int cols, Path folder) {
    public MnistData {
        if (xTrain.numRows != yTrain.length || xTest.numRows != yTest.length) {
            throw new IllegalArgumentException("MnistData: " + xTrain.numRows + " training images with "
                    + yTrain.length + " labels, " + xTest.numRows + " test images with " + yTest.length + " labels");
        }
        if (xTrain.numCols != rows * cols || xTest.numCols != rows * cols) {
            throw new IllegalArgumentException("MnistData: rows of " + xTrain.numCols + " and " + xTest.numCols
                    + " values for " + rows + "×" + cols + " images");
        }
    }

    @Override
    public String toString() {
        return "MnistData(X_train: " + Matrices.shape(xTrain) + ", X_test: " + Matrices.shape(xTest)
                + ", images " + rows + "×" + cols + ", from " + folder + ")";
    }
}

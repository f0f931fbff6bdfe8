package nndl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CIFAR-10 loader on the shared real subset (5,170 training + 1,017 test records). */
class Cifar10Test {
    private static Path root;
    private static Path folder;
    private static Cifar10Data data;

    @BeforeAll
    static void load() {
        root = SharedDatasets.dir();
        folder = root.resolve("cifar-10-subset");
        data = Cifar10.loadCifar10(root);
    }

    @Test
    void findsTheSubsetUnderTheRootAndCountsItsRecords() {
        assertEquals(folder, data.folder());
        assertEquals(5170, data.xTrain().numRows);
        assertEquals(3072, data.xTrain().numCols);
        assertEquals(5170, data.yTrain().length);
        assertEquals(1017, data.xTest().numRows);
        assertEquals(1017, data.yTest().length);
        assertFalse(data.fullDataset());
        assertEquals(PixelOrder.HWC, data.order());
    }

    @Test
    void firstLabelsAreTheFilesFirstBytes() throws IOException {
        assertEquals(raw("data_batch_1.bin")[0], data.yTrain()[0]);
        assertEquals(raw("test_batch.bin")[0], data.yTest()[0]);
        // Record 1102 is the first of data_batch_2: checks the jump between files.
        assertEquals(raw("data_batch_2.bin")[0], data.yTrain()[1102]);
        assertEquals(raw("data_batch_5.bin")[3073 * 1016], data.yTrain()[5169]);
    }

    @Test
    void rowsAreHeightWidthChannelOrder() throws IOException {
        int[] batch1 = raw("data_batch_1.bin");
        int[] batch3 = raw("data_batch_3.bin");
        int[] test = raw("test_batch.bin");
        for (int[] spot : new int[][] {{0, 0, 0, 0}, {3, 5, 7, 2}, {100, 31, 31, 1}, {1016, 16, 9, 0}}) {
            int record = spot[0];
            int column = (spot[1] * 32 + spot[2]) * 3 + spot[3];
            int rawOffset = record * 3073 + 1 + spot[3] * 1024 + spot[1] * 32 + spot[2];
            assertEquals(batch1[rawOffset], data.xTrain().get(record, column), 0.0);
            // data_batch_3 starts at training record 1102 + 1017.
            assertEquals(batch3[rawOffset], data.xTrain().get(2119 + record, column), 0.0);
            assertEquals(test[rawOffset], data.xTest().get(record, column), 0.0);
        }
    }

    @Test
    void wholeFirstRecordMatchesTheTransposedRawBytes() throws IOException {
        int[] batch1 = raw("data_batch_1.bin");
        double[] expected = new double[3072];
        for (int channel = 0; channel < 3; channel++) {
            for (int p = 0; p < 1024; p++) {
                expected[p * 3 + channel] = batch1[1 + channel * 1024 + p];
            }
        }
        assertArrayEquals(expected, Arrays.copyOf(data.xTrain().data, 3072), 0.0);
    }

    @Test
    void channelsFirstRowsAreTheFilesOwnOrder() throws IOException {
        Cifar10Data chw = Cifar10.loadCifar10(folder, PixelOrder.CHW);
        int[] batch1 = raw("data_batch_1.bin");
        double[] expected = new double[3072];
        for (int k = 0; k < 3072; k++) {
            expected[k] = batch1[3073 + 1 + k];
        }
        double[] row1 = Arrays.copyOfRange(chw.xTrain().data, 3072, 6144);
        assertArrayEquals(expected, row1, 0.0);
        assertEquals(PixelOrder.CHW.index(5, 7, 2), 2 * 1024 + 5 * 32 + 7);
        assertEquals(PixelOrder.HWC.index(5, 7, 2), (5 * 32 + 7) * 3 + 2);
    }

    @Test
    void aFolderHoldingTheBatchesCanBePassedDirectly() {
        assertEquals(folder, Cifar10.locate(folder).orElseThrow());
        assertEquals(folder, Cifar10.locate(root).orElseThrow());
    }

    @Test
    void splitHasTheSeedsRowsAndSubtractsTheTrainingMean() throws IOException {
        DataSplits splits = Cifar10.getCifar10Data(root, 4170, 1000, 1000);
        assertEquals(4170, splits.xTrain().numRows);
        assertEquals(1000, splits.xVal().numRows);
        assertEquals(1000, splits.xTest().numRows);
        assertEquals(3072, splits.xVal().numCols);
        assertFalse(splits.fullDataset());
        assertEquals("cifar-10-subset (5170 train + 1017 test records)", splits.source());

        double[] mean = new double[3072];
        for (int col = 0; col < 3072; col++) {
            double sum = 0;
            for (int row = 0; row < 4170; row++) {
                sum += splits.xTrain().get(row, col);
            }
            assertEquals(0.0, sum / 4170, 1e-9, "column " + col + " of X_train after mean subtraction");
            mean[col] = data.xTrain().get(0, col) - splits.xTrain().get(0, col);
        }
        // Validation row 0 is training record 4170 (record 17 of data_batch_5), minus the same mean image.
        assertArrayEquals(Arrays.copyOfRange(data.yTrain(), 4170, 5170), splits.yVal());
        assertArrayEquals(Arrays.copyOf(data.yTrain(), 4170), splits.yTrain());
        assertArrayEquals(Arrays.copyOf(data.yTest(), 1000), splits.yTest());
        int[] batch5 = raw("data_batch_5.bin");
        assertEquals(batch5[17 * 3073], splits.yVal()[0]);
        for (int col = 0; col < 3072; col += 97) {
            assertEquals(data.xTrain().get(4170, col), splits.xVal().get(0, col) + mean[col], 1e-9);
            assertEquals(data.xTest().get(999, col), splits.xTest().get(999, col) + mean[col], 1e-9);
        }
    }

    @Test
    void sizesBeyondTheFolderFailWithTheCountsAndSizesThatFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10.getCifar10Data(root, 49000, 1000, 1000));
        assertTrue(e.getMessage().contains("5170 training records"), e.getMessage());
        assertTrue(e.getMessage().contains("1017 test records"), e.getMessage());
        assertTrue(e.getMessage().contains("getCifar10Data(4170, 1000, 1000)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cifar10.getCifar10Data(root, 4170, 1000, 1018));
        assertThrows(IllegalArgumentException.class, () -> Cifar10.getCifar10Data(root, 0, 10, 10));
    }

    @Test
    void channelsFirstSplitSaysSoInItsSource() {
        DataSplits splits = Cifar10.getCifar10Data(root, 50, 10, 10, PixelOrder.CHW);
        assertTrue(splits.source().contains("channels-first"), splits.source());
        DataSplits hwc = Cifar10.getCifar10Data(root, 50, 10, 10);
        assertEquals(hwc.xVal().get(3, PixelOrder.HWC.index(4, 9, 1)), splits.xVal().get(3, PixelOrder.CHW.index(4, 9, 1)), 1e-9);
    }

    @Test
    void loadingSaysWhichFolderAndHowManyRecords() {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Cifar10.loadCifar10(root);
        } finally {
            System.setOut(saved);
        }
        assertEquals("CIFAR-10: loaded 5170 training + 1017 test records from " + folder,
                captured.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void toStringShowsShapes() {
        assertTrue(data.toString().contains("X_train: 5170×3072"), data.toString());
        DMatrixRMaj one = new DMatrixRMaj(1, 3072);
        assertThrows(IllegalArgumentException.class,
                () -> new Cifar10Data(one, new int[2], one, new int[1], folder, PixelOrder.HWC, false));
    }

    private static int[] raw(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(folder.resolve(file));
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }
}

package nndl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX loader on the shared MNIST subset and on malformed files the tests write. */
class MnistTest {
    @TempDir
    Path tmp;

    @Test
    void loadsTheSharedSubset() throws IOException {
        Path root = SharedDatasets.dir();
        MnistData data = Mnist.loadMnist(root);
        assertEquals(root.resolve("mnist-subset"), data.folder());
        assertEquals(8000, data.xTrain().numRows);
        assertEquals(8000, data.yTrain().length);
        assertEquals(2000, data.xTest().numRows);
        assertEquals(2000, data.yTest().length);
        assertEquals(28, data.rows());
        assertEquals(28, data.cols());
        assertEquals(784, data.xTrain().numCols);

        byte[] labels = gunzip(data.folder().resolve("train-labels-idx1-ubyte.gz"));
        byte[] images = gunzip(data.folder().resolve("t10k-images-idx3-ubyte.gz"));
        assertEquals(labels[8], data.yTrain()[0]);
        assertEquals(labels[8 + 7999], data.yTrain()[7999]);
        for (int pixel : new int[] {0, 300, 407, 783}) {
            assertEquals(images[16 + 1999 * 784 + pixel] & 0xFF, data.xTest().get(1999, pixel), 0.0);
        }
        int[] counts = new int[10];
        Arrays.stream(data.yTrain()).forEach(y -> counts[y]++);
        assertTrue(Arrays.stream(counts).allMatch(c -> c > 500), Arrays.toString(counts));
    }

    @Test
    void readsPlainAndGzippedFilesAndPrefersTheOfficialFolder() throws IOException {
        MnistFixtures.writeFolder(tmp.resolve("mnist-subset"), 5, 2, true);
        assertEquals(tmp.resolve("mnist-subset"), Mnist.locate(tmp).orElseThrow());
        MnistFixtures.writeFolder(tmp.resolve("mnist"), 7, 3, false);
        MnistData data = Mnist.loadMnist(tmp);
        assertEquals(tmp.resolve("mnist"), data.folder());
        assertEquals(7, data.xTrain().numRows);
        assertEquals(12, data.xTrain().numCols);
        assertEquals(4, data.rows());
        assertEquals(3, data.cols());
        assertEquals(6, data.yTrain()[6]);
        byte[] raw = MnistFixtures.images(2051, 3, 4, 3, 2);
        assertEquals(raw[16 + 2 * 12 + 5] & 0xFF, data.xTest().get(2, 5), 0.0);
        // A folder that holds the files (a Fashion-MNIST download, say) can be passed directly.
        assertEquals(tmp.resolve("mnist-subset"), Mnist.loadMnist(tmp.resolve("mnist-subset")).folder());
    }

    @Test
    void wrongMagicNamesFileAndOffset() throws IOException {
        MnistFixtures.writeFolder(tmp, 5, 2, true);
        MnistFixtures.write(tmp, "t10k-images-idx3-ubyte", MnistFixtures.images(2049, 2, 4, 3, 3), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.loadMnist(tmp));
        assertTrue(e.getMessage().startsWith("t10k-images-idx3-ubyte.gz (unpacked): wrong magic number 2049 at byte offset 0"),
                e.getMessage());
    }

    @Test
    void truncatedImagesNameFileAndOffset() throws IOException {
        MnistFixtures.writeFolder(tmp, 5, 2, false);
        byte[] full = MnistFixtures.images(2051, 5, 4, 3, 1);
        MnistFixtures.write(tmp, "train-images-idx3-ubyte", Arrays.copyOf(full, 16 + 3 * 12 + 7), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.loadMnist(tmp));
        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte: truncated image at byte offset 52: image 3 of 5 has 7 of 12 bytes"),
                e.getMessage());
    }

    @Test
    void truncatedHeaderAndLabelsAreReported() throws IOException {
        MnistFixtures.writeFolder(tmp, 5, 2, false);
        MnistFixtures.write(tmp, "train-labels-idx1-ubyte", Arrays.copyOf(MnistFixtures.labels(2049, 5), 6), false);
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class, () -> Mnist.loadMnist(tmp));
        assertTrue(header.getMessage().startsWith("train-labels-idx1-ubyte: truncated header at byte offset 6"), header.getMessage());
        MnistFixtures.write(tmp, "train-labels-idx1-ubyte", Arrays.copyOf(MnistFixtures.labels(2049, 5), 11), false);
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class, () -> Mnist.loadMnist(tmp));
        assertTrue(labels.getMessage().startsWith("train-labels-idx1-ubyte: truncated label at byte offset 11"), labels.getMessage());
    }

    @Test
    void mismatchedCountsNameBothFiles() throws IOException {
        MnistFixtures.writeFolder(tmp, 5, 2, true);
        MnistFixtures.write(tmp, "train-labels-idx1-ubyte", MnistFixtures.labels(2049, 4), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.loadMnist(tmp));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte holds 5 images but train-labels-idx1-ubyte holds 4 labels"),
                e.getMessage());
    }

    @Test
    void labelAboveNineAndTrailingBytesAreErrors() throws IOException {
        MnistFixtures.writeFolder(tmp, 5, 2, false);
        byte[] labels = MnistFixtures.labels(2049, 2);
        labels[9] = 11;
        MnistFixtures.write(tmp, "t10k-labels-idx1-ubyte", labels, false);
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () -> Mnist.loadMnist(tmp));
        assertTrue(label.getMessage().startsWith("t10k-labels-idx1-ubyte: label 11 at byte offset 9"), label.getMessage());
        MnistFixtures.write(tmp, "t10k-labels-idx1-ubyte", Arrays.copyOf(MnistFixtures.labels(2049, 2), 13), false);
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class, () -> Mnist.loadMnist(tmp));
        assertTrue(extra.getMessage().startsWith("t10k-labels-idx1-ubyte: 3 unexpected bytes at byte offset 10"), extra.getMessage());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        MnistFixtures.writeFolder(tmp, 5, 2, true);
        Files.delete(tmp.resolve("t10k-labels-idx1-ubyte.gz"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Mnist.loadMnist(tmp));
        assertTrue(e.getMessage().startsWith("t10k-labels-idx1-ubyte is missing"), e.getMessage());
    }

    @Test
    void corruptGzipIsReported() throws IOException {
        MnistFixtures.writeFolder(tmp, 5, 2, true);
        byte[] gz = Files.readAllBytes(tmp.resolve("train-images-idx3-ubyte.gz"));
        Files.write(tmp.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.loadMnist(tmp));
        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte.gz: not a readable gzip file"), e.getMessage());
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}

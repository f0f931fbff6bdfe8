package nndl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * The pictures the notebooks show, made from real CIFAR-10 and MNIST records and written to
 * {@code target/viz-pictures/} so a person can look at them; the assertions check sizes and a few
 * pixels against values computed here from the raw bytes. The records are read directly (the
 * library's loaders are someone else's work).
 */
class VizPicturesTest {
    private static final Path OUT = Path.of("target", "viz-pictures");

    @Test
    void cifarGridShowsRealImages() throws IOException {
        DMatrixRMaj rows = cifarRowsHwc(datasets().resolve("cifar-10-subset/data_batch_1.bin"), 50);
        BufferedImage grid = Grids.visualizeGrid(rows, 32, 32, 3);
        write(grid, "cifar-grid.png");
        assertEquals(554, grid.getWidth());

        BufferedImage exact = Grids.visualizeGrid(rows, 32, 32, 3, 3, 1);
        // Image 9 sits at cell (1, 1); its pixel (r=5, c=7) from the raw HWC values.
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < 3072; e++) {
            lo = Math.min(lo, rows.get(9, e));
            hi = Math.max(hi, rows.get(9, e));
        }
        int[] expected = new int[3];
        for (int ch = 0; ch < 3; ch++) {
            expected[ch] = (int) (255.0 * (rows.get(9, (5 * 32 + 7) * 3 + ch) - lo) / (hi - lo));
        }
        assertArrayEquals(expected, GridsTest.rgb(exact, 35 + 7, 35 + 5));
    }

    /**
     * Weight-like pictures: 50 random records, mean image of the file subtracted (values of both
     * signs, as in first-layer weights), once as H×D rows (two-layer net) and once transposed as
     * D×H columns (fc nets); both layouts must give the same picture.
     */
    @Test
    void weightGridFromRandomMeanSubtractedRecords() throws IOException {
        DMatrixRMaj all = cifarRowsHwc(datasets().resolve("cifar-10-subset/data_batch_1.bin"), 1102);
        double[] mean = new double[3072];
        for (int k = 0; k < all.numRows; k++) {
            for (int e = 0; e < 3072; e++) {
                mean[e] += all.get(k, e) / all.numRows;
            }
        }
        int[] picked = new RandomState(0).choice(all.numRows, 50, false);
        DMatrixRMaj rows = new DMatrixRMaj(50, 3072);
        for (int k = 0; k < 50; k++) {
            for (int e = 0; e < 3072; e++) {
                rows.set(k, e, all.get(picked[k], e) - mean[e]);
            }
        }
        BufferedImage fromRows = Grids.showNetWeights(rows);
        write(fromRows, "cifar-weights.png");
        GridsTest.assertImagesEqual(fromRows, Grids.showNetWeights(CommonOps_DDRM.transpose(rows, null)));
    }

    @Test
    void mnistSamplesShowRealDigits() throws IOException {
        DMatrixRMaj train = mnistColumns(datasets().resolve("mnist-subset/train-images-idx3-ubyte.gz"), 50);
        DMatrixRMaj test = mnistColumns(datasets().resolve("mnist-subset/t10k-images-idx3-ubyte.gz"), 50);
        BufferedImage grid = Grids.mnistSamples(train, test);
        write(grid, "mnist-samples.png");
        assertEquals(560, grid.getWidth());
        assertEquals(560, grid.getHeight());
    }

    @Test
    void trainingPlots() throws IOException {
        RandomState random = new RandomState(0);
        int iterations = 1000;
        List<Double> loss = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            loss.add(2.3 * Math.exp(-i / 300.0) + 0.8 + 0.15 * random.nextGaussian());
        }
        double[] train = {0.10, 0.25, 0.33, 0.38, 0.42, 0.45, 0.49, 0.52, 0.55, 0.58, 0.60};
        double[] val = {0.11, 0.24, 0.31, 0.36, 0.40, 0.43, 0.46, 0.48, 0.50, 0.51, 0.52};

        write(Plots.image(Plots.lossHistory(loss)), "loss-line.png");
        write(Plots.image(Plots.lossHistory(loss, Mark.POINTS)), "loss-points.png");
        XYChart accuracy = Plots.accuracyHistory(train, val);
        write(Plots.image(accuracy), "accuracy.png");
        write(Plots.image(Plots.trainValHistory(List.of(0.095, 0.15, 0.25, 0.25, 0.315),
                List.of(0.1, 0.16, 0.24, 0.27, 0.29))), "train-val-history.png");
        BufferedImage summary = Plots.solverSummary(loss, List.of(0.1, 0.3, 0.42, 0.5, 0.55),
                List.of(0.12, 0.29, 0.4, 0.46, 0.5)).image();
        write(summary, "solver-summary.png");
        double[] costs = new double[25];
        for (int k = 0; k < costs.length; k++) {
            costs[k] = 0.2 + 2.1 * Math.exp(-k / 4.0);
        }
        write(Plots.image(Plots.costHistory(costs, 20)), "mnist-costs.png");
        assertEquals(800, summary.getHeight());
    }

    private static Path datasets() {
        String root = System.getProperty("nndl.sharedDatasets");
        assertTrue(root != null && Files.isDirectory(Path.of(root)),
                "system property nndl.sharedDatasets must name the shared datasets folder, got " + root);
        return Path.of(root);
    }

    /** First n CIFAR records (label byte, then 1024 R, 1024 G, 1024 B) as rows in HWC order. */
    private static DMatrixRMaj cifarRowsHwc(Path file, int n) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        DMatrixRMaj rows = new DMatrixRMaj(n, 3072);
        for (int k = 0; k < n; k++) {
            int base = k * 3073 + 1;
            for (int ch = 0; ch < 3; ch++) {
                for (int p = 0; p < 1024; p++) {
                    rows.set(k, p * 3 + ch, bytes[base + ch * 1024 + p] & 0xff);
                }
            }
        }
        return rows;
    }

    /** First n MNIST digits as 784×n columns scaled to [-1, 1]. */
    private static DMatrixRMaj mnistColumns(Path file, int n) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            assertEquals(2051, in.readInt(), "IDX image magic");
            in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            DMatrixRMaj x = new DMatrixRMaj(rows * cols, n);
            for (int k = 0; k < n; k++) {
                for (int p = 0; p < rows * cols; p++) {
                    x.set(p, k, in.readUnsignedByte() / 255.0 * 2.0 - 1.0);
                }
            }
            return x;
        }
    }

    private static void write(BufferedImage image, String name) throws IOException {
        Files.createDirectories(OUT);
        assertTrue(ImageIO.write(image, "png", OUT.resolve(name).toFile()));
    }
}

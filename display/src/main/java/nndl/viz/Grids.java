package nndl.viz;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * Image grids: cs231n's {@code visualize_grid} for CIFAR images and first-layer weights, and the
 * MNIST notebook's 10×10 sample picture. Images are flattened in HWC order, i.e. pixel (r, c) of
 * channel ch is element {@code (r·W + c)·C + ch} (the CIFAR loader's row order); one or three
 * channels (grey or RGB). Results are {@code TYPE_INT_RGB} images, enlarged by an integer factor
 * with nearest-neighbour pixels so that a grid is at least {@value #TARGET_WIDTH} pixels wide in a
 * notebook unless a scale is given.
 */
public final class Grids {
    /** Padding between grid cells used by the seed ({@code visualize_grid(W1, padding=3)}). */
    public static final int DEFAULT_PADDING = 3;
    /** Width in pixels a grid is enlarged to reach by default (never more than {@value #MAX_SCALE}×). */
    public static final int TARGET_WIDTH = 400;
    private static final int MAX_SCALE = 16;
    private static final int CIFAR_SIDE = 32;
    private static final int CIFAR_CHANNELS = 3;

    /** Reads element {@code element} of image {@code image}, whatever the matrix layout. */
    private interface Pixels {
        double get(int image, int element);
    }

    private Grids() {
    }

    /**
     * {@code visualize_grid(Xs, padding=3)}: the N images laid out row by row on a
     * ceil(√N)×ceil(√N) grid with 3 background pixels between cells, each image scaled to
     * [0, 255] by its own min and max (a constant image is black), enlarged for display.
     *
     * @param images   N×(H·W·C) matrix, one image per row in HWC order; not modified
     * @param height   H, image height in pixels
     * @param width    W, image width in pixels
     * @param channels C, 1 (grey) or 3 (RGB)
     */
    public static BufferedImage visualizeGrid(DMatrixRMaj images, int height, int width, int channels) {
        return visualizeGrid(images, height, width, channels, DEFAULT_PADDING);
    }

    /**
     * {@link #visualizeGrid(DMatrixRMaj, int, int, int)} with {@code padding} background pixels
     * between cells, enlarged by {@link #defaultScale}.
     *
     * @param images   N×(H·W·C) matrix, one image per row in HWC order; not modified
     * @param height   H, image height in pixels
     * @param width    W, image width in pixels
     * @param channels C, 1 (grey) or 3 (RGB)
     * @param padding  pixels between neighbouring cells (≥ 0)
     */
    public static BufferedImage visualizeGrid(DMatrixRMaj images, int height, int width, int channels, int padding) {
        return gridOf("visualizeGrid", images, false, height, width, channels, padding, 0);
    }

    /**
     * {@link #visualizeGrid(DMatrixRMaj, int, int, int, int)} enlarged exactly {@code scale} times
     * (1 keeps one output pixel per grid pixel, as the seed's array).
     *
     * @param images   N×(H·W·C) matrix, one image per row in HWC order; not modified
     * @param height   H, image height in pixels
     * @param width    W, image width in pixels
     * @param channels C, 1 (grey) or 3 (RGB)
     * @param padding  pixels between neighbouring cells (≥ 0)
     * @param scale    integer enlargement factor (≥ 1)
     */
    public static BufferedImage visualizeGrid(DMatrixRMaj images, int height, int width, int channels,
            int padding, int scale) {
        requireScale("visualizeGrid", scale);
        return gridOf("visualizeGrid", images, false, height, width, channels, padding, scale);
    }

    /**
     * The grid of {@link #visualizeGrid(DMatrixRMaj, int, int, int, int)} for a matrix whose
     * COLUMNS are the images, such as an fc net's D×H first-layer weights; no transposed copy is
     * made.
     *
     * @param images   (H·W·C)×N matrix, one image per column in HWC order; not modified
     * @param height   H, image height in pixels
     * @param width    W, image width in pixels
     * @param channels C, 1 (grey) or 3 (RGB)
     * @param padding  pixels between neighbouring cells (≥ 0)
     */
    public static BufferedImage visualizeColumns(DMatrixRMaj images, int height, int width, int channels, int padding) {
        return gridOf("visualizeColumns", images, true, height, width, channels, padding, 0);
    }

    /**
     * {@link #visualizeColumns(DMatrixRMaj, int, int, int, int)} enlarged exactly {@code scale} times.
     *
     * @param images   (H·W·C)×N matrix, one image per column in HWC order; not modified
     * @param height   H, image height in pixels
     * @param width    W, image width in pixels
     * @param channels C, 1 (grey) or 3 (RGB)
     * @param padding  pixels between neighbouring cells (≥ 0)
     * @param scale    integer enlargement factor (≥ 1)
     */
    public static BufferedImage visualizeColumns(DMatrixRMaj images, int height, int width, int channels,
            int padding, int scale) {
        requireScale("visualizeColumns", scale);
        return gridOf("visualizeColumns", images, true, height, width, channels, padding, scale);
    }

    /**
     * The seed's {@code show_net_weights}: first-layer weights seen as 32×32×3 images on a grid
     * with padding 3. The layout is read from the shape: H×3072 (the two-layer net of
     * {@code neural_net.py}, one image per row) or 3072×H (the fc nets, one image per column).
     *
     * @param w1 H×3072 or 3072×H weights; not modified
     */
    public static BufferedImage showNetWeights(DMatrixRMaj w1) {
        int d = CIFAR_SIDE * CIFAR_SIDE * CIFAR_CHANNELS;
        boolean rows = w1.numCols == d;
        boolean columns = w1.numRows == d;
        if (rows && columns) {
            throw new IllegalArgumentException("showNetWeights: w1 is " + Matrices.shape(w1)
                    + ", so rows and columns could both be images; call visualizeGrid (rows) or visualizeColumns");
        }
        if (!rows && !columns) {
            throw new IllegalArgumentException("showNetWeights: w1 is " + Matrices.shape(w1)
                    + " but one side must be " + d + " (32×32×3 images)");
        }
        return gridOf("showNetWeights", w1, columns, CIFAR_SIDE, CIFAR_SIDE, CIFAR_CHANNELS, DEFAULT_PADDING, 0);
    }

    /**
     * The MNIST notebook's sample picture: the first gridRows·gridCols columns of {@code x} as
     * square grey digits, sample k at grid row k / gridCols and column k % gridCols, no padding,
     * grey levels spread over the min and max of all shown pixels (as {@code imshow(cmap='gray')}
     * does, so -1 is black and 1 white for the seed's scaled pixels).
     *
     * @param x        P×m matrix, one digit per column (P = side², e.g. 784 = 28²), m ≥ gridRows·gridCols; not modified
     * @param gridRows digits per grid column
     * @param gridCols digits per grid row
     */
    public static BufferedImage mnistGrid(DMatrixRMaj x, int gridRows, int gridCols) {
        int side = (int) Math.round(Math.sqrt(x.numRows));
        if (side * side != x.numRows || side == 0) {
            throw new IllegalArgumentException("mnistGrid: x is " + Matrices.shape(x)
                    + " but its rows must hold a square image (784 for 28×28)");
        }
        if (gridRows < 1 || gridCols < 1 || (long) gridRows * gridCols > x.numCols) {
            throw new IllegalArgumentException("mnistGrid: a " + gridRows + "×" + gridCols + " grid needs "
                    + (long) gridRows * gridCols + " columns but x is " + Matrices.shape(x));
        }
        int n = gridRows * gridCols;
        int[] rgb = compose((image, element) -> x.get(element, image), n, side, side, 1, 0, gridRows, gridCols, false);
        return toImage(rgb, gridCols * side, gridRows * side, 0);
    }

    /**
     * The seed-002 picture: the first 50 training digits (grid rows 0–4) then the first 50 test
     * digits (rows 5–9) on a 10×10 grid, as {@link #mnistGrid}.
     *
     * @param train P×m training digits, one per column, m ≥ 50; not modified
     * @param test  P×m' test digits, one per column, m' ≥ 50, same P; not modified
     */
    public static BufferedImage mnistSamples(DMatrixRMaj train, DMatrixRMaj test) {
        int perSet = 50;
        if (train.numRows != test.numRows || train.numCols < perSet || test.numCols < perSet) {
            throw new IllegalArgumentException("mnistSamples: train is " + Matrices.shape(train) + " and test is "
                    + Matrices.shape(test) + "; need the same number of rows and at least 50 columns each");
        }
        DMatrixRMaj both = new DMatrixRMaj(train.numRows, 2 * perSet);
        for (int r = 0; r < train.numRows; r++) {
            for (int k = 0; k < perSet; k++) {
                both.unsafe_set(r, k, train.unsafe_get(r, k));
                both.unsafe_set(r, perSet + k, test.unsafe_get(r, k));
            }
        }
        return mnistGrid(both, 10, 10);
    }

    /**
     * The enlargement factor used by default for a grid {@code width} pixels wide: the smallest
     * integer that reaches {@value #TARGET_WIDTH} pixels, at most 16.
     *
     * @param width grid width in pixels before enlargement (≥ 1)
     */
    public static int defaultScale(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("defaultScale: width must be positive, got " + width);
        }
        return Math.min(MAX_SCALE, Math.max(1, (TARGET_WIDTH + width - 1) / width));
    }

    private static BufferedImage gridOf(String function, DMatrixRMaj images, boolean inColumns,
            int height, int width, int channels, int padding, int scale) {
        if (height < 1 || width < 1 || (channels != 1 && channels != 3) || padding < 0) {
            throw new IllegalArgumentException(function + ": need height, width ≥ 1, channels 1 or 3, padding ≥ 0; got "
                    + height + ", " + width + ", " + channels + ", " + padding);
        }
        int size = inColumns ? images.numRows : images.numCols;
        int n = inColumns ? images.numCols : images.numRows;
        if ((long) height * width * channels != size || n == 0) {
            throw new IllegalArgumentException(function + ": images is " + Matrices.shape(images) + " but each "
                    + (inColumns ? "column" : "row") + " must hold " + height + "×" + width + "×" + channels + " = "
                    + (long) height * width * channels + " values (and there must be at least one)");
        }
        int g = gridSide(n);
        Pixels pixels = inColumns ? (image, element) -> images.get(element, image)
                : (image, element) -> images.get(image, element);
        int[] rgb = compose(pixels, n, height, width, channels, padding, g, g, true);
        return toImage(rgb, width * g + padding * (g - 1), height * g + padding * (g - 1), scale);
    }

    /** ceil(√n) computed in integers so that perfect squares are exact. */
    static int gridSide(int n) {
        int g = (int) Math.ceil(Math.sqrt(n));
        while ((long) g * g < n) {
            g++;
        }
        while (g > 1 && (long) (g - 1) * (g - 1) >= n) {
            g--;
        }
        return g;
    }

    /**
     * Packs the first n images into gridRows×gridCols cells as 0xRRGGBB pixels; grey levels follow
     * numpy's {@code (255·(x − lo)/(hi − lo)).astype('uint8')} (truncation), over each image or over
     * all of them. Non-finite values are left out of lo/hi and drawn black.
     */
    private static int[] compose(Pixels pixels, int n, int height, int width, int channels, int padding,
            int gridRows, int gridCols, boolean perImage) {
        int gridWidth = width * gridCols + padding * (gridCols - 1);
        int gridHeight = height * gridRows + padding * (gridRows - 1);
        int[] rgb = new int[gridWidth * gridHeight];
        int size = height * width * channels;
        double[] range = perImage ? null : range(pixels, 0, n, size);
        for (int k = 0; k < n; k++) {
            double[] lohi = perImage ? range(pixels, k, k + 1, size) : range;
            int top = (k / gridCols) * (height + padding);
            int left = (k % gridCols) * (width + padding);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    int base = (r * width + c) * channels;
                    int red = level(pixels.get(k, base), lohi);
                    int green = channels == 3 ? level(pixels.get(k, base + 1), lohi) : red;
                    int blue = channels == 3 ? level(pixels.get(k, base + 2), lohi) : red;
                    rgb[(top + r) * gridWidth + left + c] = (red << 16) | (green << 8) | blue;
                }
            }
        }
        return rgb;
    }

    private static double[] range(Pixels pixels, int fromImage, int toImage, int size) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = fromImage; k < toImage; k++) {
            for (int e = 0; e < size; e++) {
                double v = pixels.get(k, e);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    private static int level(double v, double[] lohi) {
        double span = lohi[1] - lohi[0];
        if (!Double.isFinite(v) || !(span > 0)) {
            return 0;
        }
        return Math.min(255, (int) (255.0 * (v - lohi[0]) / span));
    }

    private static BufferedImage toImage(int[] rgb, int width, int height, int scale) {
        int factor = scale > 0 ? scale : defaultScale(width);
        BufferedImage out = new BufferedImage(width * factor, height * factor, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width * factor];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Arrays.fill(row, x * factor, (x + 1) * factor, rgb[y * width + x]);
            }
            for (int dy = 0; dy < factor; dy++) {
                out.setRGB(0, y * factor + dy, row.length, 1, row, 0, row.length);
            }
        }
        return out;
    }

    private static void requireScale(String function, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException(function + ": scale must be ≥ 1, got " + scale);
        }
    }
}

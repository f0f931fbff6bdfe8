package nndl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import nndl.random.RandomState;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class GridsTest {

    /**
     * Two 2×2×3 images, padding 1, no enlargement. Expected pixels from a numpy version of
     * cs231n's visualize_grid ((255·(x − lo)/(hi − lo)).astype('uint8')), run once outside the repository.
     */
    @Test
    void twoImagesMatchNumpyReference() {
        DMatrixRMaj x = new DMatrixRMaj(2, 12);
        System.arraycopy(Matrices.linspace(-0.3, 0.8, 12).data, 0, x.data, 0, 12);
        double[] second = {5, 1, 2, 7, 3, 0, 4, 6, 9, 8, 2.5, 1.5};
        System.arraycopy(second, 0, x.data, 12, 12);

        BufferedImage grid = Grids.visualizeGrid(x, 2, 2, 3, 1, 1);

        assertEquals(BufferedImage.TYPE_INT_RGB, grid.getType());
        assertEquals(5, grid.getWidth());
        assertEquals(5, grid.getHeight());
        int[][][] expected = {
            {{0, 23, 46}, {69, 92, 115}, {0, 0, 0}, {141, 28, 56}, {198, 85, 0}},
            {{139, 162, 185}, {208, 231, 254}, {0, 0, 0}, {113, 170, 255}, {226, 70, 42}},
        };
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 5; c++) {
                assertArrayEquals(expected[r][c], rgb(grid, c, r), "pixel row " + r + " col " + c);
            }
        }
        for (int r = 2; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                assertArrayEquals(new int[] {0, 0, 0}, rgb(grid, c, r), "empty cell or padding at " + r + "," + c);
            }
        }
    }

    @Test
    void channelsAreReadInHwcOrder() {
        // Red follows the row, green the column, blue stays 0: values 0..3 map to 0, 85, 170, 255.
        int side = 4;
        DMatrixRMaj image = new DMatrixRMaj(1, side * side * 3);
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                image.set(0, (r * side + c) * 3, r);
                image.set(0, (r * side + c) * 3 + 1, c);
            }
        }
        BufferedImage grid = Grids.visualizeGrid(image, side, side, 3, 3, 1);
        assertEquals(side, grid.getWidth());
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                assertArrayEquals(new int[] {85 * r, 85 * c, 0}, rgb(grid, c, r), "pixel " + r + "," + c);
            }
        }
    }

    @Test
    void constantImageIsBlackAndGreyImagesUseOneChannel() {
        DMatrixRMaj images = new DMatrixRMaj(2, 4);
        CommonOps_DDRM.fill(images, 7.0);
        images.set(1, 3, 9.0);
        BufferedImage grid = Grids.visualizeGrid(images, 2, 2, 1, 0, 1);
        assertArrayEquals(new int[] {0, 0, 0}, rgb(grid, 0, 0));
        assertArrayEquals(new int[] {0, 0, 0}, rgb(grid, 1, 1));
        assertArrayEquals(new int[] {255, 255, 255}, rgb(grid, 3, 1), "image 1's maximum, grey");
        assertArrayEquals(new int[] {0, 0, 0}, rgb(grid, 2, 0));
    }

    @Test
    void enlargementRepeatsEachPixel() {
        DMatrixRMaj x = new RandomState(3).randn(3, 12);
        BufferedImage small = Grids.visualizeGrid(x, 2, 2, 3, 1, 1);
        BufferedImage big = Grids.visualizeGrid(x, 2, 2, 3, 1, 3);
        assertEquals(15, big.getWidth());
        for (int y = 0; y < big.getHeight(); y++) {
            for (int xx = 0; xx < big.getWidth(); xx++) {
                assertEquals(small.getRGB(xx / 3, y / 3), big.getRGB(xx, y));
            }
        }
    }

    @Test
    void defaultScaleReachesAboutFourHundredPixels() {
        assertEquals(2, Grids.defaultScale(8 * 32 + 7 * 3), "50 CIFAR images: 277 px wide, doubled");
        assertEquals(1, Grids.defaultScale(400));
        assertEquals(16, Grids.defaultScale(2), "capped");
        DMatrixRMaj fifty = new RandomState(0).randn(50, 3072);
        BufferedImage grid = Grids.visualizeGrid(fifty, 32, 32, 3);
        assertEquals(554, grid.getWidth());
        assertEquals(554, grid.getHeight());
        assertEquals(8, Grids.gridSide(50));
        assertEquals(7, Grids.gridSide(49));
        assertEquals(1, Grids.gridSide(1));
    }

    @Test
    void rowAndColumnLayoutsGiveTheSameGrid() {
        DMatrixRMaj rows = new RandomState(1).randn(10, 3072);
        DMatrixRMaj columns = CommonOps_DDRM.transpose(rows, null);
        BufferedImage fromRows = Grids.showNetWeights(rows);
        BufferedImage fromColumns = Grids.showNetWeights(columns);
        assertImagesEqual(fromRows, fromColumns);
        assertImagesEqual(Grids.visualizeGrid(rows, 32, 32, 3, 3, 1), Grids.visualizeColumns(columns, 32, 32, 3, 3, 1));
        // 10 images → 4×4 cells of 32 px with padding 3: 137 px, tripled by default to reach 400.
        assertEquals(411, fromRows.getWidth());
    }

    @Test
    void mnistGridPlacesSamplesRowByRowWithGlobalGreyLevels() {
        DMatrixRMaj x = new DMatrixRMaj(784, 100);
        CommonOps_DDRM.fill(x, -1.0);
        x.set(3 * 28 + 5, 12, 1.0);
        x.set(0, 0, 0.0);
        BufferedImage grid = Grids.mnistGrid(x, 10, 10);
        assertEquals(560, grid.getWidth(), "280 px doubled");
        int scale = 2;
        assertArrayEquals(new int[] {255, 255, 255}, rgb(grid, (2 * 28 + 5) * scale, (28 + 3) * scale), "sample 12 at cell (1, 2)");
        assertArrayEquals(new int[] {127, 127, 127}, rgb(grid, 0, 0), "0 is mid grey on [-1, 1]");
        assertArrayEquals(new int[] {0, 0, 0}, rgb(grid, 1 * scale, 0));
    }

    @Test
    void mnistSamplesPutTrainOnTopAndTestBelow() {
        DMatrixRMaj train = new DMatrixRMaj(784, 60);
        DMatrixRMaj test = new DMatrixRMaj(784, 55);
        CommonOps_DDRM.fill(train, -1.0);
        CommonOps_DDRM.fill(test, -1.0);
        train.set(0, 49, 1.0);
        test.set(0, 0, 1.0);
        BufferedImage grid = Grids.mnistSamples(train, test);
        assertEquals(560, grid.getHeight());
        assertArrayEquals(new int[] {255, 255, 255}, rgb(grid, 9 * 28 * 2, 4 * 28 * 2), "train sample 49: row 4, col 9");
        assertArrayEquals(new int[] {255, 255, 255}, rgb(grid, 0, 5 * 28 * 2), "test sample 0: row 5, col 0");
        assertArrayEquals(new int[] {0, 0, 0}, rgb(grid, 0, 0));
    }

    @Test
    void badShapesAreReportedWithTheShape() {
        DMatrixRMaj wrong = new DMatrixRMaj(4, 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Grids.visualizeGrid(wrong, 32, 32, 3));
        assertTrue(e.getMessage().contains("visualizeGrid") && e.getMessage().contains("4×100"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Grids.showNetWeights(new DMatrixRMaj(50, 3000)));
        assertTrue(e.getMessage().contains("50×3000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Grids.visualizeGrid(new DMatrixRMaj(2, 8), 2, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Grids.visualizeGrid(new DMatrixRMaj(2, 12), 2, 2, 3, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Grids.mnistGrid(new DMatrixRMaj(784, 99), 10, 10));
        assertThrows(IllegalArgumentException.class, () -> Grids.mnistGrid(new DMatrixRMaj(780, 100), 10, 10));
        assertThrows(IllegalArgumentException.class, () -> Grids.mnistSamples(new DMatrixRMaj(784, 50), new DMatrixRMaj(784, 49)));
    }

    static int[] rgb(BufferedImage image, int x, int y) {
        int p = image.getRGB(x, y);
        return new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
    }

    static void assertImagesEqual(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), actual.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }
}

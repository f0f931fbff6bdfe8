package nndl.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * The CIFAR-10 loader ({@code load_CIFAR10}) and the seed's split ({@code get_CIFAR10_data}).
 *
 * <p>Files: the binary version's {@code data_batch_1.bin} … {@code data_batch_5.bin} and
 * {@code test_batch.bin}, each a sequence of 3,073-byte records (1 label byte, then 1,024 red, 1,024
 * green and 1,024 blue bytes, each plane row-major 32×32); any number of records per file. Rows come
 * out in {@link PixelOrder#HWC} unless another order is asked for: value {@code (r·32 + c)·3 + channel}
 * of a row is channel {@code channel} of the pixel at row r, column c, as cs231n's loader gives it.
 *
 * <p>Where: see {@link DataRoot}. A root that itself holds the batch files is used as is; otherwise
 * {@code cifar-10-batches-bin/} then {@code cifar-10-subset/} under it; when neither exists the official
 * archive is downloaded into the root ({@link #download(Path, URI, String)}). Each load prints one line
 * saying which folder and how many records.
 */
public final class Cifar10 {
    /** The binary archive on the dataset's home page. */
    public static final URI OFFICIAL_URL = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    /** The MD5 of {@link #OFFICIAL_URL}'s archive. */
    public static final String OFFICIAL_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    /** The folder the official archive unpacks to. */
    public static final String OFFICIAL_FOLDER = "cifar-10-batches-bin";
    /** The folder of the shared test subset. */
    public static final String SUBSET_FOLDER = "cifar-10-subset";
    /** The archive's file name while it is being downloaded and unpacked. */
    public static final String ARCHIVE = "cifar-10-binary.tar.gz";
    /** The five training files, in order. */
    public static final List<String> TRAIN_FILES =
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    /** The test file. */
    public static final String TEST_FILE = "test_batch.bin";

    private static final int FULL_TRAIN = 50_000;
    private static final int FULL_TEST = 10_000;

    private Cifar10() {
    }

    /**
     * {@code load_CIFAR10} on the default data root ({@link DataRoot#resolve()}), rows in HWC order.
     *
     * @return every training and test record as N×3072 rows, values 0..255
     */
    public static Cifar10Data loadCifar10() {
        return loadCifar10(null, PixelOrder.HWC);
    }

    /**
     * {@code load_CIFAR10(root)}: every record of the CIFAR-10 folder found from {@code root}, rows in
     * HWC order (N×3072, values 0..255).
     *
     * @param root a data root or a folder holding the batch files; null for the default root (not modified)
     * @return every training and test record as N×3072 rows, values 0..255
     */
    public static Cifar10Data loadCifar10(Path root) {
        return loadCifar10(root, PixelOrder.HWC);
    }

    /**
     * {@code load_CIFAR10(root)} with rows in {@code order}.
     *
     * @param root  a data root or a folder holding the batch files; null for the default root (not modified)
     * @param order the layout of each row's 3,072 values
     * @return every training and test record as N×3072 rows, values 0..255
     */
    public static Cifar10Data loadCifar10(Path root, PixelOrder order) {
        Loaded loaded = read(findOrDownload(root));
        int nTrain = loaded.train.count();
        int nTest = loaded.test.count();
        DMatrixRMaj xTrain = DMatrixRMaj.wrap(nTrain, CifarBatch.IMAGE_BYTES, loaded.train.pixels(0, nTrain, order));
        DMatrixRMaj xTest = DMatrixRMaj.wrap(nTest, CifarBatch.IMAGE_BYTES, loaded.test.pixels(0, nTest, order));
        return new Cifar10Data(xTrain, loaded.train.labels(0, nTrain), xTest, loaded.test.labels(0, nTest),
                loaded.folder, order, loaded.isFull());
    }

    /**
     * {@code get_CIFAR10_data()}: the seed's 49,000 / 1,000 / 1,000 split on the default root, HWC rows.
     *
     * @return the mean-subtracted splits; see {@link #getCifar10Data(Path, int, int, int, PixelOrder)}
     */
    public static DataSplits getCifar10Data() {
        return getCifar10Data(null, 49_000, 1_000, 1_000, PixelOrder.HWC);
    }

    /**
     * {@code get_CIFAR10_data(num_training, num_validation, num_test)} on the default root, HWC rows.
     *
     * @param numTraining   N_train ≥ 1
     * @param numValidation N_val ≥ 0
     * @param numTest       N_test ≥ 0
     * @return the mean-subtracted splits; see {@link #getCifar10Data(Path, int, int, int, PixelOrder)}
     */
    public static DataSplits getCifar10Data(int numTraining, int numValidation, int numTest) {
        return getCifar10Data(null, numTraining, numValidation, numTest, PixelOrder.HWC);
    }

    /**
     * The split with rows in {@code order} on the default root; {@link PixelOrder#CHW} gives the fc_nets
     * notebook's {@code data} dictionary, whose images are (N, 3, 32, 32).
     *
     * @param numTraining   N_train ≥ 1
     * @param numValidation N_val ≥ 0
     * @param numTest       N_test ≥ 0
     * @param order         the layout of each row's 3,072 values
     * @return the mean-subtracted splits; see {@link #getCifar10Data(Path, int, int, int, PixelOrder)}
     */
    public static DataSplits getCifar10Data(int numTraining, int numValidation, int numTest, PixelOrder order) {
        return getCifar10Data(null, numTraining, numValidation, numTest, order);
    }

    /**
     * {@code get_CIFAR10_data} on the folder found from {@code root}, HWC rows.
     *
     * @param root          a data root or a folder holding the batch files; null for the default root
     * @param numTraining   N_train ≥ 1
     * @param numValidation N_val ≥ 0
     * @param numTest       N_test ≥ 0
     * @return the mean-subtracted splits; see {@link #getCifar10Data(Path, int, int, int, PixelOrder)}
     */
    public static DataSplits getCifar10Data(Path root, int numTraining, int numValidation, int numTest) {
        return getCifar10Data(root, numTraining, numValidation, numTest, PixelOrder.HWC);
    }

    /**
     * {@code get_CIFAR10_data}: validation = training records [numTraining, numTraining + numValidation),
     * training = the first numTraining, test = the first numTest test records; the mean image of the
     * training split is subtracted from all three. Fails, saying how many records there are and which
     * sizes would fit, when the folder holds fewer records than asked for.
     *
     * @param root          a data root or a folder holding the batch files; null for the default root
     * @param numTraining   N_train ≥ 1
     * @param numValidation N_val ≥ 0
     * @param numTest       N_test ≥ 0
     * @param order         the layout of each row's 3,072 values
     * @return the splits (X_train N_train×3072, X_val N_val×3072, X_test N_test×3072), source text and
     *         whether the data is the full dataset
     */
    public static DataSplits getCifar10Data(Path root, int numTraining, int numValidation, int numTest,
                                            PixelOrder order) {
        if (numTraining < 1 || numValidation < 0 || numTest < 0) {
            throw new IllegalArgumentException("getCifar10Data: sizes must be numTraining ≥ 1, numValidation ≥ 0,"
                    + " numTest ≥ 0, got " + numTraining + " / " + numValidation + " / " + numTest);
        }
        Loaded loaded = read(findOrDownload(root));
        checkSizes(loaded, numTraining, numValidation, numTest);
        DMatrixRMaj xTrain = DMatrixRMaj.wrap(numTraining, CifarBatch.IMAGE_BYTES, loaded.train.pixels(0, numTraining, order));
        DMatrixRMaj xVal = DMatrixRMaj.wrap(numValidation, CifarBatch.IMAGE_BYTES, loaded.train.pixels(numTraining, numValidation, order));
        DMatrixRMaj xTest = DMatrixRMaj.wrap(numTest, CifarBatch.IMAGE_BYTES, loaded.test.pixels(0, numTest, order));
        double[] mean = columnMeans(xTrain);
        subtractRow(xTrain, mean);
        subtractRow(xVal, mean);
        subtractRow(xTest, mean);
        String source = loaded.folder.getFileName() + " (" + loaded.train.count() + " train + " + loaded.test.count()
                + " test records" + (order == PixelOrder.CHW ? ", channels-first rows" : "") + ")";
        return new DataSplits(xTrain, loaded.train.labels(0, numTraining),
                xVal, loaded.train.labels(numTraining, numValidation),
                xTest, loaded.test.labels(0, numTest), source, loaded.folder);
    }

    /**
     * The CIFAR-10 folder for {@code root} without downloading: {@code root} itself if it holds batch
     * files, else {@code cifar-10-batches-bin/}, else {@code cifar-10-subset/} under it.
     *
     * @param root a data root or a folder holding the batch files; null for the default root
     * @return the folder, or empty when there is none
     */
    public static Optional<Path> locate(Path root) {
        return DataRoot.locate(root, List.of(TRAIN_FILES.get(0), TEST_FILE), List.of(OFFICIAL_FOLDER, SUBSET_FOLDER));
    }

    /**
     * The folder {@link #locate(Path)} finds, or the official archive downloaded into the root.
     *
     * @param root a data root or a folder holding the batch files; null for the default root
     * @return the folder holding the batch files
     */
    public static Path findOrDownload(Path root) {
        return locate(root).orElseGet(() -> download(DataRoot.resolve(root), OFFICIAL_URL, OFFICIAL_MD5));
    }

    /**
     * Downloads the binary archive from {@code url} into {@code root} (progress bar on stderr), checks
     * its MD5, unpacks it beside and renames {@code cifar-10-batches-bin/} into place in one atomic
     * step, recording the batch files' checksums ({@link OfficialCifar10}); the archive is removed once
     * unpacked. A partial download is never kept; an archive left
     * by an earlier run is used only if its MD5 matches. Returns the existing folder without
     * downloading if there already is one.
     *
     * @param root the data root to download into (created if needed)
     * @param url  where the archive is (tests point it at a local server)
     * @param md5  the archive's expected MD5, 32 hex digits
     * @return the {@code cifar-10-batches-bin} folder
     */
    public static Path download(Path root, URI url, String md5) {
        Path base = DataRoot.resolve(root);
        Path folder = base.resolve(OFFICIAL_FOLDER);
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Path archive = base.resolve(ARCHIVE);
        try {
            fetchArchive(url, md5, archive);
            Archives.unpackInto(archive, base, OFFICIAL_FOLDER, required());
            OfficialCifar10.record(folder);
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("CIFAR-10 download failed: " + e.getMessage() + ". Try again, or put the "
                    + OFFICIAL_FOLDER + "/ folder of " + ARCHIVE + " (or a " + SUBSET_FOLDER + "/ folder) under " + base
                    + ", or set " + DataRoot.ENVIRONMENT + " to a folder that holds one.", e);
        }
        return folder;
    }

    private static void fetchArchive(URI url, String md5, Path archive) throws IOException {
        if (Files.exists(archive)) {
            String actual = Downloads.md5(archive);
            if (!actual.equalsIgnoreCase(md5)) {
                throw new IOException(archive + " is left from an earlier download but its MD5 is " + actual
                        + ", not " + md5 + ": delete " + archive + " and run again, or set " + DataRoot.ENVIRONMENT
                        + " to a folder that holds " + OFFICIAL_FOLDER + "/");
            }
            return;
        }
        System.out.println("CIFAR-10: no data under " + archive.getParent() + "; downloading " + url);
        Downloads.fetch(url, archive, md5, System.err);
    }

    private static List<String> required() {
        List<String> names = new ArrayList<>(TRAIN_FILES);
        names.add(TEST_FILE);
        return names;
    }

    private static Loaded read(Path folder) {
        List<Path> trainPaths = TRAIN_FILES.stream().map(folder::resolve).toList();
        CifarBatch train = CifarBatch.read(trainPaths);
        CifarBatch test = CifarBatch.read(List.of(folder.resolve(TEST_FILE)));
        System.out.println("CIFAR-10: loaded " + train.count() + " training + " + test.count()
                + " test records from " + folder);
        return new Loaded(folder, train, test);
    }

    private static void checkSizes(Loaded loaded, int numTraining, int numValidation, int numTest) {
        int haveTrain = loaded.train.count();
        int haveTest = loaded.test.count();
        if ((long) numTraining + numValidation <= haveTrain && numTest <= haveTest) {
            return;
        }
        int val = Math.min(numValidation, haveTrain / 5);
        throw new IllegalArgumentException("getCifar10Data: asked for " + numTraining + " training + " + numValidation
                + " validation (from " + haveTrain + " training records) and " + numTest + " test (from " + haveTest
                + " test records) in " + loaded.folder + "; sizes that fit: getCifar10Data(" + (haveTrain - val)
                + ", " + val + ", " + Math.min(numTest, haveTest) + ")");
    }

    private static double[] columnMeans(DMatrixRMaj x) {
        double[] sum = new double[x.numCols];
        for (int r = 0; r < x.numRows; r++) {
            int base = r * x.numCols;
            for (int c = 0; c < x.numCols; c++) {
                sum[c] += x.data[base + c];
            }
        }
        for (int c = 0; c < sum.length; c++) {
            sum[c] /= x.numRows;
        }
        return sum;
    }

    private static void subtractRow(DMatrixRMaj x, double[] row) {
        for (int r = 0; r < x.numRows; r++) {
            int base = r * x.numCols;
            for (int c = 0; c < x.numCols; c++) {
                x.data[base + c] -= row[c];
            }
        }
    }

    private record Loaded(Path folder, CifarBatch train, CifarBatch test) {
        /** The complete official dataset: every record, and the files' checksums match the archive's. */
        boolean isFull() {
            return train.count() == FULL_TRAIN && test.count() == FULL_TEST && OfficialCifar10.verified(folder);
        }
    }
}

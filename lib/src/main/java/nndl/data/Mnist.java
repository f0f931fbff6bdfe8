package nndl.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * The MNIST / Fashion-MNIST loader: the four IDX files {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 * each gzipped ({@code .gz}) or not.
 *
 * <p>Where: see {@link DataRoot}. A root that itself holds the files is used as is (so a Fashion-MNIST
 * folder can be passed directly); otherwise {@code mnist/} then {@code mnist-subset/} under it; when
 * neither exists MNIST is downloaded into {@code mnist/} ({@link #download(Path, URI, Map)}).
 */
public final class Mnist {
    /** A public mirror of the original MNIST files (the one torchvision uses). */
    public static final URI OFFICIAL_BASE_URL = URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/");
    /** MD5 of each original MNIST file, as published with torchvision's MNIST dataset. */
    public static final Map<String, String> OFFICIAL_MD5 = officialMd5();
    /** The folder MNIST is downloaded to. */
    public static final String FOLDER = "mnist";
    /** The folder of the shared test subset. */
    public static final String SUBSET_FOLDER = "mnist-subset";
    /** The four files' names without the optional {@code .gz}. */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private Mnist() {
    }

    /**
     * The MNIST training and test sets from the default data root.
     *
     * @return N×784 rows, values 0..255, with labels
     */
    public static MnistData loadMnist() {
        return loadMnist(null);
    }

    /**
     * The training and test sets of the folder found from {@code root} (N×784 rows for MNIST, values
     * 0..255); prints which folder and how many images.
     *
     * @param root a data root or a folder holding the IDX files; null for the default root (not modified)
     * @return N×(rows·cols) rows, values 0..255, with labels
     */
    public static MnistData loadMnist(Path root) {
        Path folder = findOrDownload(root);
        Idx.Images train = Idx.readImages(file(folder, FILES.get(0)));
        int[] trainLabels = Idx.readLabels(file(folder, FILES.get(1)));
        Idx.Images test = Idx.readImages(file(folder, FILES.get(2)));
        int[] testLabels = Idx.readLabels(file(folder, FILES.get(3)));
        checkCount(folder, FILES.get(0), train.count(), FILES.get(1), trainLabels.length);
        checkCount(folder, FILES.get(2), test.count(), FILES.get(3), testLabels.length);
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException("loadMnist: training images are " + train.rows() + "×" + train.cols()
                    + " but test images are " + test.rows() + "×" + test.cols() + " in " + folder);
        }
        int size = train.rows() * train.cols();
        System.out.println("MNIST: loaded " + train.count() + " training + " + test.count() + " test images ("
                + train.rows() + "×" + train.cols() + ") from " + folder);
        return new MnistData(DMatrixRMaj.wrap(train.count(), size, train.pixels()), trainLabels,
                DMatrixRMaj.wrap(test.count(), size, test.pixels()), testLabels, train.rows(), train.cols(), folder);
    }

    /**
     * The MNIST folder for {@code root} without downloading: {@code root} itself if it holds a training
     * image file, else {@code mnist/}, else {@code mnist-subset/} under it.
     *
     * @param root a data root or a folder holding the IDX files; null for the default root
     * @return the folder, or empty when there is none
     */
    public static Optional<Path> locate(Path root) {
        return DataRoot.locate(root, List.of(FILES.get(0), FILES.get(0) + ".gz"), List.of(FOLDER, SUBSET_FOLDER));
    }

    /**
     * The folder {@link #locate(Path)} finds, or MNIST downloaded from the official mirror into the root.
     *
     * @param root a data root or a folder holding the IDX files; null for the default root
     * @return the folder holding the IDX files
     */
    public static Path findOrDownload(Path root) {
        return locate(root).orElseGet(() -> {
            DataRoot.requireNamedRootExists(root, "MNIST (" + FOLDER + "/ or " + SUBSET_FOLDER + "/)");
            return download(DataRoot.resolve(root), OFFICIAL_BASE_URL, OFFICIAL_MD5);
        });
    }

    /**
     * Downloads each file of {@code md5ByFile} from {@code baseUrl} + its name into a temporary folder
     * (progress bar on stderr), checks every MD5, then renames the folder to {@code root/mnist} in one
     * atomic step; nothing is kept if any file fails. Returns the existing folder if there already is one.
     *
     * @param root      the data root (created if needed)
     * @param baseUrl   a URL ending in '/' under which the files are
     * @param md5ByFile file name (for example {@code train-images-idx3-ubyte.gz}) → its MD5; must name
     *                  the four MNIST files, gzipped or not
     * @return the {@code mnist} folder
     */
    public static Path download(Path root, URI baseUrl, Map<String, String> md5ByFile) {
        for (String name : FILES) {
            if (!md5ByFile.containsKey(name) && !md5ByFile.containsKey(name + ".gz")) {
                throw new IllegalArgumentException("Mnist.download: md5ByFile names no " + name + "[.gz]; it has "
                        + md5ByFile.keySet());
            }
        }
        Path base = DataRoot.resolve(root);
        Path target = base.resolve(FOLDER);
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(base);
            Path staging = Files.createTempDirectory(base, "." + FOLDER + ".download-");
            try {
                System.out.println("MNIST: no data under " + base + "; downloading from " + baseUrl);
                Path folder = Files.createDirectory(staging.resolve(FOLDER));
                for (Map.Entry<String, String> file : md5ByFile.entrySet()) {
                    Downloads.fetch(baseUrl.resolve(file.getKey()), folder.resolve(file.getKey()), file.getValue(), System.err);
                }
                Archives.moveIntoPlace(folder, target);
            } finally {
                Archives.deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("MNIST download failed: " + e.getMessage() + ". Try again, or put the"
                    + " four IDX files in " + target + " (or " + base.resolve(SUBSET_FOLDER) + "), or set "
                    + DataRoot.ENVIRONMENT + " to a folder that holds " + FOLDER + "/.", e);
        }
        return target;
    }

    /**
     * Checks the four IDX files of {@code folder} as {@link #loadMnist(Path)} reads them (headers, magic
     * numbers, lengths, labels 0..9, as many labels as images, equal image sizes) without converting
     * the pixels; the errors are the loader's, naming the file and the byte offset.
     *
     * @param folder an MNIST folder (from {@link #locate(Path)} or {@link #findOrDownload(Path)})
     * @return a summary: "8000 training + 2000 test images (28×28) in FOLDER"
     */
    public static String verify(Path folder) {
        Idx.Images train = Idx.checkImages(file(folder, FILES.get(0)));
        int trainLabels = Idx.readLabels(file(folder, FILES.get(1))).length;
        Idx.Images test = Idx.checkImages(file(folder, FILES.get(2)));
        int testLabels = Idx.readLabels(file(folder, FILES.get(3))).length;
        checkCount(folder, FILES.get(0), train.count(), FILES.get(1), trainLabels);
        checkCount(folder, FILES.get(2), test.count(), FILES.get(3), testLabels);
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException("loadMnist: training images are " + train.rows() + "×" + train.cols()
                    + " but test images are " + test.rows() + "×" + test.cols() + " in " + folder);
        }
        return train.count() + " training + " + test.count() + " test images (" + train.rows() + "×" + train.cols()
                + ") in " + folder;
    }

    private static Path file(Path folder, String name) {
        Path gz = folder.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = folder.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new UncheckedIOException(name + " is missing: neither " + gz.getFileName() + " nor " + name
                + " is in " + folder, new NoSuchFileException(plain.toString()));
    }

    private static void checkCount(Path folder, String images, int imageCount, String labels, int labelCount) {
        if (imageCount != labelCount) {
            throw new IllegalArgumentException("loadMnist: " + images + " holds " + imageCount + " images but "
                    + labels + " holds " + labelCount + " labels (" + folder + ")");
        }
    }

    private static Map<String, String> officialMd5() {
        Map<String, String> md5 = new LinkedHashMap<>();
        md5.put("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873");
        md5.put("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432");
        md5.put("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3");
        md5.put("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c");
        return Collections.unmodifiableMap(md5);
    }
}

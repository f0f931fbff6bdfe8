package nndl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader bullets of the fault report: empty files, a data root that does not exist, an empty
 * official folder beside a good subset, the advice for the subset, unreadable files, and the
 * checks DataMain runs before any notebook ({@link Cifar10#verify}, {@link Mnist#verify}).
 */
class DataFaultsTest {
    @TempDir
    Path root;

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "expected '" + part + "' in: " + text);
        }
    }

    @Test
    void anEmptyBatchFileIsAnErrorNamingIt() throws IOException {
        Map<String, byte[]> files = CifarFixtures.batchFiles(2);
        files.put("data_batch_3.bin", new byte[0]);
        CifarFixtures.writeFolder(root.resolve("cifar-10-subset"), files);
        String load = assertThrows(IllegalArgumentException.class, () -> Cifar10.getCifar10Data(root, 5, 1, 1)).getMessage();
        assertContains(load, "data_batch_3.bin: empty file (0 bytes at byte offset 0)");
        String verify = assertThrows(IllegalArgumentException.class,
                () -> Cifar10.verify(root.resolve("cifar-10-subset"))).getMessage();
        assertContains(verify, "data_batch_3.bin: empty file");
    }

    @Test
    void theSubsetAdviceNamesTheQuickProfileUnlessItIsSet() throws IOException {
        CifarFixtures.writeFolder(root.resolve("cifar-10-subset"), CifarFixtures.batchFiles(3));
        String text = assertThrows(IllegalArgumentException.class,
                () -> Cifar10.getCifar10Data(root, 49_000, 1_000, 1_000)).getMessage();
        if (!"quick".equals(System.getenv("NNDL_PROFILE"))) {
            assertContains(text, "not the full CIFAR-10", "NNDL_PROFILE=quick");
        }
        assertContains(text, "sizes that fit here: getCifar10Data(12, 3, 3)");
    }

    @Test
    void aNamedRootThatDoesNotExistIsNeitherCreatedNorDownloadedInto() {
        Path missing = root.resolve("no-such-folder");
        String cifar = assertThrows(IllegalArgumentException.class, () -> Cifar10.findOrDownload(missing)).getMessage();
        assertContains(cifar, "no such folder", missing.toString(), "nothing downloaded");
        String mnist = assertThrows(IllegalArgumentException.class, () -> Mnist.findOrDownload(missing)).getMessage();
        assertContains(mnist, "no such folder");
        assertFalse(Files.exists(missing));
    }

    @Test
    void anEmptyOfficialFolderBesideAGoodSubsetIsPassedOver() throws IOException {
        Files.createDirectories(root.resolve("cifar-10-batches-bin"));
        CifarFixtures.writeFolder(root.resolve("cifar-10-subset"), CifarFixtures.batchFiles(2));
        assertEquals(root.resolve("cifar-10-subset"), Cifar10.locate(root).orElseThrow());
        assertEquals(10, Cifar10.loadCifar10(root).xTrain().numRows);
        Files.createDirectories(root.resolve("mnist"));
        MnistFixtures.writeFolder(root.resolve("mnist-subset"), 5, 2, true);
        assertEquals(root.resolve("mnist-subset"), Mnist.locate(root).orElseThrow());
    }

    @Test
    void anUnreadableFileSaysWhy() throws IOException {
        Map<String, byte[]> files = CifarFixtures.batchFiles(1);
        files.remove("data_batch_2.bin");
        Path folder = root.resolve("cifar-10-subset");
        CifarFixtures.writeFolder(folder, files);
        Files.createDirectory(folder.resolve("data_batch_2.bin"));
        String text = assertThrows(UncheckedIOException.class, () -> Cifar10.loadCifar10(root)).getMessage();
        assertContains(text, "cannot read data_batch_2.bin: it is a directory, not a file");
        Path file = folder.resolve("data_batch_1.bin");
        assertEquals("permission denied", ReadErrors.reason(file, new AccessDeniedException(file.toString())));
    }

    @Test
    void verifyReportsCountsAndNamesATruncatedFileWithItsOffset() throws IOException {
        Map<String, byte[]> files = CifarFixtures.batchFiles(2);
        Path folder = root.resolve("cifar-10-subset");
        CifarFixtures.writeFolder(folder, files);
        Cifar10.FolderCheck check = Cifar10.verify(folder);
        assertEquals(10, check.trainRecords());
        assertEquals(2, check.testRecords());
        assertFalse(check.full());
        Files.write(folder.resolve("test_batch.bin"), Arrays.copyOf(files.get("test_batch.bin"), 3073 + 100));
        assertContains(assertThrows(IllegalArgumentException.class, () -> Cifar10.verify(folder)).getMessage(),
                "test_batch.bin: truncated record at byte offset 3073: 100 of 3073 bytes");
    }

    @Test
    void mnistVerifyNamesWrongMagicAndShortLabels() throws IOException {
        MnistFixtures.writeFolder(root, 5, 2, true);
        assertContains(Mnist.verify(root), "5 training + 2 test images (4×3)");
        MnistFixtures.write(root, "t10k-images-idx3-ubyte", MnistFixtures.images(2049, 2, 4, 3, 3), true);
        assertContains(assertThrows(IllegalArgumentException.class, () -> Mnist.verify(root)).getMessage(),
                "t10k-images-idx3-ubyte.gz (unpacked): wrong magic number 2049 at byte offset 0");
        MnistFixtures.writeFolder(root, 5, 2, true);
        MnistFixtures.write(root, "train-labels-idx1-ubyte", Arrays.copyOf(MnistFixtures.labels(2049, 5), 10), true);
        assertContains(assertThrows(IllegalArgumentException.class, () -> Mnist.verify(root)).getMessage(),
                "train-labels-idx1-ubyte.gz (unpacked): truncated label at byte offset 10");
    }
}

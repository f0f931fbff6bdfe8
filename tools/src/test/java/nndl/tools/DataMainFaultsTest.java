package nndl.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data check before the notebooks, on scratch copies of the shared datasets with one file
 * broken each: exit status 1 and a message naming the file (and the byte offset).
 */
class DataMainFaultsTest {
    @TempDir
    Path root;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copySharedDatasets() throws IOException {
        Path shared = Path.of(System.getProperty("nndl.sharedDatasets", "../../shared/datasets"));
        for (String folder : new String[] {"cifar-10-subset", "mnist-subset"}) {
            Files.createDirectories(root.resolve(folder));
            try (Stream<Path> files = Files.list(shared.resolve(folder))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, root.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
    }

    private int run(String... args) {
        return DataMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void truncate(String file, int length) {
        Path path = root.resolve(file);
        try {
            Files.write(path, Arrays.copyOf(Files.readAllBytes(path), length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertFails(String... parts) {
        assertEquals(1, run("--root", root.toString(), "--profile", "quick"), out.toString(StandardCharsets.UTF_8));
        for (String part : parts) {
            assertTrue(errors().contains(part), "expected '" + part + "' in: " + errors());
        }
    }

    @Test
    void theIntactCopyPassesInTheQuickProfile() {
        assertEquals(0, run("--root", root.toString(), "--profile", "quick"), errors());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("5170 training + 1017 test records"));
    }

    @Test
    void aTruncatedBatchFileFailsNamingFileAndOffset() {
        truncate("cifar-10-subset/data_batch_4.bin", 3073 * 10 + 5);
        assertFails("data_batch_4.bin: truncated record at byte offset 30730: 5 of 3073 bytes");
    }

    @Test
    void anEmptyBatchFileFailsNamingIt() {
        truncate("cifar-10-subset/data_batch_3.bin", 0);
        assertFails("data_batch_3.bin: empty file");
    }

    @Test
    void aWrongMagicNumberFailsNamingFileAndOffset() throws IOException {
        Path labels = root.resolve("mnist-subset/t10k-labels-idx1-ubyte.gz");
        Files.delete(labels);
        byte[] header = {0, 0, 8, 3, 0, 0, 0, 1, 7};
        Files.write(root.resolve("mnist-subset/t10k-labels-idx1-ubyte"), header);
        assertFails("t10k-labels-idx1-ubyte: wrong magic number 2051 at byte offset 0");
    }

    @Test
    void aShortLabelFileFailsNamingFileAndOffset() throws IOException {
        Path gz = root.resolve("mnist-subset/train-labels-idx1-ubyte.gz");
        byte[] labels;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            labels = in.readAllBytes();
        }
        Files.delete(gz);
        Files.write(root.resolve("mnist-subset/train-labels-idx1-ubyte"), Arrays.copyOf(labels, 8 + 7999));
        assertFails("train-labels-idx1-ubyte: truncated label at byte offset 8007");
    }

    @Test
    void theSubsetInTheFullProfileAdvisesTheQuickProfile() {
        assertEquals(1, run("--root", root.toString(), "--profile", "full"));
        assertTrue(errors().contains("the full profile needs 50000 training"), errors());
        assertTrue(errors().contains("run with NNDL_PROFILE=quick"), errors());
    }

    @Test
    void aRootThatDoesNotExistIsNotCreated() {
        Path missing = root.resolve("typo");
        assertEquals(1, run("--root", missing.toString(), "--profile", "quick"));
        assertTrue(errors().contains("no such folder"), errors());
        assertFalse(Files.exists(missing));
    }

    @Test
    void anEmptyOfficialFolderBesideTheSubsetIsPassedOver() throws IOException {
        Files.createDirectories(root.resolve("cifar-10-batches-bin"));
        assertEquals(0, run("--root", root.toString(), "--profile", "quick"), errors());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("cifar-10-subset"));
    }

    @Test
    void unknownOptionsAreRejected() {
        assertEquals(2, run("--quick"));
        assertTrue(errors().contains("unexpected argument '--quick'"), errors());
        assertEquals(2, run("--profile", "fast"));
    }
}

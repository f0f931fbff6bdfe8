package nndl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed CIFAR-10 folders that the tests write: every error names the file and the byte offset. */
class CifarFileErrorsTest {
    @TempDir
    Path root;

    @Test
    void readsAnyNumberOfRecordsPerFile() throws IOException {
        Map<String, byte[]> files = CifarFixtures.batchFiles(3);
        files.put("data_batch_2.bin", CifarFixtures.records(1, 9));
        files.put("data_batch_4.bin", CifarFixtures.records(5, 10));
        CifarFixtures.writeFolder(root.resolve("cifar-10-batches-bin"), files);
        Cifar10Data data = Cifar10.loadCifar10(root);
        assertEquals(3 + 1 + 3 + 5 + 3, data.xTrain().numRows);
        assertEquals(3, data.xTest().numRows);
        byte[] batch4 = files.get("data_batch_4.bin");
        assertEquals(batch4[3073 * 4], data.yTrain()[7 + 4]);
        assertEquals(batch4[3073 * 4 + 1 + 1024 + 33] & 0xFF, data.xTrain().get(11, 33 * 3 + 1), 0.0);
    }

    @Test
    void officialFolderIsPreferredOverTheSubset() throws IOException {
        CifarFixtures.writeFolder(root.resolve("cifar-10-subset"), CifarFixtures.batchFiles(2));
        assertEquals(root.resolve("cifar-10-subset"), Cifar10.locate(root).orElseThrow());
        CifarFixtures.writeFolder(root.resolve("cifar-10-batches-bin"), CifarFixtures.batchFiles(1));
        assertEquals(root.resolve("cifar-10-batches-bin"), Cifar10.locate(root).orElseThrow());
        assertEquals(5, Cifar10.loadCifar10(root).xTrain().numRows);
    }

    @Test
    void truncatedRecordNamesFileAndOffset() throws IOException {
        Map<String, byte[]> files = CifarFixtures.batchFiles(2);
        files.put("data_batch_3.bin", Arrays.copyOf(CifarFixtures.records(3, 4), 2 * 3073 + 1200));
        CifarFixtures.writeFolder(root.resolve("cifar-10-subset"), files);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cifar10.loadCifar10(root));
        assertTrue(e.getMessage().startsWith("data_batch_3.bin: truncated record at byte offset 6146: 1200 of 3073 bytes"),
                e.getMessage());
    }

    @Test
    void labelAboveNineNamesFileAndOffset() throws IOException {
        Map<String, byte[]> files = CifarFixtures.batchFiles(3);
        files.get("test_batch.bin")[3073] = 12;
        CifarFixtures.writeFolder(root.resolve("cifar-10-subset"), files);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cifar10.loadCifar10(root));
        assertTrue(e.getMessage().startsWith("test_batch.bin: label 12 at byte offset 3073 (record 1)"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        CifarFixtures.writeFolder(root.resolve("cifar-10-subset"), CifarFixtures.batchFiles(1));
        Files.delete(root.resolve("cifar-10-subset/data_batch_4.bin"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Cifar10.loadCifar10(root));
        assertTrue(e.getMessage().startsWith("data_batch_4.bin is missing"), e.getMessage());
        assertTrue(e.getMessage().contains(root.resolve("cifar-10-subset/data_batch_4.bin").toString()), e.getMessage());
    }

    @Test
    void locateFindsNothingInAnEmptyRoot() {
        assertTrue(Cifar10.locate(root).isEmpty());
    }
}

package nndl.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiled full-size data of {@code bench --full}: whole records repeated in order, labelled, MNIST copied. */
class FullNotebooksTest {
    @TempDir
    Path dir;

    private static byte[] records(int count) {
        byte[] out = new byte[count * FullNotebooks.RECORD_BYTES];
        for (int r = 0; r < count; r++) {
            Arrays.fill(out, r * FullNotebooks.RECORD_BYTES, (r + 1) * FullNotebooks.RECORD_BYTES, (byte) r);
        }
        return out;
    }

    @Test
    void eachBatchIsItsRecordsRepeatedToTenThousand() throws IOException {
        Path subset = Files.createDirectories(dir.resolve("cifar-10-subset"));
        for (String name : new String[] {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin"}) {
            Files.write(subset.resolve(name), records(3));
        }
        Path mnist = Files.createDirectories(dir.resolve("mnist-subset"));
        Files.writeString(mnist.resolve("train-labels-idx1-ubyte.gz"), "x");
        Path root = FullNotebooks.tile(subset, mnist, dir.resolve("full"));
        byte[] tiled = Files.readAllBytes(root.resolve("cifar-10-batches-bin/data_batch_3.bin"));
        assertEquals(FullNotebooks.RECORDS_PER_BATCH * FullNotebooks.RECORD_BYTES, tiled.length);
        int last = FullNotebooks.RECORDS_PER_BATCH - 1;
        assertEquals((byte) (last % 3), tiled[last * FullNotebooks.RECORD_BYTES]);
        assertArrayEquals(records(3), Arrays.copyOf(tiled, 3 * FullNotebooks.RECORD_BYTES));
        assertTrue(Files.readString(root.resolve("cifar-10-batches-bin/TILED.txt")).startsWith("NOT the official CIFAR-10"));
        assertTrue(Files.isRegularFile(root.resolve("mnist-subset/train-labels-idx1-ubyte.gz")));
    }

    @Test
    void aFileWithoutAWholeRecordIsRefused() throws IOException {
        Path source = Files.write(dir.resolve("short.bin"), new byte[100]);
        var e = assertThrows(IOException.class, () -> FullNotebooks.tileFile(source, dir.resolve("out.bin")));
        assertTrue(e.getMessage().contains("no whole CIFAR-10 record"), e.getMessage());
    }
}

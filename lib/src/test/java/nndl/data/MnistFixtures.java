package nndl.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Small IDX files written by tests. */
final class MnistFixtures {
    private MnistFixtures() {
    }

    /** An IDX image file: magic, count, rows, cols, then count·rows·cols random bytes. */
    static byte[] images(int magic, int count, int rows, int cols, long seed) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        byte[] pixels = new byte[count * rows * cols];
        new Random(seed).nextBytes(pixels);
        b.put(pixels);
        return b.array();
    }

    /** An IDX label file with labels i % 10. */
    static byte[] labels(int magic, int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(magic).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** A valid four-file MNIST-like folder: {@code train} and {@code test} images of 4×3 pixels. */
    static void writeFolder(Path folder, int train, int test, boolean gzipped) throws IOException {
        Files.createDirectories(folder);
        write(folder, "train-images-idx3-ubyte", images(2051, train, 4, 3, 1), gzipped);
        write(folder, "train-labels-idx1-ubyte", labels(2049, train), gzipped);
        write(folder, "t10k-images-idx3-ubyte", images(2051, test, 4, 3, 2), gzipped);
        write(folder, "t10k-labels-idx1-ubyte", labels(2049, test), gzipped);
    }

    static void write(Path folder, String name, byte[] bytes, boolean gzipped) throws IOException {
        if (gzipped) {
            Files.write(folder.resolve(name + ".gz"), gzip(bytes));
        } else {
            Files.write(folder.resolve(name), bytes);
        }
    }
}

package nndl.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (MNIST, Fashion-MNIST), gzipped or not: big-endian headers, magic 2051 for unsigned
 * byte images (count, rows, cols) and 2049 for unsigned byte labels (count). Errors name the file and
 * the byte offset, counted in the unpacked data.
 */
final class Idx {
    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;

    private Idx() {
    }

    /** The images of an IDX image file as an N×(rows·cols) matrix's backing data, values 0..255. */
    record Images(double[] pixels, int count, int rows, int cols) {
    }

    /** Reads an image file. */
    static Images readImages(Path path) {
        byte[] bytes = readMaybeGzipped(path);
        Images header = checkImages(bytes, describe(path));
        double[] pixels = new double[header.count() * header.rows() * header.cols()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = bytes[16 + i] & 0xFF;
        }
        return new Images(pixels, header.count(), header.rows(), header.cols());
    }

    /** Checks an image file's header, magic number and length without converting its pixels (pixels is null). */
    static Images checkImages(Path path) {
        return checkImages(readMaybeGzipped(path), describe(path));
    }

    private static Images checkImages(byte[] bytes, String name) {
        requireHeader(bytes, 16, name);
        requireMagic(bytes, IMAGES_MAGIC, "an image file", name);
        int count = intAt(bytes, 4);
        int rows = intAt(bytes, 8);
        int cols = intAt(bytes, 12);
        if (count < 0 || rows <= 0 || cols <= 0 || (long) rows * cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": bad header at byte offset 4: " + count + " images of "
                    + rows + "×" + cols);
        }
        checkLength(bytes, 16, count, rows * cols, "image", name);
        return new Images(null, count, rows, cols);
    }

    /** Reads a label file; every label must be a class 0..9. */
    static int[] readLabels(Path path) {
        byte[] bytes = readMaybeGzipped(path);
        String name = describe(path);
        requireHeader(bytes, 8, name);
        requireMagic(bytes, LABELS_MAGIC, "a label file", name);
        int count = intAt(bytes, 4);
        if (count < 0) {
            throw new IllegalArgumentException(name + ": bad header at byte offset 4: " + count + " labels");
        }
        checkLength(bytes, 8, count, 1, "label", name);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[8 + i] & 0xFF;
            if (labels[i] > 9) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " at byte offset " + (8 + i)
                        + " (label " + i + ") is not a class 0..9");
            }
        }
        return labels;
    }

    private static void checkLength(byte[] bytes, int header, int count, int size, String what, String name) {
        long expected = header + (long) count * size;
        if (bytes.length < expected) {
            long index = (bytes.length - header) / size;
            long offset = header + index * size;
            throw new IllegalArgumentException(name + ": truncated " + what + " at byte offset " + offset + ": "
                    + what + " " + index + " of " + count + " has " + (bytes.length - offset) + " of " + size + " bytes");
        }
        if (bytes.length > expected) {
            throw new IllegalArgumentException(name + ": " + (bytes.length - expected) + " unexpected bytes at byte"
                    + " offset " + expected + " after the last of " + count + " " + what + "s the header announces");
        }
    }

    private static void requireHeader(byte[] bytes, int length, String name) {
        if (bytes.length < length) {
            throw new IllegalArgumentException(name + ": truncated header at byte offset " + bytes.length + ": "
                    + bytes.length + " of " + length + " bytes");
        }
    }

    private static void requireMagic(byte[] bytes, int magic, String kind, String name) {
        int actual = intAt(bytes, 0);
        if (actual != magic) {
            throw new IllegalArgumentException(name + ": wrong magic number " + actual + " at byte offset 0 ("
                    + kind + " has " + magic + ")");
        }
    }

    private static int intAt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16
                | (bytes[offset + 2] & 0xFF) << 8 | (bytes[offset + 3] & 0xFF);
    }

    private static String describe(Path path) {
        return path.getFileName() + (path.getFileName().toString().endsWith(".gz") ? " (unpacked)" : "");
    }

    private static byte[] readMaybeGzipped(Path path) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(path.getFileName() + " is missing: expected " + path, e);
        } catch (IOException e) {
            throw new UncheckedIOException(ReadErrors.cannotRead(path, e), e);
        }
        if (raw.length < 2 || (raw[0] & 0xFF) != 0x1f || (raw[1] & 0xFF) != 0x8b) {
            return raw;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException(path.getFileName() + ": not a readable gzip file (" + e.getMessage()
                    + "); delete it and fetch it again (" + path + ")", e);
        }
    }
}

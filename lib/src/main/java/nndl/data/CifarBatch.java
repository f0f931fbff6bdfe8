package nndl.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The records of one or more CIFAR-10 binary files held as their raw bytes, validated once, from which
 * rows are copied out in either {@link PixelOrder}.
 */
final class CifarBatch {
    static final int PIXELS = 1024;
    static final int IMAGE_BYTES = 3 * PIXELS;
    static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    private final byte[][] files;
    private final int[] firstRecord;
    private final int count;

    private CifarBatch(byte[][] files) {
        this.files = files;
        this.firstRecord = new int[files.length + 1];
        for (int i = 0; i < files.length; i++) {
            firstRecord[i + 1] = firstRecord[i] + files[i].length / RECORD_BYTES;
        }
        this.count = firstRecord[files.length];
    }

    /** Reads and validates {@code paths} in order, as one sequence of records. */
    static CifarBatch read(List<Path> paths) {
        byte[][] files = new byte[paths.size()][];
        for (int i = 0; i < files.length; i++) {
            files[i] = readFile(paths.get(i));
        }
        return new CifarBatch(files);
    }

    /**
     * The whole file, checked: it is not empty, its length is a whole number of 3,073-byte records and
     * every label byte is a class 0..9; errors name the file and the byte offset.
     */
    static byte[] readFile(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(path.getFileName() + " is missing: expected " + path
                    + " (a CIFAR-10 folder holds data_batch_1.bin … data_batch_5.bin and test_batch.bin)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(ReadErrors.cannotRead(path, e), e);
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException(path.getFileName() + ": empty file (0 bytes at byte offset 0), expected"
                    + " records of " + RECORD_BYTES + " bytes; copy it again (" + path + ")");
        }
        int whole = bytes.length / RECORD_BYTES;
        int rest = bytes.length % RECORD_BYTES;
        if (rest != 0) {
            throw new IllegalArgumentException(path.getFileName() + ": truncated record at byte offset "
                    + (long) whole * RECORD_BYTES + ": " + rest + " of " + RECORD_BYTES + " bytes (" + path + ")");
        }
        for (int r = 0; r < whole; r++) {
            int label = bytes[r * RECORD_BYTES] & 0xFF;
            if (label > 9) {
                throw new IllegalArgumentException(path.getFileName() + ": label " + label + " at byte offset "
                        + (long) r * RECORD_BYTES + " (record " + r + ") is not a class 0..9 (" + path + ")");
            }
        }
        return bytes;
    }

    /** How many records there are in all. */
    int count() {
        return count;
    }

    /** Records [from, from + n) as an n×3072 matrix's backing array, values 0..255, in {@code order}. */
    double[] pixels(int from, int n, PixelOrder order) {
        double[] out = new double[n * IMAGE_BYTES];
        for (int i = 0; i < n; i++) {
            copyRow(from + i, out, i * IMAGE_BYTES, order);
        }
        return out;
    }

    /** Labels of records [from, from + n). */
    int[] labels(int from, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int file = fileOf(from + i);
            out[i] = files[file][(from + i - firstRecord[file]) * RECORD_BYTES] & 0xFF;
        }
        return out;
    }

    private void copyRow(int record, double[] out, int offset, PixelOrder order) {
        int file = fileOf(record);
        byte[] bytes = files[file];
        int base = (record - firstRecord[file]) * RECORD_BYTES + 1;
        if (order == PixelOrder.CHW) {
            for (int k = 0; k < IMAGE_BYTES; k++) {
                out[offset + k] = bytes[base + k] & 0xFF;
            }
            return;
        }
        for (int channel = 0; channel < 3; channel++) {
            int src = base + channel * PIXELS;
            for (int p = 0; p < PIXELS; p++) {
                out[offset + p * 3 + channel] = bytes[src + p] & 0xFF;
            }
        }
    }

    private int fileOf(int record) {
        int file = 0;
        while (record >= firstRecord[file + 1]) {
            file++;
        }
        return file;
    }
}

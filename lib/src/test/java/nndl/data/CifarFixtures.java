package nndl.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Small CIFAR-10 folders and archives in the official layout, written by tests. */
final class CifarFixtures {
    private CifarFixtures() {
    }

    /** {@code records} random records (labels 0..9) as one file's bytes. */
    static byte[] records(int records, long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[records * 3073];
        random.nextBytes(bytes);
        for (int r = 0; r < records; r++) {
            bytes[r * 3073] = (byte) random.nextInt(10);
        }
        return bytes;
    }

    /** The six official file names → contents with {@code perFile} records each. */
    static Map<String, byte[]> batchFiles(int perFile) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long seed = 1;
        for (String name : Cifar10.TRAIN_FILES) {
            files.put(name, records(perFile, seed++));
        }
        files.put(Cifar10.TEST_FILE, records(perFile, seed));
        return files;
    }

    /** Writes {@code files} into {@code folder} (created). */
    static void writeFolder(Path folder, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
    }

    /** A gzipped ustar archive holding {@code prefix/} and {@code prefix/name} for every file. */
    static byte[] tarGz(String prefix, Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(header(prefix + "/", 0, '5'));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                gz.write(header(prefix + "/" + file.getKey(), file.getValue().length, '0'));
                gz.write(file.getValue());
                gz.write(new byte[(512 - file.getValue().length % 512) % 512]);
            }
            gz.write(new byte[1024]);
        }
        return out.toByteArray();
    }

    private static byte[] header(String name, long size, char type) {
        return header(name, "", size, type, true);
    }

    /** A tar header block; {@code posix} writes "ustar\0" "00", otherwise the old GNU magic "ustar  \0". */
    static byte[] header(String name, String prefix, long size, char type, boolean posix) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 345, prefix);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 257, posix ? "ustar" : "ustar  ");
        if (posix) {
            put(h, 263, "00");
        }
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    private static void put(byte[] h, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, h, offset, bytes.length);
    }
}

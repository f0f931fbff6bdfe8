package nndl.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a CIFAR-10 folder holds the official binary batches, decided by checksums, never by
 * record counts: when {@link Cifar10#download} has checked the official archive's MD5 and unpacked
 * it, it writes the SHA-256 of every batch file to {@value #MANIFEST} in the folder; a folder is
 * official when that manifest is there and every batch file still has its recorded hash. A folder
 * unpacked by hand has no manifest and counts as not official (its grades say "not graded on this
 * data"); repeated or edited records change the hashes. docs/editions.md says what this does and
 * does not protect.
 */
public final class OfficialCifar10 {
    /** The manifest's file name inside {@code cifar-10-batches-bin/}. */
    public static final String MANIFEST = "OFFICIAL.sha256";

    private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

    private OfficialCifar10() {
    }

    /** The batch files the manifest covers: data_batch_1..5.bin and test_batch.bin. */
    static List<String> batchFiles() {
        List<String> names = new ArrayList<>(Cifar10.TRAIN_FILES);
        names.add(Cifar10.TEST_FILE);
        return names;
    }

    /**
     * Writes the manifest of {@code folder}: one {@code <sha256>  <file>} line per batch file. Called
     * only right after the official archive's MD5 was checked and the folder unpacked from it.
     *
     * @param folder the freshly unpacked {@code cifar-10-batches-bin/} (gains the manifest file)
     */
    static void record(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : batchFiles()) {
            text.append(sha256(folder.resolve(name))).append("  ").append(name).append('\n');
        }
        Files.writeString(folder.resolve(MANIFEST), text.toString(), StandardCharsets.US_ASCII);
    }

    /**
     * Returns whether {@code folder} holds the official batches: its manifest lists every batch file
     * and each file's SHA-256 matches. The answer is kept per folder, file sizes and modification times.
     *
     * @param folder a CIFAR-10 folder, or null (not official)
     */
    public static boolean verified(Path folder) {
        if (folder == null || !Files.isRegularFile(folder.resolve(MANIFEST))) {
            return false;
        }
        try {
            return VERIFIED.computeIfAbsent(stamp(folder), key -> matches(folder));
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static boolean matches(Path folder) {
        try {
            Map<String, String> expected = new LinkedHashMap<>();
            for (String line : Files.readAllLines(folder.resolve(MANIFEST), StandardCharsets.US_ASCII)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2) {
                    expected.put(parts[1], parts[0]);
                }
            }
            if (!expected.keySet().equals(new HashSet<>(batchFiles()))) {
                return false;
            }
            for (String name : batchFiles()) {
                if (!sha256(folder.resolve(name)).equalsIgnoreCase(expected.get(name))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String stamp(Path folder) {
        StringBuilder key = new StringBuilder(folder.toAbsolutePath().normalize().toString());
        try {
            for (String name : batchFiles()) {
                Path file = folder.resolve(name);
                key.append('|').append(Files.size(file)).append('@').append(Files.getLastModifiedTime(file).toMillis());
            }
            key.append('|').append(Files.getLastModifiedTime(folder.resolve(MANIFEST)).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key.toString();
    }

    /** The SHA-256 of a file's content as 64 lower-case hex digits. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

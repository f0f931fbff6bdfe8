package nndl.grader;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Logs written by hand-in processes, read and kept capped (spec §10.6): head and tail with a count of what was cut. */
final class Logs {
    /** The most bytes kept of one log: half from its head, half from its tail. */
    static final long KEEP = 256 * 1024;

    private Logs() {
    }

    /** The first {@code max} lines of the log's head (at most {@link #KEEP} bytes read). */
    static List<String> head(Path log, int max) throws IOException {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        byte[] bytes;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            bytes = new byte[(int) Math.min(f.length(), KEEP)];
            f.readFully(bytes);
        }
        List<String> lines = new ArrayList<>();
        new String(bytes, StandardCharsets.UTF_8).lines().limit(max).forEach(lines::add);
        return lines;
    }

    /** Cuts the log to its head and tail ({@link #KEEP} bytes in all), with a line saying how many bytes were cut. */
    static void cap(Path log) throws IOException {
        if (!Files.isRegularFile(log) || Files.size(log) <= KEEP) {
            return;
        }
        long size = Files.size(log);
        byte[] head = new byte[(int) (KEEP / 2)];
        byte[] tail = new byte[(int) (KEEP / 2)];
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            f.readFully(head);
            f.seek(size - tail.length);
            f.readFully(tail);
        }
        byte[] note = ("\n[… " + (size - KEEP) + " bytes cut by the grader …]\n").getBytes(StandardCharsets.UTF_8);
        Path tmp = log.resolveSibling(log.getFileName() + ".capped");
        try (var out = Files.newOutputStream(tmp)) {
            out.write(head);
            out.write(note);
            out.write(tail);
        }
        Files.move(tmp, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

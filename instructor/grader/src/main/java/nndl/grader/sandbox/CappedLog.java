package nndl.grader.sandbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a stream into a file keeping only its first {@code headBytes} and last {@code tailBytes}
 * (spec §10.6), with one line in between counting what was cut, so an output flood costs the grader
 * a bounded file however long the sandbox writes.
 */
final class CappedLog {
    private final int headBytes;
    private final byte[] tail;
    private long total;
    private long tailEnd;

    CappedLog(int headBytes, int tailBytes) {
        this.headBytes = headBytes;
        this.tail = new byte[tailBytes];
    }

    /**
     * Reads {@code in} to its end, writing the head to {@code file} as it arrives and the cut line and
     * tail at the end. Returns the total number of bytes read.
     */
    long copy(InputStream in, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            return copy(in, out);
        }
    }

    /** As {@link #copy(InputStream, Path)}, into {@code out} (not closed). */
    long copy(InputStream in, OutputStream out) throws IOException {
        {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                int intoHead = (int) Math.max(0, Math.min(n, headBytes - total));
                if (intoHead > 0) {
                    out.write(buffer, 0, intoHead);
                    out.flush();
                }
                for (int i = intoHead; i < n; i++) {
                    tail[(int) (tailEnd++ % tail.length)] = buffer[i];
                }
                total += n;
            }
            long afterHead = total - Math.min(total, headBytes);
            int kept = (int) Math.min(afterHead, tail.length);
            long cut = afterHead - kept;
            if (cut > 0) {
                out.write(("\n[... " + cut + " bytes of output cut (" + total + " in all) ...]\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            long start = tailEnd - kept;
            for (int i = 0; i < kept; i++) out.write(tail[(int) ((start + i) % tail.length)]);
        }
        return total;
    }
}

package nndl.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Downloads one file to a temporary name beside its target, checks its MD5 and only then renames it
 * into place atomically, so a half-written or corrupt file never carries the target's name.
 */
final class Downloads {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 24;

    private Downloads() {
    }

    /**
     * Fetches {@code url} into {@code target} (created or replaced only if the whole body arrived and
     * its MD5 is {@code md5}); progress goes to {@code progress}.
     */
    static void fetch(URI url, Path target, String md5, PrintStream progress) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, target.getFileName() + ".", ".part");
        try {
            String actual = transfer(url, part, target.getFileName().toString(), progress);
            if (!actual.equalsIgnoreCase(md5)) {
                throw new IOException(target.getFileName() + " downloaded from " + url + " has MD5 " + actual
                        + " but " + md5 + " was expected; the download was discarded");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The MD5 of a file's content as 32 lower-case hex digits. */
    static String md5(Path file) throws IOException {
        MessageDigest digest = newMd5();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String transfer(URI url, Path part, String name, PrintStream progress) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + url + " was interrupted", e);
        } catch (IOException e) {
            throw new IOException("cannot download " + url + " (" + e + ")", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("cannot download " + url + ": the server answered HTTP " + response.statusCode());
            }
            long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
            return copy(body, part, url, name, expected, progress);
        }
    }

    private static String copy(InputStream body, Path part, URI url, String name, long expected,
                               PrintStream progress) throws IOException {
        MessageDigest digest = newMd5();
        Progress bar = new Progress(name, expected, progress);
        long received = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(part)) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                received += n;
                bar.update(received, false);
                if (Thread.currentThread().isInterrupted()) {
                    throw new IOException("download of " + url + " was interrupted after " + received + " bytes");
                }
            }
        } catch (IOException e) {
            bar.finish(received);
            throw new IOException("download of " + url + " broke off after " + received + " bytes"
                    + (expected >= 0 ? " of " + expected : "") + " (" + e.getMessage() + "); the partial file was"
                    + " discarded, try again", e);
        }
        bar.finish(received);
        if (expected >= 0 && received != expected) {
            throw new IOException("download of " + url + " ended after " + received + " of " + expected
                    + " bytes; the partial file was discarded, try again");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5 digest", e);
        }
    }

    /** A one-line progress bar: name, percent, bar, MB done / total, rate; redrawn at most 4 times a second. */
    private static final class Progress {
        private final String name;
        private final long total;
        private final PrintStream out;
        private final long start = System.nanoTime();
        private long lastDraw = Long.MIN_VALUE;

        Progress(String name, long total, PrintStream out) {
            this.name = name;
            this.total = total;
            this.out = out;
        }

        void update(long done, boolean force) {
            long now = System.nanoTime();
            if (!force && lastDraw != Long.MIN_VALUE && now - lastDraw < PROGRESS_INTERVAL_NANOS) {
                return;
            }
            lastDraw = now;
            double seconds = Math.max((now - start) / 1e9, 1e-3);
            double mb = done / 1e6;
            String rate = String.format(Locale.ROOT, "%.1f MB/s", mb / seconds);
            if (total > 0) {
                int percent = (int) Math.min(100, done * 100 / total);
                int filled = percent * BAR_WIDTH / 100;
                out.printf(Locale.ROOT, "\r%s %3d%% [%s%s] %.1f / %.1f MB  %s ", name, percent, "#".repeat(filled),
                        "-".repeat(BAR_WIDTH - filled), mb, total / 1e6, rate);
            } else {
                out.printf(Locale.ROOT, "\r%s %.1f MB  %s ", name, mb, rate);
            }
            out.flush();
        }

        void finish(long done) {
            update(done, true);
            out.println();
        }
    }
}

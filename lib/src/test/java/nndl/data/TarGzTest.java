package nndl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar reader on hand-built archives: name prefixes, GNU long names, and entries that would escape. */
class TarGzTest {
    @TempDir
    Path tmp;

    @Test
    void posixPrefixAndGnuLongNamesAreHonoured() throws IOException {
        byte[] a = "first".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "second".getBytes(StandardCharsets.US_ASCII);
        String longName = "deep/" + "x".repeat(120) + ".bin\0";
        byte[] longBytes = longName.getBytes(StandardCharsets.US_ASCII);
        Path archive = write(
                CifarFixtures.header("a.bin", "folder/sub", a.length, '0', true), pad(a),
                CifarFixtures.header("././@LongLink", "", longBytes.length, 'L', false), pad(longBytes),
                CifarFixtures.header("truncated-name", "", b.length, '0', false), pad(b),
                // An old GNU header keeps times where POSIX has the prefix: they must not become part of the name.
                CifarFixtures.header("c.bin", "12345670123", a.length, '0', false), pad(a));
        Path out = Files.createDirectory(tmp.resolve("out"));
        TarGz.extract(archive, out);
        assertArrayEquals(a, Files.readAllBytes(out.resolve("folder/sub/a.bin")));
        assertArrayEquals(b, Files.readAllBytes(out.resolve("deep/" + "x".repeat(120) + ".bin")));
        assertArrayEquals(a, Files.readAllBytes(out.resolve("c.bin")));
        assertFalse(Files.exists(out.resolve("truncated-name")));
    }

    @Test
    void entriesOutsideTheDestinationAreRefused() throws IOException {
        byte[] a = "evil".getBytes(StandardCharsets.US_ASCII);
        Path archive = write(CifarFixtures.header("../escape.bin", "", a.length, '0', true), pad(a));
        Path out = Files.createDirectory(tmp.resolve("out"));
        IOException e = assertThrows(IOException.class, () -> TarGz.extract(archive, out));
        assertTrue(e.getMessage().contains("refusing tar entry '../escape.bin'"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("escape.bin")));
    }

    @Test
    void linksAreRefusedWithTheirOffset() throws IOException {
        Path archive = write(CifarFixtures.header("link", "", 0, '2', true));
        IOException e = assertThrows(IOException.class, () -> TarGz.extract(archive, tmp));
        assertTrue(e.getMessage().contains("entry 'link' at byte offset 0 of the unpacked tar has unsupported type '2'"),
                e.getMessage());
    }

    private Path write(byte[]... blocks) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (byte[] block : blocks) {
                gz.write(block);
            }
            gz.write(new byte[1024]);
        }
        Path archive = tmp.resolve("test.tar.gz");
        Files.write(archive, bytes.toByteArray());
        return archive;
    }

    private static byte[] pad(byte[] content) {
        byte[] out = new byte[(content.length + 511) / 512 * 512];
        System.arraycopy(content, 0, out, 0, content.length);
        return out;
    }
}

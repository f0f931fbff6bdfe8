package nndl.submit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Writes zip files with the JDK's zip file system, keeping the Unix permissions (so
 * {@code ./workbook} stays executable after {@code unzip}). Entries are written in the map's order.
 */
public final class ZipArchive {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> EXEC = PosixFilePermissions.fromString("rwxr-xr-x");

    private ZipArchive() {
    }

    /**
     * Writes {@code zip} (replacing it) with one entry per map entry.
     *
     * @param zip     the file to write; its folder must exist
     * @param entries entry name (with {@code /}) → content (not modified)
     * @param exec    the entry names to mark executable
     */
    public static void write(Path zip, Map<String, byte[]> entries, Set<String> exec) throws IOException {
        Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        URI uri = URI.create("jar:" + partial.toAbsolutePath().toUri());
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                Path target = fs.getPath(entry.getKey());
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                Files.write(target, entry.getValue());
                Files.setPosixFilePermissions(target, exec.contains(entry.getKey()) ? EXEC : FILE);
            }
        }
        Files.move(partial, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}

package nndl.data;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts a downloaded dataset folder into place all at once: everything is written under a temporary
 * folder beside the target and renamed atomically, so the target either is complete or does not exist.
 */
final class Archives {
    private Archives() {
    }

    /**
     * Unpacks {@code archive} (a verified .tar.gz) and moves its folder {@code folderName} to
     * {@code root/folderName}, after checking that it holds every one of {@code required}.
     */
    static void unpackInto(Path archive, Path root, String folderName, List<String> required) throws IOException {
        Path staging = Files.createTempDirectory(root, "." + folderName + ".unpack-");
        try {
            try {
                TarGz.extract(archive, staging);
            } catch (IOException e) {
                throw new IOException(archive + " could not be unpacked (" + e.getMessage() + "): delete " + archive
                        + " and run again", e);
            }
            Path unpacked = staging.resolve(folderName);
            for (String name : required) {
                if (!Files.isRegularFile(unpacked.resolve(name))) {
                    throw new IOException(archive + " has no " + folderName + "/" + name + ": it is not the expected"
                            + " archive; delete " + archive + " and run again");
                }
            }
            moveIntoPlace(unpacked, root.resolve(folderName));
        } finally {
            deleteTree(staging);
        }
    }

    /** Renames the complete folder {@code staged} to {@code target} in one step. */
    static void moveIntoPlace(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(target + " appeared while downloading (another process?); it was left as it is", e);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + staged + " to " + target + " atomically: " + e.getMessage(), e);
        }
    }

    /** Deletes {@code dir} and everything under it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

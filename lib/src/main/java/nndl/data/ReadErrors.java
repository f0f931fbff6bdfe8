package nndl.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a data file could not be read, in words: the JDK's exceptions often carry only the path. */
final class ReadErrors {
    private ReadErrors() {
    }

    /**
     * The reason {@code e} gives for {@code path}: "permission denied", "it is a directory", the file
     * system's own reason, else the exception's class and message.
     */
    static String reason(Path path, IOException e) {
        if (Files.isDirectory(path)) {
            return "it is a directory, not a file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = e.getMessage();
        boolean onlyPath = message == null || message.equals(path.toString());
        return e.getClass().getSimpleName() + (onlyPath ? "" : ": " + message);
    }

    /** "cannot read data_batch_3.bin: permission denied (/data/cifar-10-subset/data_batch_3.bin)". */
    static String cannotRead(Path path, IOException e) {
        return "cannot read " + path.getFileName() + ": " + reason(path, e) + " (" + path + ")";
    }
}

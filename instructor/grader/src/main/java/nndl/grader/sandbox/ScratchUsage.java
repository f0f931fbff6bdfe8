package nndl.grader.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * The scratch folder's disk use, measured by walking it (symbolic links not followed). Every file
 * and folder is charged at least one 4 KB block, so a flood of empty files counts like a flood of
 * bytes; a file's size is its apparent size, so a sparse file counts in full.
 *
 * @param bytes     charged bytes of the whole folder
 * @param filesAtCap files (relative paths) at least as large as the file-size cap
 */
record ScratchUsage(long bytes, Set<Path> filesAtCap) {
    private static final long BLOCK = 4096;

    /** Measures {@code scratch}; files of {@code maxFileBytes} or more are listed. */
    static ScratchUsage measure(Path scratch, long maxFileBytes) {
        long[] bytes = {0};
        Set<Path> atCap = new HashSet<>();
        try {
            Files.walkFileTree(scratch, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    bytes[0] += BLOCK;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    long size = attrs.size();
                    bytes[0] += Math.max(BLOCK, (size + BLOCK - 1) / BLOCK * BLOCK);
                    if (attrs.isRegularFile() && size >= maxFileBytes) atCap.add(scratch.relativize(file));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // deleted while walking, or unreadable: the next walk sees it again
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // the walk visits what it can; a vanished scratch folder uses nothing
        }
        return new ScratchUsage(bytes[0], atCap);
    }
}

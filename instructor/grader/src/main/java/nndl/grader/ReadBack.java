package nndl.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies files out of a hand-in's scratch folder for the trusted grader to read (the report's
 * executed notebooks and sources). The hand-in's processes could write anything there: a link to
 * a file of this machine ({@code report.pdf → /root/.ssh/id_rsa}), a FIFO, a folder replaced by a
 * link. So only regular files are taken, no link is followed (in the file nor in any folder above it
 * up to the scratch folder), and each file is capped in size; everything else is skipped.
 */
final class ReadBack {
    private ReadBack() {
    }

    /**
     * Copies the regular files below {@code scratch/relative} whose names end with {@code suffix} into
     * {@code target} (same relative paths), at most {@code maxFiles} files of at most {@code maxBytes} each.
     *
     * @return how many files were copied
     */
    static int copy(Path scratch, String relative, String suffix, Path target, long maxBytes, int maxFiles) throws IOException {
        Files.createDirectories(target);
        Path from = scratch.resolve(relative);
        if (!realFolders(scratch, from)) {
            return 0;
        }
        List<Path> files;
        // Files.walk does not follow links: a link to a folder is listed as a link, not entered.
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().limit(maxFiles).toList();
        }
        int copied = 0;
        for (Path file : files) {
            if (!realFolders(scratch, file.getParent()) || Files.size(file) > maxBytes) {
                continue;
            }
            Path dest = target.resolve(from.relativize(file).toString());
            Files.createDirectories(dest.getParent());
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
                 OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW)) {
                byte[] bytes = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
                out.write(bytes);
            }
            copied++;
        }
        return copied;
    }

    /** True when {@code folder} and every folder between it and {@code scratch} is a real folder, not a link. */
    static boolean realFolders(Path scratch, Path folder) {
        Path root = scratch.toAbsolutePath().normalize();
        Path p = folder.toAbsolutePath().normalize();
        if (!p.startsWith(root)) {
            return false;
        }
        for (; p != null && p.startsWith(root); p = p.getParent()) {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }
}

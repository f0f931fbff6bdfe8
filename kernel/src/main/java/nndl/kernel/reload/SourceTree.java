package nndl.kernel.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The student-editable library sources, {@code <project>/lib/src/main/java/**.java}, and what each
 * holds now. A scan is cheap: a file is read and hashed again only when its modification time or
 * size changed since the last scan (an editor that saves the same text changes the time only, and
 * the unchanged hash then says there is nothing to reload).
 */
final class SourceTree {
    private record Seen(long modified, long size, String hash) {
    }

    private final Path project;
    private final Path sources;
    private final Map<Path, Seen> seen = new HashMap<>();

    /** The sources of the project at {@code project} (its {@code lib/src/main/java}). */
    SourceTree(Path project) {
        this.project = project.toAbsolutePath().normalize();
        this.sources = this.project.resolve("lib/src/main/java");
    }

    /** {@code <project>/lib/src/main/java}. */
    Path sourceRoot() {
        return sources;
    }

    /** The project root. */
    Path project() {
        return project;
    }

    /** True if the source folder exists. */
    boolean exists() {
        return Files.isDirectory(sources);
    }

    /**
     * Every {@code .java} file under the source root with the SHA-256 of its content, sorted by path.
     *
     * @throws UncheckedIOException if the tree cannot be read
     */
    Map<Path, String> scan() {
        Map<Path, String> now = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException vanished) {
                    continue; // deleted while walking (an editor's rename-over save): the next scan sees it
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                long modified = attributes.lastModifiedTime().toMillis();
                Seen before = seen.get(file);
                if (before == null || before.modified() != modified || before.size() != attributes.size()) {
                    before = new Seen(modified, attributes.size(), sha256(Files.readAllBytes(file)));
                    seen.put(file, before);
                }
                now.put(file, before.hash());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the library sources under " + sources + ": " + e.getMessage(), e);
        }
        seen.keySet().retainAll(now.keySet());
        return now;
    }

    /** The latest modification time (ms) among {@code files}, 0 for none. */
    static long newest(Set<Path> files) {
        long newest = 0;
        for (Path file : files) {
            try {
                newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
            } catch (IOException ignored) {
                // gone since the scan: the next scan drops it
            }
        }
        return newest;
    }

    /** The packages holding sources, as internal names ({@code nndl/layers}). */
    Set<String> packages(Set<Path> files) {
        return files.stream().map(f -> sources.relativize(f.getParent() == null ? sources : f.getParent()))
                .map(p -> p.toString().replace('\\', '/')).collect(Collectors.toUnmodifiableSet());
    }

    /** The file as messages name it, relative to the project: {@code lib/src/main/java/nndl/layers/Relu.java}. */
    String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(project) ? project.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

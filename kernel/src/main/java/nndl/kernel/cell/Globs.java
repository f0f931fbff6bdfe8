package nndl.kernel.cell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves classpath-style globs such as {@code ../lib/target/dependency/*.jar}: {@code *},
 * {@code ?}, {@code [..]} and {@code {a,b}} match within one path element, {@code **} across
 * directories. Relative patterns are taken from a base directory (the kernel's working directory);
 * a leading {@code ~/} is the user's home.
 */
public final class Globs {
    private Globs() {
    }

    /**
     * The existing files and directories matching {@code pattern}, absolute, normalized and sorted
     * (so the classpath order does not depend on the file system). Empty when nothing matches.
     *
     * @param base    directory that relative patterns start from
     * @param pattern a path, possibly with glob characters
     */
    public static List<Path> resolve(Path base, String pattern) {
        String expanded = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        Path path = base.resolve(expanded);
        int globAt = firstGlobElement(path);
        if (globAt < 0) {
            Path literal = path.toAbsolutePath().normalize();
            return Files.exists(literal) ? List.of(literal) : List.of();
        }
        Path root = path.getRoot() == null ? Path.of("") : path.getRoot();
        Path directory = globAt == 0 ? root : root.resolve(path.subpath(0, globAt));
        Path glob = path.subpath(globAt, path.getNameCount());
        return walk(directory.toAbsolutePath().normalize(), glob);
    }

    /** True when {@code text} holds a character that makes it a glob rather than a plain path. */
    public static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static List<Path> walk(Path directory, Path glob) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        String globText = glob.toString().replace('\\', '/');
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + globText);
        int depth = globText.contains("**") ? Integer.MAX_VALUE : glob.getNameCount();
        List<Path> matches = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(directory, depth)) {
            paths.filter(p -> !p.equals(directory))
                    .filter(p -> matcher.matches(directory.relativize(p)))
                    .map(Path::normalize)
                    .sorted()
                    .forEach(matches::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        return matches;
    }

    private static int firstGlobElement(Path path) {
        for (int i = 0; i < path.getNameCount(); i++) {
            if (isGlob(path.getName(i).toString())) {
                return i;
            }
        }
        return -1;
    }
}

package nndl.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One hand-in as read from its zip or folder: every regular file by its path inside it, with
 * {@code /} separators.
 *
 * @param name   a name for its outputs, from the zip's or folder's name
 * @param source the zip or folder it was read from
 * @param files  path inside the hand-in → content
 */
record Submission(String name, Path source, Map<String, byte[]> files) {
    private static final long MAX_BYTES = 200L << 20;

    /**
     * The submissions named by {@code paths}: a zip is one; a folder is one when it holds a
     * {@code manifest.json} or a {@code lib/} folder, else each zip and folder inside it is one.
     *
     * @throws IllegalArgumentException naming a path that does not exist or is neither
     */
    static List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path path : paths) {
            if (isZip(path) || isHandIn(path)) {
                out.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.filter(p -> isZip(p) || isHandIn(p)).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
                }
            } else {
                throw new IllegalArgumentException(path + " is neither a submission zip nor a folder");
            }
        }
        return out;
    }

    private static boolean isZip(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".zip");
    }

    private static boolean isHandIn(Path path) {
        return Files.isDirectory(path) && (Files.isRegularFile(path.resolve("manifest.json")) || Files.isDirectory(path.resolve("lib")));
    }

    /** Reads the submission at {@code path} (a zip or a folder), refusing more than 200 MB in all. */
    static Submission read(Path path) throws IOException {
        String file = path.getFileName().toString();
        String name = (file.endsWith(".zip") ? file.substring(0, file.length() - 4) : file).replaceAll("[^A-Za-z0-9._-]", "_");
        Map<String, byte[]> files = new TreeMap<>();
        long[] total = {0};
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                // Regular files only, links not followed: a link in a hand-in folder could name any file of this machine.
                for (Path p : walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                    files.put(path.relativize(p).toString().replace('\\', '/'), limited(Files.readAllBytes(p), total, path));
                }
            }
        } else {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        files.put(entry.getName().replace('\\', '/'), limited(readAll(zip), total, path));
                    }
                }
            }
        }
        return new Submission(name, path, files);
    }

    /**
     * The student id of the hand-in's manifest ({@code "student"} of a {@code manifest.json}), made
     * safe for a folder name; the file name when there is none.
     */
    String studentId() {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().equals("manifest.json") || f.getKey().endsWith("/manifest.json")) {
                try {
                    var json = com.google.gson.JsonParser.parseString(new String(f.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                    if (json.isJsonObject() && json.getAsJsonObject().get("student") instanceof com.google.gson.JsonPrimitive p
                            && p.isString() && !p.getAsString().isBlank()) {
                        String id = p.getAsString().strip().replaceAll("[^A-Za-z0-9._-]", "_");
                        id = id.startsWith(".") ? "_" + id : id;
                        return id.length() > 64 ? id.substring(0, 64) : id;
                    }
                } catch (RuntimeException e) {
                    return name;  // an unreadable manifest: the file name identifies the hand-in
                }
            }
        }
        return name;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
    }

    private static byte[] limited(byte[] bytes, long[] total, Path path) throws IOException {
        total[0] += bytes.length;
        if (total[0] > MAX_BYTES) {
            throw new IOException(path + " holds more than " + (MAX_BYTES >> 20) + " MB");
        }
        return bytes;
    }
}

package nndl.submit;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./workbook submit}: packs the hand-in, like cs231n's {@code collect_submission}: the
 * student-editable files named by {@code student-edition.json}, the executed notebooks of
 * {@code build/notebooks/}, {@code build/report/graded-report.pdf}, and {@value #MANIFEST} with the
 * student id and the SHA-256 of every other file, into {@code build/submission-<id>.zip}.
 */
public final class SubmitMain {
    /** The manifest's entry name in the zip. */
    public static final String MANIFEST = "manifest.json";
    /** A student id: letters, digits, dot, dash, underscore (it names the zip). */
    public static final Pattern STUDENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final String HELP = """
            Usage: SubmitMain --root TREE --student ID [--out ZIP]

            Writes the hand-in zip (default TREE/build/submission-ID.zip) holding the student-editable files
            listed in TREE/student-edition.json, TREE/build/notebooks/*.ipynb as notebooks/*.ipynb,
            TREE/build/report/graded-report.pdf and manifest.json (student id, time, and the path, size and
            SHA-256 of every other entry). Exit status: 0 written, 1 something to pack is missing, 2 bad usage.
            """;

    private SubmitMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path root = null;
        String student = null;
        Path zip = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                out.print(HELP);
                return 0;
            }
            if (!Set.of("--root", "--student", "--out").contains(option)) {
                return usage(err, "unknown option '" + option + "'");
            }
            if (i + 1 >= args.length) {
                return usage(err, option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--root" -> root = Path.of(value).toAbsolutePath().normalize();
                case "--student" -> student = value;
                default -> zip = Path.of(value).toAbsolutePath();
            }
        }
        if (root == null || student == null) {
            return usage(err, "--root and --student are required");
        }
        if (!STUDENT_ID.matcher(student).matches()) {
            return usage(err, "student id '" + student + "' must be letters, digits, '.', '-' or '_' (at most 64)");
        }
        try {
            Path written = submit(root, student, zip == null ? root.resolve("build/submission-" + student + ".zip") : zip, out);
            out.println(written);
            return 0;
        } catch (IllegalStateException e) {
            err.println("submit: error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("submit: error: " + e);
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("submit: error: " + problem + " (see --help)");
        return 2;
    }

    /**
     * Writes the hand-in of the student tree {@code root} to {@code zip}; returns {@code zip}.
     *
     * @throws IllegalStateException naming what is missing (run first, not a student edition)
     */
    public static Path submit(Path root, String student, Path zip, PrintStream out) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String file : editableFiles(root)) {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("the student-editable file " + file + " is missing");
            }
            entries.put(file, Files.readAllBytes(path));
        }
        Path notebooks = root.resolve("build/notebooks");
        List<Path> executed = new ArrayList<>();
        if (Files.isDirectory(notebooks)) {
            try (Stream<Path> list = Files.list(notebooks)) {
                list.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().forEach(executed::add);
            }
        }
        if (executed.isEmpty()) {
            throw new IllegalStateException("no executed notebooks in build/notebooks/: run ./workbook run first");
        }
        for (Path notebook : executed) {
            entries.put("notebooks/" + notebook.getFileName(), Files.readAllBytes(notebook));
        }
        Path pdf = root.resolve("build/report/graded-report.pdf");
        if (!Files.isRegularFile(pdf)) {
            throw new IllegalStateException("no build/report/graded-report.pdf: run ./workbook run (or ./workbook report) first");
        }
        entries.put("graded-report.pdf", Files.readAllBytes(pdf));
        entries.put(MANIFEST, manifest(student, entries));
        Files.createDirectories(zip.getParent());
        ZipArchive.write(zip, entries, Set.of());
        out.println("submit: " + (entries.size() - 1) + " files for student " + student + " ("
                + (entries.size() - executed.size() - 2) + " library files, " + executed.size() + " notebooks, the report, "
                + MANIFEST + "), " + Files.size(zip) / 1024 + " KiB");
        return zip;
    }

    /** Returns the student-editable files named by the tree's {@code student-edition.json}. */
    static List<String> editableFiles(Path root) throws IOException {
        Path manifest = root.resolve("student-edition.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalStateException(root + " is not a student edition (no student-edition.json): "
                    + "submit runs in the tree ./workbook release writes");
        }
        JsonObject json = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        List<String> files = new ArrayList<>();
        for (JsonElement file : json.getAsJsonArray("editable")) {
            String path = file.getAsString();
            if (path.startsWith("/") || path.contains("..")) {
                throw new IllegalStateException("student-edition.json names a path outside the tree: " + path);
            }
            files.add(path);
        }
        return files;
    }

    private static byte[] manifest(String student, Map<String, byte[]> entries) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("student", student);
        json.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        List<Map<String, Object>> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", entry.getKey());
            file.put("bytes", entry.getValue().length);
            file.put("sha256", sha256(entry.getValue()));
            files.add(file);
        }
        json.put("files", files);
        return (new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }
}

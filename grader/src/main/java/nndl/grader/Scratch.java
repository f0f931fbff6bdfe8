package nndl.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A submission's fresh copy of the instructor edition: the tracked files of the instructor's tree,
 * the submission's student-editable files laid over them (nothing else of the submission), the
 * library compiled from that, and the notebooks' classpath folder holding the compiled library
 * beside the instructor's other jars.
 *
 * @param dir       the scratch folder
 * @param overlaid  the student-editable files taken from the submission (paths in the tree)
 * @param ignored   the submission's other files, listed and not used
 */
record Scratch(Path dir, List<String> overlaid, List<String> ignored) {
    /** Where the notebooks find their jars, relative to the tree (notebooks/setup: docs/editions.md). */
    static final String CLASSPATH_DIR = "notebook/target/dependency";
    private static final String LIB_JAR = "nndl-lib-1.0-SNAPSHOT.jar";

    /**
     * Copies the instructor tree's tracked files into {@code dir} (emptied first) and overlays the
     * student-editable files found in {@code submission}.
     */
    static Scratch prepare(Path root, List<String> editable, Submission submission, Path dir) throws IOException {
        deleteTree(dir);
        for (String tracked : trackedFiles(root)) {
            Path target = dir.resolve(tracked);
            Files.createDirectories(target.getParent());
            Files.copy(root.resolve(tracked), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        List<String> overlaid = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : submission.files().entrySet()) {
            String match = editable.stream().filter(e -> file.getKey().equals(e) || file.getKey().endsWith("/" + e))
                    .findFirst().orElse(null);
            if (match != null) {
                Files.write(dir.resolve(match), file.getValue());
                overlaid.add(match);
            } else if (!expectedExtra(file.getKey())) {
                ignored.add(file.getKey());
            }
        }
        return new Scratch(dir, overlaid, ignored);
    }

    /** A hand-in's files that are expected and read elsewhere, not ignored: notebooks, the PDF, the manifest. */
    private static boolean expectedExtra(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".ipynb") || name.equals("graded-report.pdf") || name.equals("manifest.json");
    }

    private static List<String> trackedFiles(Path root) throws IOException {
        Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z").redirectErrorStream(false).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (git.waitFor() != 0) {
                throw new IOException("git ls-files failed in " + root + ": the grader copies the instructor edition's tracked files");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return Stream.of(out.split("\0")).filter(s -> !s.isEmpty()).filter(s -> Files.isRegularFile(root.resolve(s))).toList();
    }

    /**
     * Compiles the scratch tree's library against the instructor's jars and assembles the notebooks'
     * classpath folder: the instructor's jars with the library jar replaced by this one's.
     *
     * @return javac's errors as {@code path:line: message} lines (paths in the tree); empty when it compiled
     */
    List<String> build(Path root) throws IOException {
        Path instructorJars = root.resolve(CLASSPATH_DIR);
        List<Path> dependencies;
        try (Stream<Path> jars = Files.list(instructorJars)) {
            dependencies = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        Path sources = dir.resolve("lib/src/main/java");
        Path classes = dir.resolve("lib/target/classes");
        Files.createDirectories(classes);
        List<Path> javaFiles;
        try (Stream<Path> walk = Files.walk(sources)) {
            javaFiles = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("this Java has no compiler: the grader needs a JDK");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> classpath = dependencies.stream().filter(p -> !p.getFileName().toString().startsWith("nndl-")).map(Path::toString).toList();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-d", classes.toString(),
                    "-cp", String.join(java.io.File.pathSeparator, classpath));
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(javaFiles)).call();
            if (!ok) {
                return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> where(d) + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse("")).toList();
            }
        }
        Path target = dir.resolve(CLASSPATH_DIR);
        Files.createDirectories(target);
        for (Path jar : dependencies) {
            if (!jar.getFileName().toString().equals(LIB_JAR)) {
                Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        jar(classes, target.resolve(LIB_JAR));
        Files.createDirectories(dir.resolve("notebook/target"));
        Files.copy(root.resolve("notebook/target/nndl-notebook.jar"), dir.resolve("notebook/target/nndl-notebook.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        return List.of();
    }

    private String where(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null) {
            return "javac";
        }
        Path file = Path.of(d.getSource().toUri());
        return (file.startsWith(dir) ? dir.relativize(file) : file) + ":" + d.getLineNumber();
    }

    /** The classpath a JVM running this submission's library uses: every jar of the notebooks' folder. */
    String classpath() {
        return dir.resolve(CLASSPATH_DIR) + "/*";
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

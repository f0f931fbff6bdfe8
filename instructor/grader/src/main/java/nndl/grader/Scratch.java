package nndl.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nndl.grader.sandbox.SandboxResult;
import nndl.grader.sandbox.Sandboxed;
import nndl.release.StudentEdition;

/**
 * A hand-in's scratch folder (spec §10.1): a fresh copy of the student edition (released in memory
 * from this instructor edition, so every file the hand-in lacks keeps its stub), the hand-in's
 * student-editable files laid over it and nothing else of it, the library compiled from that in the
 * sandbox, and the notebooks' classpath folder holding that library beside the shared jars.
 *
 * @param dir       the scratch folder (the only folder the hand-in's processes may write)
 * @param overlaid  the student-editable files taken from the hand-in (paths in the tree)
 * @param ignored   the hand-in's other files, listed and not used
 */
record Scratch(Path dir, List<String> overlaid, List<String> ignored) {
    /** Where the notebooks find their jars, relative to the tree (notebooks/setup: docs/editions.md). */
    static final String CLASSPATH_DIR = "display/target/dependency";
    /** The compiled library of the hand-in, relative to the tree. */
    static final String CLASSES = "lib/target/classes";
    /** The source folders compiled into {@link #CLASSES}: the library, then the judge's worker and cases (the edition's, never the hand-in's). */
    static final List<String> COMPILED = List.of("lib/src/main/java", "judge/src/main/java");
    private static final String LIB_JAR = "nndl-lib-1.0-SNAPSHOT.jar";
    private static final Pattern JAVAC_ERROR = Pattern.compile("^(/\\S+\\.java):(\\d+): error: (.*)$");

    /** Writes the student edition into {@code dir} (emptied first) and overlays the hand-in's student-editable files. */
    static Scratch prepare(StudentEdition.Tree edition, Submission submission, Path dir) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> file : edition.files().entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
            if (edition.exec().contains(file.getKey())) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        List<String> overlaid = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : submission.files().entrySet()) {
            String match = edition.editable().stream().filter(e -> file.getKey().equals(e) || file.getKey().endsWith("/" + e))
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

    /**
     * The javac command that compiles the scratch library, with the judge's student-visible half (its
     * worker runs on that library), against the shared jars.
     */
    List<String> javacCommand(GradingContext context) throws IOException {
        List<String> javaFiles = new ArrayList<>();
        for (String sources : COMPILED) {
            try (Stream<Path> walk = Files.walk(dir.resolve(sources))) {
                javaFiles.addAll(walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList());
            }
        }
        Path list = dir.resolve("build/javac-sources.txt");
        Files.createDirectories(list.getParent());
        Files.write(list, javaFiles, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve(CLASSES));
        return List.of(context.jdk().resolve("bin/javac").toString(), "-J-Xmx512m", "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "--release", "17", "-proc:none", "-nowarn",
                "-encoding", "UTF-8", "-Xmaxerrs", "50", "-d", dir.resolve(CLASSES).toString(), "-cp", context.jarsClasspath(), "@" + list);
    }

    /**
     * Compiles the library in the sandbox; on success assembles the notebooks' classpath folder.
     *
     * @return javac's errors as {@code path:line: message} (paths in the tree), empty when it compiled;
     *         a single line naming the cause when the compiler itself was stopped (time, memory)
     */
    List<String> build(GradingContext context, Path log) throws IOException, InterruptedException {
        SandboxResult result;
        try (Sandboxed javac = context.sandbox().start(context.spec(javacCommand(context), this, log, context.buildLimits()))) {
            result = javac.waitFor();
        }
        if (result.status() != SandboxResult.Status.EXITED) {
            return List.of("the compiler was stopped: " + result.detail());
        }
        if (result.exitCode() != 0) {
            List<String> errors = new ArrayList<>();
            for (String line : Logs.head(log, 400)) {
                Matcher m = JAVAC_ERROR.matcher(line);
                if (m.matches()) {
                    Path file = Path.of(m.group(1));
                    errors.add((file.startsWith(dir) ? dir.relativize(file) : file.getFileName()) + ":" + m.group(2) + ": "
                            + nndl.judge.Reply.cap(m.group(3)));
                }
            }
            return errors.isEmpty() ? List.of("javac exited with status " + result.exitCode()) : errors;
        }
        Path target = dir.resolve(CLASSPATH_DIR);
        Files.createDirectories(target);
        jar(dir.resolve(CLASSES), target.resolve(LIB_JAR));
        return List.of();
    }

    /**
     * Writes the student edition's files that no student edits (the notebooks, their runner, the
     * kernel's files...) back over whatever the hand-in's earlier processes left at their paths, and
     * empties {@code build/notebooks}: the notebooks' run then starts from the edition, not from files the
     * judge's worker rewrote. Every hand-in process has ended (its sandbox is closed), so nothing races
     * this; a link or file in place of a folder is deleted (never followed) and a real folder made.
     */
    void restoreEdition(StudentEdition.Tree edition) throws IOException {
        deleteTree(realFolder(dir.resolve("build/notebooks")));
        for (Map.Entry<String, byte[]> file : edition.files().entrySet()) {
            if (edition.editable().contains(file.getKey())) {
                continue;
            }
            Path target = dir.resolve(file.getKey());
            realFolder(target.getParent());
            if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(target);
            }
            Files.deleteIfExists(target);
            Files.write(target, file.getValue(), java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (edition.exec().contains(file.getKey())) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** Makes {@code folder} and each folder between it and the scratch folder a real folder (a link or file there is deleted); returns it. */
    private Path realFolder(Path folder) throws IOException {
        Path relative = dir.relativize(folder);
        Path p = dir;
        for (Path name : relative) {
            p = p.resolve(name.toString());
            if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(p);
                Files.createDirectory(p);
            }
        }
        return folder;
    }

    /** Copies the jars the notebooks need (the shared ones and the display module's) beside the compiled library. */
    void assembleNotebookClasspath(GradingContext context) throws IOException {
        Path target = dir.resolve(CLASSPATH_DIR);
        Files.createDirectories(target);
        try (Stream<Path> jars = Files.list(context.jars())) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(dir.resolve("display/target"));
        Files.copy(context.displayJar(), dir.resolve("display/target/nndl-display.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The classpath of the judge's worker: the compiled library and the shared jars. */
    String workerClasspath(GradingContext context) {
        return dir.resolve(CLASSES) + java.io.File.pathSeparator + context.jarsClasspath();
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
                Files.deleteIfExists(p);
            }
        }
    }
}

package nndl.release;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nndl.submit.ZipArchive;

/**
 * Command line of the instructor's edition tools ({@code ./workbook release} and the release stage of
 * {@code ./workbook test}). Run with {@code --help} for the commands.
 */
public final class ReleaseMain {
    /** The folder name of the student tree inside the release folder, and of its zip. */
    public static final String TREE = "nndl-workbook-student";

    private static final String HELP = """
            Usage: ReleaseMain COMMAND --root INSTRUCTOR_TREE [options]

            Commands:
              release [--force] [DIR]    write the student edition into DIR (default ROOT/build/release):
                                         DIR/%1$s/ and DIR/%1$s.zip; refuses a non-empty DIR
                                         unless --force (which empties it first)
              check-leaks TREE [ZIP]     search TREE (and ZIP) for every distinctive model-answer line of
                                         ROOT's blocks and for build output, class files, jars, .git;
                                         exit 1 naming each find
              check-student TREE         prove TREE reads as a student's: every stub between its markers with
                                         its instructions, the README listing every exercise in notebook
                                         order with its checks' points and no instructor text; exit 1
                                         naming each problem
              editable                   print ROOT's student-editable files (those holding a block)
              overlay TREE               copy ROOT's student-editable files (the model answers) onto TREE
            Exit status: 0 done, 1 a release error or a leak, 2 bad usage.
            """.formatted(TREE);

    /** The exercise table the release uses; tests of a fixture tree put their own. */
    static List<ExerciseTable.Exercise> exercises = ExerciseTable.ROWS;

    private ReleaseMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        Path root = null;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.print(HELP);
                    return 0;
                }
                case "--force" -> force = true;
                case "--root" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--root needs a folder");
                    }
                    root = Path.of(args[++i]).toAbsolutePath().normalize();
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        return usage(err, "unknown option '" + args[i] + "'");
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.isEmpty()) {
            return usage(err, "no command");
        }
        if (root == null) {
            root = Path.of("").toAbsolutePath();
        }
        String command = positional.remove(0);
        if (force && !command.equals("release")) {
            return usage(err, "--force is an option of release only");
        }
        try {
            return switch (command) {
                case "release" -> positional.size() > 1 ? usage(err, "release takes one folder, got " + positional)
                        : release(root, positional.isEmpty() ? root.resolve("build/release") : Path.of(positional.get(0)),
                        force, out);
                case "check-leaks" -> positional.isEmpty() || positional.size() > 2
                        ? usage(err, "check-leaks takes TREE [ZIP]")
                        : checkLeaks(root, Path.of(positional.get(0)), positional.size() == 2 ? Path.of(positional.get(1)) : null, out, err);
                case "check-student" -> positional.size() != 1 ? usage(err, "check-student takes TREE")
                        : checkStudent(Path.of(positional.get(0)), out, err);
                case "editable" -> {
                    if (!positional.isEmpty()) {
                        yield usage(err, "editable takes no arguments");
                    }
                    StudentEdition.editableFiles(root).forEach(out::println);
                    yield 0;
                }
                case "overlay" -> positional.size() != 1 ? usage(err, "overlay takes TREE")
                        : overlay(root, Path.of(positional.get(0)), out);
                default -> usage(err, "unknown command '" + command + "'");
            };
        } catch (ReleaseError e) {
            err.println("release: error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("release: error: " + e);
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("release: error: " + problem + " (see --help)");
        return 2;
    }

    private static int release(Path root, Path dir, boolean force, PrintStream out) throws ReleaseError, IOException {
        dir = dir.toAbsolutePath().normalize();
        if (root.startsWith(dir)) {
            throw new ReleaseError("refusing to release into " + dir + ": it holds the instructor tree");
        }
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!force) {
                throw new ReleaseError(dir + " is not empty; pass --force to replace its contents");
            }
            deleteContents(dir);
        } else if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ReleaseError(dir + " exists and is not a folder");
        }
        StudentEdition.Tree tree = StudentEdition.build(root, exercises);
        if (tree.stubs().isEmpty()) {
            out.println("release: warning: no solution blocks found under " + StudentEdition.LIBRARY
                    + ": the student edition holds the complete library");
        }
        Path folder = dir.resolve(TREE);
        Files.createDirectories(folder);
        StudentEdition.write(tree, folder);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        tree.files().forEach((name, bytes) -> entries.put(TREE + "/" + name, bytes));
        Set<String> exec = new java.util.HashSet<>();
        tree.exec().forEach(name -> exec.add(TREE + "/" + name));
        Path zip = dir.resolve(TREE + ".zip");
        ZipArchive.write(zip, entries, exec);
        out.println("release: " + tree.stubs().size() + " stubs in " + tree.editable().size() + " student-editable files, "
                + tree.files().size() + " files, " + tree.dropped().size() + " instructor-only files left out");
        for (Stubber.Stub stub : tree.stubs()) {
            out.println("  " + stub.location() + "  " + stub.block().title());
        }
        out.println("release: wrote " + folder + "/ and " + zip + " (" + Files.size(zip) / 1024 + " KiB)");
        return 0;
    }

    private static int checkLeaks(Path root, Path tree, Path zip, PrintStream out, PrintStream err) throws ReleaseError, IOException {
        if (!Files.isDirectory(tree)) {
            throw new ReleaseError("no student tree at " + tree);
        }
        LeakCheck.Report report = LeakCheck.check(LeakCheck.distinctiveLines(root), tree, zip);
        for (String problem : report.problems()) {
            err.println("  ✗ " + problem);
        }
        out.println("release: searched " + report.files() + " files for " + report.lines()
                + " distinctive model-answer lines: " + (report.problems().isEmpty() ? "none found" : report.problems().size() + " leaks"));
        return report.problems().isEmpty() ? 0 : 1;
    }

    private static int checkStudent(Path tree, PrintStream out, PrintStream err) throws ReleaseError, IOException {
        if (!Files.isDirectory(tree)) {
            throw new ReleaseError("no student tree at " + tree);
        }
        List<String> problems = StudentTreeCheck.check(tree, exercises);
        for (String problem : problems) {
            err.println("  ✗ " + problem);
        }
        out.println("release: the student tree's stubs and README: " + (problems.isEmpty() ? "as a student's"
                : problems.size() + " problems"));
        return problems.isEmpty() ? 0 : 1;
    }

    private static int overlay(Path root, Path tree, PrintStream out) throws ReleaseError, IOException {
        List<String> files = StudentEdition.editableFiles(root);
        for (String file : files) {
            Path target = tree.resolve(file);
            if (!Files.isRegularFile(target)) {
                throw new ReleaseError(tree + " has no " + file + " to overlay");
            }
            Files.copy(root.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
        }
        out.println("release: overlaid the model answers of " + files.size() + " student-editable files onto " + tree);
        return 0;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.delete(path);
                }
            }
        }
    }
}

package nndl.launcher.instructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nndl.launcher.Build;
import nndl.launcher.Die;
import nndl.launcher.Proc;
import nndl.launcher.Rejects;
import nndl.launcher.Jdk;
import nndl.launcher.Tree;
import nndl.launcher.Workbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ./workbook release (instructor edition): the student edition written from this tree. */
@Command(name = "release", customSynopsis = "./workbook release [--force] [DIR]",
        header = "write the student edition (stubs instead of the model answers) to build/release/",
        description = {"",
            "Writes the student edition (instructor edition only) into DIR (default build/release/):",
            "DIR/nndl-workbook-student/ and DIR/nndl-workbook-student.zip. The tree is made from the files git",
            "tracks (git ls-files: no build output, no .git, nothing untracked; uncommitted edits included):",
            "  - each solution block of lib/src/main/java keeps its instructions (the comment lines that open",
            "    it) above a stub throwing NotImplementedYet, which names the method, the block and its current",
            "    file:line, between // BEGIN YOUR CODE <Class.method>: <block> and // END YOUR CODE",
            "    (docs/editions.md);",
            "  - the instructor-only paths (the table in instructor/release/src/main/java/nndl/release/",
            "    InstructorOnly.java: instructor/, the launcher's instructor commands) and the instructor-only",
            "    regions of text files are left out; the instructor modules' lines leave the root pom;",
            "  - notebook outputs are cleared and their written answers (instructor-only regions of markdown",
            "    cells) become \"*Your answer here.*\"; README.md is generated for students (their loop, the",
            "    exercises in notebook order with their checks and points); student-edition.json lists the",
            "    student-editable files and the stubs.",
            "A malformed, open or nested block, one outside a method body or without instructions, or a block",
            "without a row in instructor/release/src/main/java/nndl/release/ExerciseTable.java is an error",
            "naming file and line.",
            "Refuses a non-empty DIR unless --force (which empties it first).", ""})
public final class Release implements Callable<Integer>, Rejects {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Option(names = "--force", description = "empty a non-empty DIR first")
    boolean force;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "where to write the student edition (default build/release/)")
    List<String> dirs = new ArrayList<>();

    @Override
    public String reject(String arg) {
        return "unknown option '" + arg + "' (see ./workbook release --help)";
    }

    @Override
    public Integer call() {
        Tree tree = Workbook.tree();
        if (dirs.size() > 1) {
            throw new Die("release takes one folder (see ./workbook release --help)");
        }
        Build.ifNeeded(tree);
        Path dir = dirs.isEmpty() ? tree.release() : Path.of(dirs.get(0)).toAbsolutePath().normalize();
        List<Object> args = new ArrayList<>(List.of("--root", tree.root(), "release"));
        if (force) {
            args.add("--force");
        }
        args.add(dir);
        InstructorModules.buildIfNeeded(tree, "the release tool", Tree.RELEASE_MODULE, tree.releaseJar(), tree.releaseInputs());
        return Proc.inherit(tree, Proc.cmd(Jdk.java(), "-Djava.awt.headless=true", "-cp", tree.releaseClassPath(),
                "nndl.release.ReleaseMain", args));
    }
}

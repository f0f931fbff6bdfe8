package nndl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseMainTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @org.junit.jupiter.api.BeforeEach
    void fixtureExercises() {
        // Not in file order, to show that the README follows the table.
        ReleaseMain.exercises = List.of(
                new ExerciseTable.Exercise("two_layer_nn", "Net.train: SGD step", List.of()),
                new ExerciseTable.Exercise("two_layer_nn", "Net.loss: forward pass", List.of("two_layer_nn.toy_scores")),
                new ExerciseTable.Exercise("two_layer_nn", "Net.loss: the loss", List.of("two_layer_nn.toy_loss")),
                new ExerciseTable.Exercise("fc_nets", "Net.train: after the loop", List.of("fc_nets.overfit")));
    }

    @org.junit.jupiter.api.AfterEach
    void tableExercises() {
        ReleaseMain.exercises = ExerciseTable.ROWS;
    }

    private int run(String... args) {
        return ReleaseMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    /** The written answer of the fixture notebook (instructor only). */
    private static final String ANSWER = "**Answer.** The learning rate is far too small for weights this small.";

    /** An instructor tree in a git repository, with one untracked file and build output beside it. */
    private Path instructorTree() throws IOException, InterruptedException {
        Path root = temp.resolve("instructor");
        write(root, BlockScannerTest.FILE, BlockScannerTest.GOOD);
        write(root, "lib/src/main/java/nndl/demo/Plain.java", "package nndl.demo;\nclass Plain {}\n");
        write(root, "pom.xml", "<project>\n  <modules>\n    <module>lib</module>\n    <module>instructor/grader</module>\n  </modules>\n</project>\n");
        write(root, "instructor/grader/src/test/java/GraderTest.java", "class GraderTest {}\n");
        write(root, "instructor/release/src/main/java/nndl/release/Tool.java", "class Tool {}\n");
        write(root, "workbook", "#!/bin/bash\necho shared\n# BEGIN INSTRUCTOR ONLY: release\necho instructor\n# END INSTRUCTOR ONLY\n");
        Files.setPosixFilePermissions(root.resolve("workbook"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write(root, "README.md", "# nndl-workbook\n\nShared text.\n<!-- BEGIN INSTRUCTOR ONLY -->\nRelease notes.\n<!-- END INSTRUCTOR ONLY -->\n");
        write(root, "notebooks/a.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"1\", \"metadata\": {},"
                + " \"execution_count\": 3, \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"secret output\"}]},"
                + " {\"cell_type\": \"markdown\", \"metadata\": {\"nndl\": {\"answer\": \"a.q1\"}}, \"source\": [\"## Question\\n\","
                + " \"Why is the accuracy low?\\n\", \"" + AnswerCells.BEGIN + "\\n\", \"" + ANSWER + "\\n\", \"" + AnswerCells.END + "\\n\","
                + " \"Shared text after it.\"]}],"
                + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
        git(root, "init", "-q");
        git(root, "add", ".");
        write(root, "untracked.txt", "not in git\n");
        write(root, "lib/target/classes/Net.class", "compiled model answer\n");
        return root;
    }

    private static void git(Path root, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = root.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor());
    }

    @Test
    void releaseWritesTheStudentTreeAndZipWithoutInstructorFiles() throws Exception {
        Path root = instructorTree();
        Path dir = temp.resolve("release");
        assertEquals(0, run("--root", root.toString(), "release", dir.toString()), err.toString());
        Path tree = dir.resolve(ReleaseMain.TREE);
        String net = Files.readString(tree.resolve(BlockScannerTest.FILE));
        assertTrue(net.contains("NotImplementedYet.raise(\"Net.loss\", \"forward pass\");"), net);
        assertTrue(net.contains("// Instructions for forward pass"), net);
        assertFalse(net.contains("2.5"), net);
        assertFalse(Files.exists(tree.resolve("instructor")), "the instructor's tools (release, grader) stay behind");
        assertFalse(Files.exists(tree.resolve("untracked.txt")), "only git's files are copied");
        assertFalse(Files.exists(tree.resolve("lib/target")), "no build output");
        assertFalse(Files.readString(tree.resolve("pom.xml")).contains("instructor"), "the instructor modules leave the root pom");
        assertEquals("#!/bin/bash\necho shared\n", Files.readString(tree.resolve("workbook")));
        assertTrue(Files.isExecutable(tree.resolve("workbook")));
        String readme = Files.readString(tree.resolve("README.md"));
        assertTrue(readme.contains("| 2 | `Net.loss`: forward pass | `" + BlockScannerTest.FILE + ":13` | not judged |"
                + " `two_layer_nn.toy_scores` (4) |"), readme);
        assertTrue(readme.indexOf("| 1 | `Net.train`: SGD step") < readme.indexOf("Net.loss`: forward pass"),
                "notebook order (the table's), not file order: " + readme);
        assertTrue(readme.contains("### `notebooks/fc_nets.ipynb` (20 points)"), readme);
        assertTrue(readme.contains("Shared text.") && !readme.contains("Release notes."), readme);
        String notebook = Files.readString(tree.resolve("notebooks/a.ipynb"));
        assertFalse(notebook.contains("secret output"), notebook);
        assertTrue(notebook.contains("\"execution_count\": null"), notebook);
        assertFalse(notebook.contains("far too small") || notebook.contains("INSTRUCTOR"), notebook);
        assertTrue(notebook.contains("\"Why is the accuracy low?\\n\",\n    \"" + AnswerCells.PROMPT + "\\n\",\n    \"Shared text after it.\""),
                notebook);
        assertTrue(notebook.contains("\"answer\": \"a.q1\""), "the answer cell keeps its metadata: " + notebook);
        String manifest = Files.readString(tree.resolve(StudentEdition.MANIFEST));
        assertTrue(manifest.contains("\"editable\": [\n    \"" + BlockScannerTest.FILE + "\"\n  ]"), manifest);
        assertEquals("-Dmaven.install.skip=true\n", Files.readString(tree.resolve(".mvn/maven.config")),
                "the student edition's builds leave ~/.m2's nndl artifacts (the instructor's, on the same machine) alone");

        try (ZipFile zip = new ZipFile(dir.resolve(ReleaseMain.TREE + ".zip").toFile())) {
            assertTrue(zip.getEntry(ReleaseMain.TREE + "/workbook") != null);
            assertTrue(zip.getEntry(ReleaseMain.TREE + "/instructor/grader/src/test/java/GraderTest.java") == null);
        }
        out.reset();
        assertEquals(0, run("--root", root.toString(), "check-leaks", tree.toString(),
                dir.resolve(ReleaseMain.TREE + ".zip").toString()), err.toString());
        assertTrue(out.toString().contains("none found"), out.toString());
    }

    @Test
    void theLeakCheckFindsAModelAnswerAndBuildOutput() throws Exception {
        Path root = instructorTree();
        Path dir = temp.resolve("release");
        assertEquals(0, run("--root", root.toString(), "release", dir.toString()));
        Path tree = dir.resolve(ReleaseMain.TREE);
        write(tree, "docs/notes.md", "scores = x * 2.5 + y * 0.25; // a distinctive model answer line\n");
        write(tree, "lib/target/x.class", "");
        write(tree, "README.md", "# Notes\n" + ANSWER + "\n");
        assertEquals(1, run("--root", root.toString(), "check-leaks", tree.toString()));
        assertTrue(err.toString().contains("README.md: holds the model answer line '" + ANSWER + "'"), err.toString());
        assertTrue(err.toString().contains("docs/notes.md: holds the model answer line"), err.toString());
        assertTrue(err.toString().contains("lib/target/x.class: build output"), err.toString());
    }

    @Test
    void aNonEmptyFolderNeedsForceAndUnknownOptionsAreErrors() throws Exception {
        Path root = instructorTree();
        Path dir = temp.resolve("release");
        write(dir, "old.txt", "old\n");
        assertEquals(1, run("--root", root.toString(), "release", dir.toString()));
        assertTrue(err.toString().contains("is not empty; pass --force"), err.toString());
        assertEquals(0, run("--root", root.toString(), "release", "--force", dir.toString()));
        assertFalse(Files.exists(dir.resolve("old.txt")));
        assertEquals(2, run("--root", root.toString(), "release", "--frobnicate"));
        assertTrue(err.toString().contains("unknown option '--frobnicate'"));
    }

    @Test
    void aBrokenBlockIsAReleaseErrorNamingFileAndLine() throws Exception {
        Path root = instructorTree();
        write(root, "lib/src/main/java/nndl/demo/Open.java", "class Open {\n  void f() {\n    // BEGIN SOLUTION Open.f: x\n  }\n}\n");
        git(root, "add", ".");
        assertEquals(1, run("--root", root.toString(), "release", temp.resolve("r").toString()));
        assertTrue(err.toString().contains("lib/src/main/java/nndl/demo/Open.java:3: solution block 'Open.f: x' is left open"), err.toString());
    }

    @Test
    void overlayPutsTheModelAnswersBack() throws Exception {
        Path root = instructorTree();
        Path dir = temp.resolve("release");
        assertEquals(0, run("--root", root.toString(), "release", dir.toString()));
        Path tree = dir.resolve(ReleaseMain.TREE);
        assertEquals(0, run("--root", root.toString(), "overlay", tree.toString()));
        assertEquals(Files.readString(root.resolve(BlockScannerTest.FILE)), Files.readString(tree.resolve(BlockScannerTest.FILE)));
    }

    @Test
    void aWrittenAnswerWithoutItsMetadataOrInACodeCellIsAReleaseError() throws Exception {
        Path root = instructorTree();
        write(root, "notebooks/b.ipynb", "{\"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"Q\\n"
                + AnswerCells.BEGIN + "\\nA\\n" + AnswerCells.END + "\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
        git(root, "add", ".");
        assertEquals(1, run("--root", root.toString(), "release", temp.resolve("r").toString()));
        assertTrue(err.toString().contains("notebooks/b.ipynb: cell 0: a written answer without the cell metadata"), err.toString());
    }

    @Test
    void checkStudentProvesInstructionsAndTheReadmeAndFindsWhatIsMissing() throws Exception {
        Path root = instructorTree();
        Path dir = temp.resolve("release");
        assertEquals(0, run("--root", root.toString(), "release", dir.toString()), err.toString());
        Path tree = dir.resolve(ReleaseMain.TREE);
        assertEquals(0, run("--root", root.toString(), "check-student", tree.toString()), err.toString());
        assertTrue(out.toString().contains("as a student's"), out.toString());

        Path net = tree.resolve(BlockScannerTest.FILE);
        Files.writeString(net, Files.readString(net).replace("// Instructions for the loss: what to compute, the shapes, the variables to set.\n", ""));
        Path readme = tree.resolve("README.md");
        String text = Files.readString(readme);
        String row = text.lines().filter(l -> l.startsWith("| 3 |")).findFirst().orElseThrow();
        Files.writeString(readme, text.replace(row + "\n", "") + "\nRun ./workbook test first.\n");
        err.reset();
        assertEquals(1, run("--root", root.toString(), "check-student", tree.toString()));
        String problems = err.toString();
        assertTrue(problems.contains("README.md: exercise 3 'Net.loss: the loss' is not listed"), problems);
        assertTrue(problems.contains("README.md: holds instructor text './workbook test'"), problems);
        assertTrue(problems.contains("expected '// END YOUR CODE'") || problems.contains("has no instructions"), problems);
    }
}

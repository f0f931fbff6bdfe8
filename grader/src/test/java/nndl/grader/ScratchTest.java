package nndl.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {
    @TempDir
    Path dir;

    private static void git(Path root, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = root.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor());
    }

    @Test
    void onlyStudentEditableFilesAreOverlaidAndTheRestIsListed() throws IOException, InterruptedException {
        Path root = Files.createDirectories(dir.resolve("instructor"));
        Path affine = root.resolve("lib/src/main/java/nndl/layers/Affine.java");
        Path gradeCheck = root.resolve("notebook/src/main/java/nndl/grade/Grade.java");
        Files.createDirectories(affine.getParent());
        Files.createDirectories(gradeCheck.getParent());
        Files.writeString(affine, "class Affine {\n    void f() {\n        // BEGIN SOLUTION Affine.f: all\n        // END SOLUTION\n    }\n}\n");
        Files.writeString(gradeCheck, "class Grade {}\n");
        git(root, "init", "-q");
        git(root, "add", ".");
        List<String> editable = SubmissionGrader.editableFiles(root);
        assertEquals(List.of("lib/src/main/java/nndl/layers/Affine.java"), editable);

        Submission handIn = new Submission("eve", dir.resolve("eve.zip"), Map.of(
                "eve/lib/src/main/java/nndl/layers/Affine.java", "class Affine { /* mine */ }".getBytes(StandardCharsets.UTF_8),
                "eve/notebook/src/main/java/nndl/grade/Grade.java", "class Grade { /* always full marks */ }".getBytes(StandardCharsets.UTF_8),
                "eve/notebooks/fc_nets.ipynb", "{}".getBytes(StandardCharsets.UTF_8),
                "eve/manifest.json", "{}".getBytes(StandardCharsets.UTF_8)));
        Scratch scratch = Scratch.prepare(root, editable, handIn, dir.resolve("work/eve"));
        assertEquals(List.of("lib/src/main/java/nndl/layers/Affine.java"), scratch.overlaid());
        assertEquals(List.of("eve/notebook/src/main/java/nndl/grade/Grade.java"), scratch.ignored());
        assertEquals("class Affine { /* mine */ }", Files.readString(scratch.dir().resolve("lib/src/main/java/nndl/layers/Affine.java")));
        assertEquals("class Grade {}\n", Files.readString(scratch.dir().resolve("notebook/src/main/java/nndl/grade/Grade.java")));
    }
}

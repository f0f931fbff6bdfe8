package nndl.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nndl.release.StudentEdition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {
    private static final String AFFINE = "lib/src/main/java/nndl/layers/Affine.java";
    private static final String RELU = "lib/src/main/java/nndl/layers/Relu.java";
    private static final String GRADE = "display/src/main/java/nndl/grade/Grade.java";

    @TempDir
    Path dir;

    /** A student edition of three files: two exercises' stubs and a file no student may change. */
    private static StudentEdition.Tree edition() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(AFFINE, "class Affine { /* stub */ }".getBytes(StandardCharsets.UTF_8));
        files.put(RELU, "class Relu { /* stub */ }".getBytes(StandardCharsets.UTF_8));
        files.put(GRADE, "class Grade {}\n".getBytes(StandardCharsets.UTF_8));
        return new StudentEdition.Tree(files, Set.of(), List.of(), List.of("instructor/grader/"), List.of(AFFINE, RELU));
    }

    @Test
    void onlyStudentEditableFilesAreOverlaidAndTheRestIsListed() throws IOException {
        Submission handIn = new Submission("eve", dir.resolve("eve.zip"), Map.of(
                "eve/" + AFFINE, "class Affine { /* mine */ }".getBytes(StandardCharsets.UTF_8),
                "eve/" + GRADE, "class Grade { /* always full marks */ }".getBytes(StandardCharsets.UTF_8),
                "eve/notebooks/fc_nets.ipynb", "{}".getBytes(StandardCharsets.UTF_8),
                "eve/manifest.json", "{}".getBytes(StandardCharsets.UTF_8)));
        Scratch scratch = Scratch.prepare(edition(), handIn, dir.resolve("work/eve"));
        assertEquals(List.of(AFFINE), scratch.overlaid());
        assertEquals(List.of("eve/" + GRADE), scratch.ignored());
        assertEquals("class Affine { /* mine */ }", Files.readString(scratch.dir().resolve(AFFINE)));
        assertEquals("class Grade {}\n", Files.readString(scratch.dir().resolve(GRADE)));
    }

    @Test
    void aMissingFileKeepsItsStubAndNothingInstructorOnlyIsWritten() throws IOException {
        Submission empty = new Submission("empty", dir.resolve("empty"), Map.of("manifest.json", "{}".getBytes(StandardCharsets.UTF_8)));
        Scratch scratch = Scratch.prepare(edition(), empty, dir.resolve("work/empty"));
        assertEquals(List.of(), scratch.overlaid());
        assertEquals("class Affine { /* stub */ }", Files.readString(scratch.dir().resolve(AFFINE)));
        assertEquals("class Relu { /* stub */ }", Files.readString(scratch.dir().resolve(RELU)));
        assertFalse(Files.exists(scratch.dir().resolve("grader")));
    }

    @Test
    void theEditionIsWrittenBackBeforeTheNotebooksWithoutFollowingLinks() throws IOException {
        Submission eve = new Submission("eve", dir.resolve("eve"), Map.of(
                AFFINE, "class Affine { /* mine */ }".getBytes(StandardCharsets.UTF_8)));
        Scratch scratch = Scratch.prepare(edition(), eve, dir.resolve("work/eve"));
        // What the hand-in's worker could leave: a file rewritten, a folder replaced by a link to the
        // instructor's, a planted executed notebook.
        Path instructor = Files.createDirectories(dir.resolve("instructor/display/src/main/java/nndl/grade"));
        Files.writeString(instructor.resolve("Grade.java"), "instructor's");
        Path grade = scratch.dir().resolve(GRADE);
        Scratch.deleteTree(scratch.dir().resolve("display"));
        Files.createSymbolicLink(scratch.dir().resolve("display"), dir.resolve("instructor/display"));
        Files.createDirectories(scratch.dir().resolve("build/notebooks"));
        Files.writeString(scratch.dir().resolve("build/notebooks/fc_nets.ipynb"), "forged");
        Files.writeString(scratch.dir().resolve(AFFINE), "class Affine { /* rewritten while it ran */ }");

        scratch.restoreEdition(edition());
        assertEquals("class Grade {}\n", Files.readString(grade));
        assertFalse(Files.isSymbolicLink(scratch.dir().resolve("display")));
        assertEquals("instructor's", Files.readString(instructor.resolve("Grade.java")));
        assertFalse(Files.exists(scratch.dir().resolve("build/notebooks/fc_nets.ipynb")));
        // A student-editable file is the hand-in's own: left as its code left it.
        assertEquals("class Affine { /* rewritten while it ran */ }", Files.readString(scratch.dir().resolve(AFFINE)));
    }

    @Test
    void theManifestsStudentIdKeysTheHandIn() {
        Submission named = new Submission("handin-3", dir.resolve("handin-3.zip"),
                Map.of("manifest.json", "{\"student\": \"ada.l\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("ada.l", named.studentId());
        Submission sneaky = new Submission("x", dir.resolve("x.zip"),
                Map.of("manifest.json", "{\"student\": \"../../etc\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("_.._.._etc", sneaky.studentId());
        assertEquals("x", new Submission("x", dir.resolve("x.zip"), Map.of()).studentId());
    }
}

package nndl.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitMainTest {
    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SubmitMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void write(String file, String text) throws IOException {
        Files.createDirectories(root.resolve(file).getParent());
        Files.writeString(root.resolve(file), text);
    }

    @Test
    void packsTheEditableFilesNotebooksReportAndAManifestOfChecksums() throws IOException {
        write("student-edition.json", "{\"edition\": \"student\", \"editable\": [\"lib/src/main/java/nndl/A.java\"]}");
        write("lib/src/main/java/nndl/A.java", "class A {}\n");
        write("lib/src/main/java/nndl/B.java", "class B {}\n");
        assertEquals(1, run("--root", root.toString(), "--student", "s123"));
        assertTrue(err.toString().contains("run ./workbook run first"), err.toString());
        write("build/notebooks/fc_nets.ipynb", "{}");
        write("build/report/graded-report.pdf", "%PDF");
        assertEquals(0, run("--root", root.toString(), "--student", "s123"), err.toString());
        Path zip = root.resolve("build/submission-s123.zip");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertTrue(file.getEntry("lib/src/main/java/nndl/A.java") != null);
            assertTrue(file.getEntry("lib/src/main/java/nndl/B.java") == null, "only student-editable files");
            assertTrue(file.getEntry("notebooks/fc_nets.ipynb") != null);
            assertTrue(file.getEntry("graded-report.pdf") != null);
            String manifest = new String(file.getInputStream(file.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("\"student\": \"s123\""), manifest);
            assertTrue(manifest.contains("\"sha256\": \"" + SubmitMain.sha256("class A {}\n".getBytes(StandardCharsets.UTF_8)) + "\""), manifest);
        }
    }

    @Test
    void badIdsAndUnknownOptionsAreUsageErrors() {
        assertEquals(2, run("--root", root.toString(), "--student", "../evil"));
        assertEquals(2, run("--root", root.toString(), "--student", "a", "--zip", "x"));
        assertTrue(err.toString().contains("unknown option '--zip'"), err.toString());
    }
}

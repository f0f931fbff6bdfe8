package nndl.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileErrorsTest {
    @TempDir
    Path root;

    /** The -q output of a real failed build (Relu.java with two errors), its paths under /ROOT. */
    private List<String> mavenLog() throws IOException {
        try (InputStream in = CompileErrorsTest.class.getResourceAsStream("maven-compile-errors.log")) {
            String log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return log.replace("/ROOT/", root + "/").lines().toList();
        }
    }

    private Path relu() throws IOException {
        Path file = root.resolve("lib/src/main/java/nndl/layers/Relu.java");
        Files.createDirectories(file.getParent());
        StringBuilder source = new StringBuilder();
        for (int line = 1; line <= 40; line++) {
            source.append(switch (line) {
                case 33 -> "        out = new DMatrixRMaj(x.numRowz, x.numCols);";
                case 35 -> "            out.data[i] = Math.max(0.0, x.data[i], 1);";
                default -> "// line " + line;
            }).append('\n');
        }
        Files.writeString(file, source);
        return file;
    }

    @Test
    void eachErrorOnceWithItsDetailsAndNoMavenBoilerplate() throws IOException {
        relu();
        List<CompileErrors.Diagnostic> errors = CompileErrors.parse(mavenLog());
        assertEquals(2, errors.size(), "Maven lists each error twice: " + errors);
        assertEquals(33, errors.get(0).line());
        assertEquals(32, errors.get(0).column());
        assertEquals("cannot find symbol", errors.get(0).message());
        assertEquals(List.of("symbol:   variable numRowz", "location: variable x of type org.ejml.data.DMatrixRMaj"),
                errors.get(0).details());
        assertEquals("no suitable method found for max(double,double,int)", errors.get(1).message());
        assertEquals(8, errors.get(1).details().size());
        assertEquals("  (actual and formal argument lists differ in length)", errors.get(1).details().get(1),
                "nested detail lines keep their indentation relative to the first");
    }

    @Test
    void aBlockNamesFileAndLineShowsTheSourceLineAndACaretUnderTheColumn() throws IOException {
        relu();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompileErrors.print(CompileErrors.parse(mavenLog()), root, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals("lib/src/main/java/nndl/layers/Relu.java:33: cannot find symbol", lines.get(0));
        assertEquals("    out = new DMatrixRMaj(x.numRowz, x.numCols);", lines.get(1));
        assertEquals(" ".repeat(4 + 31 - 8) + "^", lines.get(2), "the caret sits under column 32 of the line shown without its indentation");
        assertEquals("  symbol:   variable numRowz", lines.get(3));
        assertEquals("", lines.get(5), "a blank line between blocks");
        assertEquals("lib/src/main/java/nndl/layers/Relu.java:35: no suitable method found for max(double,double,int)", lines.get(6));
        assertEquals("    out.data[i] = Math.max(0.0, x.data[i], 1);", lines.get(7));
        assertEquals(" ".repeat(4 + 30 - 12) + "^", lines.get(8), "under the dot of Math.max");
        assertFalse(text.contains("[ERROR]") || text.contains("-rf :") || text.contains(root.toString()), text);
    }

    @Test
    void aFailureThatIsNotACompileErrorYieldsNothingAndWarningsAreNotErrors() {
        assertTrue(CompileErrors.parse(List.of("[ERROR] Failed to execute goal on project nndl-lib: Could not resolve dependencies",
                "[ERROR] -> [Help 1]")).isEmpty());
        assertTrue(CompileErrors.parse(List.of("[WARNING] /x/A.java:[3,5] [removal] Foo in bar has been deprecated",
                "[INFO] 1 warning")).isEmpty());
    }

    @Test
    void aFileThatCannotBeReadStillGetsItsFileAndLine() {
        CompileErrors.Diagnostic gone = new CompileErrors.Diagnostic(root.resolve("lib/Gone.java"), 7, 3, "';' expected", List.of());
        assertEquals("lib/Gone.java:7: ';' expected\n", CompileErrors.block(gone, root));
    }
}

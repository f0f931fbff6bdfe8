package nndl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

class StubberTest {
    /** A minimal copy of lib's exception, compiled beside the stubbed fixture (never on a classpath). */
    static final String NOT_IMPLEMENTED_YET = """
            package nndl.util;
            public final class NotImplementedYet extends RuntimeException {
                public NotImplementedYet(String method, String block, String location) {
                    super("not implemented yet: " + method + ", " + block + " — " + location);
                }
                public static void raise(String method, String block, String location) {
                    throw new NotImplementedYet(method, block, location);
                }
            }
            """;

    private static Stubber.Result stubGood() throws ReleaseError {
        List<String> lines = StudentEdition.lines(BlockScannerTest.GOOD);
        return Stubber.stub(lines, BlockScanner.scan(BlockScannerTest.FILE, lines));
    }

    @Test
    void eachBlockBecomesOneStatementAtItsOwnLine() throws ReleaseError {
        Stubber.Result result = stubGood();
        List<String> lines = result.lines();
        assertEquals("import nndl.util.NotImplementedYet;", lines.get(3), "the import follows the last import");
        Stubber.Stub forward = result.stubs().get(0);
        assertEquals(13, forward.line());
        assertEquals("        NotImplementedYet.raise(\"Net.loss\", \"forward pass\", \"" + BlockScannerTest.FILE + ":13\");",
                lines.get(12));
        Stubber.Stub loss = result.stubs().get(1);
        assertEquals("        throw new NotImplementedYet(\"Net.loss\", \"the loss\", \"" + loss.location() + "\");",
                lines.get(loss.line() - 1));
        String text = String.join("\n", lines);
        assertFalse(text.contains("2.5"), "the model answer is gone");
        assertFalse(text.contains("SOLUTION") && text.contains("// END SOLUTION"), "the markers are gone");
        assertTrue(text.contains("double loss = scores * scores;"), "the shared code stays");
    }

    @Test
    void theStubbedFileCompiles() throws ReleaseError {
        String stubbed = String.join("\n", stubGood().lines()) + "\n";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        var files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        var sources = List.of(source("nndl/util/NotImplementedYet", NOT_IMPLEMENTED_YET), source("nndl/demo/Net", stubbed));
        java.nio.file.Path out;
        try {
            out = java.nio.file.Files.createTempDirectory("stubber");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        boolean ok = compiler.getTask(new java.io.PrintWriter(diagnostics, true, StandardCharsets.UTF_8), files, null,
                List.of("-d", out.toString(), "-proc:none"), null, sources).call();
        assertTrue(ok, "the stubbed fixture must compile:\n" + diagnostics.toString(StandardCharsets.UTF_8) + "\n" + stubbed);
    }

    private static JavaFileObject source(String name, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    @Test
    void aFileOfNndlUtilOrWithTheImportGetsNoSecondImport() throws ReleaseError {
        List<String> lines = StudentEdition.lines("package nndl.util;\n\nclass U {\n  void f() {\n"
                + "    // BEGIN SOLUTION U.f: body\n    int x = 1;\n    // END SOLUTION\n  }\n}\n");
        Stubber.Result result = Stubber.stub(lines, BlockScanner.scan("lib/src/main/java/nndl/util/U.java", lines));
        assertEquals(7, result.lines().size());
        assertEquals("    throw new NotImplementedYet(\"U.f\", \"body\", \"lib/src/main/java/nndl/util/U.java:5\");", result.lines().get(4));
    }
}

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
                public NotImplementedYet(String method, String block) {
                    super("not implemented yet: " + method + ", " + block);
                }
                public static void raise(String method, String block) {
                    throw new NotImplementedYet(method, block);
                }
            }
            """;

    private static Stubber.Result stubGood() throws ReleaseError {
        List<String> lines = StudentEdition.lines(BlockScannerTest.GOOD);
        return Stubber.stub(lines, BlockScanner.scan(BlockScannerTest.FILE, lines));
    }

    @Test
    void eachBlockKeepsItsMarkersAsYourCodeAndItsInstructionsAboveOneStatement() throws ReleaseError {
        Stubber.Result result = stubGood();
        List<String> lines = result.lines();
        assertEquals("import nndl.util.NotImplementedYet;", lines.get(3), "the import follows the last import");
        Stubber.Stub forward = result.stubs().get(0);
        assertEquals(13, forward.begin());
        assertEquals(List.of(
                        "        // BEGIN YOUR CODE Net.loss: forward pass",
                        "        // Instructions for forward pass: what to compute, the shapes, the variables to set.",
                        "        NotImplementedYet.raise(\"Net.loss\", \"forward pass\");",
                        "        // END YOUR CODE"),
                lines.subList(12, 16));
        assertEquals(15, forward.line());
        assertEquals(16, forward.end());
        assertEquals(1, forward.instructions().size());
        Stubber.Stub loss = result.stubs().get(1);
        assertEquals("        throw new NotImplementedYet(\"Net.loss\", \"the loss\");", lines.get(loss.line() - 1));
        assertEquals("        // END YOUR CODE", lines.get(loss.end() - 1));
        assertEquals("    }", lines.get(loss.end()), "the method's brace follows the stub's block");
        String text = String.join("\n", lines);
        assertFalse(text.contains("2.5"), "the model answer is gone");
        assertFalse(text.contains("// END SOLUTION"), "the instructor's markers are gone");
        assertTrue(text.contains("double loss = scores * scores;"), "the shared code stays");
        for (Stubber.Stub stub : result.stubs()) {
            assertTrue(lines.get(stub.begin() - 1).endsWith("// BEGIN YOUR CODE " + stub.block().title()));
            assertTrue(lines.get(stub.begin()).strip().startsWith("// Instructions for "), "instructions follow the marker");
        }
    }

    @Test
    void aBlockWithoutInstructionsIsAReleaseError() throws ReleaseError {
        List<String> lines = StudentEdition.lines("package nndl.util;\n\nclass U {\n  void f() {\n"
                + "    // BEGIN SOLUTION U.f: body\n    int x = 1;\n    // END SOLUTION\n  }\n}\n");
        List<SolutionBlock> blocks = BlockScanner.scan("lib/src/main/java/nndl/util/U.java", lines);
        ReleaseError e = org.junit.jupiter.api.Assertions.assertThrows(ReleaseError.class, () -> Stubber.stub(lines, blocks));
        assertTrue(e.getMessage().startsWith("lib/src/main/java/nndl/util/U.java:5: solution block 'U.f: body' has no instructions"),
                e.getMessage());
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
                + "    // BEGIN SOLUTION U.f: body\n    // Set x.\n    int x = 1;\n    // END SOLUTION\n  }\n}\n");
        Stubber.Result result = Stubber.stub(lines, BlockScanner.scan("lib/src/main/java/nndl/util/U.java", lines));
        assertEquals(10, result.lines().size());
        assertEquals("    throw new NotImplementedYet(\"U.f\", \"body\");", result.lines().get(6));
    }
}

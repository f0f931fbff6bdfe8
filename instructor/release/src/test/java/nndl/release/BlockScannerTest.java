package nndl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockScannerTest {
    static final String FILE = "lib/src/main/java/nndl/demo/Net.java";

    /** A good file: a block in the middle of a non-void method, one ending it, one ending a void method. */
    static final String GOOD = """
            package nndl.demo;

            import java.util.List;

            /** A demo net; the text "// BEGIN SOLUTION" in a comment is not a marker. */
            public final class Net {
                private static final String BRACES = "{{ not a brace }}";
                private final int[] sizes = {1, 2};

                public double loss(double x, double y) {
                    double scores = 0;
                    // BEGIN SOLUTION Net.loss: forward pass
                    // Instructions for forward pass: what to compute, the shapes, the variables to set.
                    scores = x * 2.5 + y * 0.25; // a distinctive model answer line
                    if (scores > 1) {
                        scores = Math.log(scores) + 0.0;
                    }
                    // END SOLUTION
                    double loss = scores * scores;
                    // BEGIN SOLUTION Net.loss: the loss
                    // Instructions for the loss: what to compute, the shapes, the variables to set.
                    loss = loss + Math.abs(scores) * 0.5; // the second block ends the method
                    return loss;
                    // END SOLUTION
                }

                public void train(List<Double> xs) {
                    for (double x : xs) {
                        // BEGIN SOLUTION Net.train: SGD step
                        // Instructions for SGD step: what to compute, the shapes, the variables to set.
                        char c = '}';
                        String s = \"\"\"
                            }}} text block
                            \"\"\";
                        // END SOLUTION
                    }
                    // BEGIN SOLUTION Net.train: after the loop
                    // Instructions for after the loop: what to compute, the shapes, the variables to set.
                    System.out.println("done with the whole training loop");
                    // END SOLUTION

                }
            }
            """;

    static List<String> lines(String text) {
        return StudentEdition.lines(text);
    }

    @Test
    void findsEveryBlockWithItsLinesAndWhetherItEndsItsMethod() throws ReleaseError {
        List<SolutionBlock> blocks = BlockScanner.scan(FILE, lines(GOOD));
        assertEquals(4, blocks.size());
        SolutionBlock forward = blocks.get(0);
        assertEquals("Net.loss", forward.method());
        assertEquals("forward pass", forward.name());
        assertEquals(12, forward.beginLine());
        assertEquals(18, forward.endLine());
        assertEquals("        ", forward.indent());
        assertFalse(forward.endsMethod(), "shared code follows the forward pass");
        assertTrue(blocks.get(1).endsMethod(), "the loss block is followed by the method's closing brace");
        assertFalse(blocks.get(2).endsMethod(), "the loop's closing brace is not the method's");
        assertTrue(blocks.get(3).endsMethod(), "a blank line before the method's brace still ends it");
    }

    private static String error(String text) {
        return assertThrows(ReleaseError.class, () -> BlockScanner.scan(FILE, lines(text))).getMessage();
    }

    @Test
    void aBlockLeftOpenIsAnErrorNamingItsBeginLine() {
        String text = "class A {\n  void f() {\n    // BEGIN SOLUTION A.f: body\n    int x = 1;\n  }\n}\n";
        assertEquals(FILE + ":3: solution block 'A.f: body' is left open (no // END SOLUTION after it)", error(text));
    }

    @Test
    void aNestedBlockIsAnErrorNamingBothLines() {
        String text = "class A {\n  void f() {\n    // BEGIN SOLUTION A.f: outer\n    // BEGIN SOLUTION A.f: inner\n"
                + "    // END SOLUTION\n    // END SOLUTION\n  }\n}\n";
        assertEquals(FILE + ":4: nested solution block: BEGIN inside the block 'A.f: outer' opened at line 3", error(text));
    }

    @Test
    void aBlockOutsideAMethodBodyIsAnError() {
        String text = "class A {\n  // BEGIN SOLUTION A.field: a field\n  int x = 1;\n  // END SOLUTION\n}\n";
        assertEquals(FILE + ":2: solution block 'A.field: a field' is outside a method body", error(text));
        String initialiser = "class A {\n  int[] x = {\n  // BEGIN SOLUTION A.x: values\n  1,\n  // END SOLUTION\n  };\n}\n";
        assertTrue(error(initialiser).startsWith(FILE + ":3: "), error(initialiser));
    }

    @Test
    void aBlockThatIsNotBraceBalancedIsAnError() {
        String text = "class A {\n  void f() {\n    // BEGIN SOLUTION A.f: body\n    if (true) {\n    // END SOLUTION\n    }\n  }\n}\n";
        assertTrue(error(text).startsWith(FILE + ":5: solution block 'A.f: body' (line 3) is not brace-balanced"), error(text));
    }

    @Test
    void malformedMarkersAreErrors() {
        assertTrue(error("class A { void f() {\n// BEGIN SOLUTION\n// END SOLUTION\n} }\n").startsWith(FILE + ":2: malformed marker"));
        assertTrue(error("class A { void f() {\n// BEGIN SOLUTION A.f: x\n// END SOLUTION here\n} }\n").startsWith(FILE + ":3: malformed marker"));
        assertTrue(error("class A { void f() {\n// END SOLUTION\n} }\n").startsWith(FILE + ":2: // END SOLUTION without"));
    }

    @Test
    void blocksInLambdasAndAnonymousClassesAreInsideMethodBodies() throws ReleaseError {
        String text = """
                class A {
                    Runnable r() {
                        return new Runnable() {
                            @Override
                            public void run() {
                                // BEGIN SOLUTION A.r: the run
                                System.out.println("hi");
                                // END SOLUTION
                            }
                        };
                    }
                }
                """;
        List<SolutionBlock> blocks = BlockScanner.scan(FILE, lines(text));
        assertEquals(1, blocks.size());
        assertTrue(blocks.get(0).endsMethod());
    }
}

package nndl.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceTextTest {
    private final SourceText text = new SourceText("int a = 1;\n  int b = a +;\nb", "", 3, 7);

    @Test
    void linesCountFromTheFirstLine() {
        assertEquals(3, text.lineAt(0));
        assertEquals(3, text.lineAt(10));
        assertEquals(4, text.lineAt(11));
        assertEquals(5, text.lineAt(text.text().length()));
    }

    @Test
    void lineTextAndColumn() {
        int plus = text.text().indexOf("+;");
        assertEquals("  int b = a +;", text.lineTextAt(plus));
        assertEquals(12, text.columnAt(plus));
        assertEquals("int a = 1;", text.lineTextAt(0));
        assertEquals("b", text.lineTextAt(text.text().length()));
    }

    @Test
    void describeLineNamesCellsAndFiles() {
        assertEquals("line 4", text.describeLine(4, 7));
        assertEquals("In [7], line 4", text.describeLine(4, 9));
        assertEquals("helpers.jsh, line 2", new SourceText("x", "helpers.jsh", 1, 7).describeLine(2, 7));
    }
}

package nndl.kernel.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagicExpressionsTest {

    @Test
    void magicAfterAnAssignmentBecomesALineMagicCall() {
        assertEquals("List<String> added = lineMagic(\"jars\", java.util.List.of(\"/usr/share/java/*.jar\"));",
                MagicExpressions.rewrite("List<String> added = %jars /usr/share/java/*.jar;"));
        assertEquals("  x = lineMagic(\"maven\", java.util.List.of(\"a:b:1\", \"c d\"))",
                MagicExpressions.rewrite("  x = %maven a:b:1 \"c d\""));
        assertEquals("Object none= lineMagic(\"lsmagic\", java.util.List.of());", MagicExpressions.rewrite("Object none=%lsmagic;"));
    }

    @Test
    void argumentsAreJavaStringLiterals() {
        assertEquals("s = lineMagic(\"m\", java.util.List.of(\"a\\\"b\", \"c\\\\d\"))", MagicExpressions.rewrite("s = %m 'a\"b' 'c\\d'"));
    }

    @Test
    void otherLinesStayAsTheyAre() {
        for (String line : List.of("int r = 10 % 3;", "boolean b = a == %x;", "x %= 3;", "x += %y", "if (a <= %b)",
                "String s = \"a = %d\";", "printf(\"total = %d%n\", n);", "int x = 1;", "%jars lib/*.jar")) {
            assertEquals(line, MagicExpressions.rewrite(line), line);
        }
    }

    @Test
    void anOpenQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> MagicExpressions.rewrite("x = %jars 'lib"));
    }

    @Test
    void theParserRewritesCodeLinesAndKeepsLineMagics() {
        List<CellStep> steps = CellParser.parse("%maven a:b:1\nList<String> jars = %jars lib/*.jar;\njars.size()");
        assertEquals(new CellStep.LineMagic("maven", "a:b:1", 1), steps.get(0));
        CellStep.Code code = assertInstanceOf(CellStep.Code.class, steps.get(1));
        assertEquals("List<String> jars = lineMagic(\"jars\", java.util.List.of(\"lib/*.jar\"));\njars.size()", code.source());
        assertEquals(2, code.firstLine());
    }
}

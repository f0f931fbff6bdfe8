package nndl.kernel.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nndl.kernel.errors.MagicFailure;
import org.junit.jupiter.api.Test;

class CellParserTest {

    @Test
    void plainCodeIsOneStepStartingAtLineOne() {
        assertEquals(List.of(new CellStep.Code("int x = 1;\nx + 1", 1)), CellParser.parse("int x = 1;\nx + 1"));
    }

    @Test
    void lineMagicsSplitTheCodeAndKeepLineNumbers() {
        String cell = "%classpath ../lib/target/*.jar\nimport a.B;\n\nB.run();\n%time B.slow()\nint y = 2;";
        assertEquals(List.of(
                new CellStep.LineMagic("classpath", "../lib/target/*.jar", 1),
                new CellStep.Code("import a.B;\n\nB.run();", 2),
                new CellStep.LineMagic("time", "B.slow()", 5),
                new CellStep.Code("int y = 2;", 6)), CellParser.parse(cell));
    }

    @Test
    void indentedMagicWithoutArgumentsIsRecognized() {
        assertEquals(List.of(new CellStep.LineMagic("jars", "", 1)), CellParser.parse("   %jars   "));
    }

    @Test
    void percentInsideJavaIsNotAMagic() {
        String cell = "int r = 7\n    % 3;";
        assertEquals(List.of(new CellStep.Code(cell, 1)), CellParser.parse(cell));
    }

    @Test
    void cellMagicTakesTheRestOfTheCellAsBody() {
        List<CellStep> steps = CellParser.parse("\n%%time  repeat\nfor (int i = 0; i < 3; i++) {}\nsum");
        assertEquals(List.of(new CellStep.CellMagic("time", "repeat", "for (int i = 0; i < 3; i++) {}\nsum", 3)), steps);
    }

    @Test
    void bodyParsedWithOffsetKeepsCellLineNumbers() {
        assertEquals(List.of(new CellStep.LineMagic("load", "a.jsh", 2), new CellStep.Code("f()", 3)),
                CellParser.parse("%load a.jsh\nf()", 2));
    }

    @Test
    void cellMagicNotOnTheFirstLineIsAnError() {
        MagicFailure failure = assertThrows(MagicFailure.class, () -> CellParser.parse("int x = 1;\n%%time\nx"));
        assertTrue(failure.getMessage().contains("line 2"), failure.getMessage());
        assertTrue(failure.getMessage().contains("%%time"), failure.getMessage());
    }

    @Test
    void windowsLineEndsAreNormalized() {
        assertEquals(List.of(new CellStep.LineMagic("jars", "a.jar", 1), new CellStep.Code("x", 2)),
                CellParser.parse("%jars a.jar\r\nx"));
    }

    @Test
    void blankMagicsKeepsOffsetsAndJava() {
        String cell = "%jars a.jar\nMath.ab\n%%x";
        String blanked = CellParser.blankMagics(cell);
        assertEquals(cell.length(), blanked.length());
        assertEquals("           \nMath.ab\n   ", blanked);
    }
}

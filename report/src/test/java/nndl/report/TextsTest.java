package nndl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void ansiCodesAreStripped() {
        assertEquals("Error: boom at x", Texts.stripAnsi("\u001B[0;31mError\u001B[0m: \u001B[1mboom\u001B[22m at x"));
    }

    @Test
    void informationalStderrIsNotTroubleButWarningsAndTracesAre() {
        assertTrue(!Texts.looksLikeTrouble("nndl: matrix products on native BLAS (OpenBLAS 0.3.21, 2 threads)\n"));
        assertTrue(!Texts.looksLikeTrouble("errors: 0 of 10 rows"), "a word that only starts like 'error'");
        for (String trouble : List.of("WARNING: An illegal reflective access", "java.lang.IllegalStateException: x",
                "Error: boom", "\tat nndl.layers.Affine.affineForward(Affine.java:58)", "the check failed")) {
            assertTrue(Texts.looksLikeTrouble(trouble), trouble);
        }
    }

    @Test
    void carriageReturnsKeepTheLastRedraw() {
        assertEquals("100%\ndone", Texts.applyCarriageReturns("\r10%\r50%\r100%\ndone"));
        assertEquals("a\nb", Texts.applyCarriageReturns("a\r\nb"));
    }

    @Test
    void tabsExpandToFourColumns() {
        assertEquals("ab  c", Texts.expandTabs("ab\tc"));
        assertEquals("    x", Texts.expandTabs("\tx"));
    }

    @Test
    void longOutputsKeepHeadAndTail() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            text.append("line ").append(i).append('\n');
        }
        List<String> lines = Texts.lines(NotebookRenderer.capped(text.toString()));
        assertEquals(NotebookRenderer.MAX_OUTPUT_LINES + 1, lines.size());
        assertEquals("line 1", lines.get(0));
        assertEquals("… 600 more lines not shown (see the executed notebook) …", lines.get(300));
        assertEquals("line 1000", lines.get(lines.size() - 1));
    }

    @Test
    void veryLongLinesAreCut() {
        String capped = NotebookRenderer.capped("x".repeat(NotebookRenderer.MAX_LINE_CHARS + 10) + "\nshort\n");
        assertEquals(List.of("x".repeat(NotebookRenderer.MAX_LINE_CHARS) + " … (10 more characters)", "short"), Texts.lines(capped));
    }

    @Test
    void htmlTablesParseHeaderBodyCaptionAndEntities() {
        Optional<HtmlTableReader.Table> table = HtmlTableReader.parse("<div><table border=\"1\" class=\"dataframe\"><caption>Sweep</caption>"
                + "<thead><tr style=\"text-align: right;\"><th>lr</th><th>note</th></tr></thead>"
                + "<tbody><tr><td>1e-3</td><td>a &lt; b &amp; c&#33;</td></tr><tr><td>5e-4</td><td><i>ok</i></td></tr></tbody></table></div>");
        assertTrue(table.isPresent());
        assertEquals("Sweep", table.get().caption());
        assertEquals(List.of(List.of("lr", "note")), table.get().header());
        assertEquals(List.of(List.of("1e-3", "a < b & c!"), List.of("5e-4", "ok")), table.get().body());
    }

    @Test
    void htmlWithoutASimpleTableIsRejected() {
        assertTrue(HtmlTableReader.parse("<p>no table</p>").isEmpty());
        assertTrue(HtmlTableReader.parse("<table><tr><td colspan=\"2\">x</td></tr></table>").isEmpty());
    }
}

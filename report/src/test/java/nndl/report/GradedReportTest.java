package nndl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates a report from small executed notebooks and reads the PDF back with PDFBox. */
class GradedReportTest {
    @TempDir
    static Path dir;
    private static GradedReport.Result result;

    @BeforeAll
    static void writeReport() throws IOException {
        ReportFixtures.writeNotebooks(dir.resolve("notebooks"));
        Path sources = ReportFixtures.writeSources(dir);
        result = GradedReport.write(GradedReport.Options.defaults()
                .withNotebooks(dir.resolve("notebooks"))
                .withOut(dir.resolve("out/graded-report.pdf"))
                .withSources(sources)
                .withStudent("Ada Lovelace (UID 123456789)"));
    }

    private static String text(PDDocument document, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(document).replaceAll("\\s+", " ");
    }

    @Test
    void coverHoldsTheScoreTableAndTotals() throws IOException {
        assertEquals(ReportFixtures.TOTAL, result.summary().totalLine());
        try (PDDocument document = Loader.loadPDF(result.pdf().toFile())) {
            String cover = text(document, 1, 2);
            for (String expected : List.of("Neural networks workbook", "Ada Lovelace (UID 123456789)",
                    "Score: 142 / 151 points (19 not graded on this data)", ReportFixtures.SUBSET,
                    "quick (NNDL_PROFILE)", "excluded from the possible total", "7 / 14", "15 / 17", "100 / 100",
                    "142 / 151", "toy_scores", "3.38e-08", "< 1e-07", "4 / 4", "0 / 3", "not run", "not graded on this data",
                    "ungraded · passed", "ungraded · failed", "ungraded · not run", "ramp 0.28 → 0.5")) {
                assertTrue(cover.contains(expected), "cover lacks '" + expected + "':\n" + cover);
            }
        }
    }

    @Test
    void notebooksAppearInOrderWithTheirOutputs() throws IOException {
        try (PDDocument document = Loader.loadPDF(result.pdf().toFile())) {
            String all = text(document, 1, document.getNumberOfPages());
            int previous = -1;
            for (String title : List.of("1. two_layer_nn.ipynb", "2. fc_nets.ipynb", "3. mnist_multilayer.ipynb", "4. backprop_exercises.ipynb",
                    "5. momentum_training.ipynb")) {
                int at = all.indexOf(title);
                assertTrue(at > previous, title + " missing or out of order");
                previous = at;
            }
            assertTrue(all.contains(ReportFixtures.PRINTED), "printed stream output missing");
            assertTrue(all.contains("✓ two_layer_nn.toy_scores: 3.38e-08 < 1e-07 — 4/4 points"), "grade line missing");
            assertTrue(all.contains("In [2]:"), "execution count label missing");
            assertTrue(all.contains("Out[4]:"), "execute_result label missing");
            assertTrue(all.contains("java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds"), "traceback missing");
            assertFalse(all.contains("[1;31m") || all.contains("\u001B"), "ANSI codes left in the traceback");
            assertTrue(all.contains("Sweep results") && all.contains("diverged & dropped"), "HTML table not rendered");
            assertTrue(all.contains("Two-layer neural network") && all.contains("bold"), "markdown text missing");
            assertTrue(all.contains("Unicode: αβγ ∇ ≤ × ?? ok."), "unicode text (with '?' for glyphs DejaVu lacks) missing");
            assertFalse(all.contains("$x^2$") || all.contains("\\frac"), "math left as raw LaTeX");
            assertTrue(all.contains("nndl/layers/Layers.java") && all.contains("nndl/optim/Optim.java"), "appendix file headers missing");
            assertTrue(all.contains("Affine layer — out = x·W + b."), "unicode source text missing");
            assertTrue(all.contains("Not present: nets, neuralnet, solver, gradcheck, multilayer"), "missing folders not listed");
        }
    }

    @Test
    void everyPageIsNumberedAndThePageCountIsPlausible() throws IOException {
        try (PDDocument document = Loader.loadPDF(result.pdf().toFile())) {
            int pages = document.getNumberOfPages();
            assertEquals(result.pages(), pages);
            assertTrue(pages >= 7 && pages <= 30, "unexpected page count " + pages);
            for (int i = 1; i <= pages; i++) {
                assertTrue(text(document, i, i).contains("page " + i + " of " + pages), "page " + i + " has no page number");
            }
        }
    }

    @Test
    void outlineHasCoverNotebooksAndAppendix() throws IOException {
        try (PDDocument document = Loader.loadPDF(result.pdf().toFile())) {
            List<String> titles = new ArrayList<>();
            List<PDOutlineItem> items = new ArrayList<>();
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
                items.add(item);
            }
            assertEquals(List.of("Cover and scores", "1. two_layer_nn.ipynb", "2. fc_nets.ipynb", "3. mnist_multilayer.ipynb",
                    "4. backprop_exercises.ipynb", "5. momentum_training.ipynb", "Appendix: graded library sources"), titles);
            List<String> appendix = new ArrayList<>();
            items.get(6).children().forEach(child -> appendix.add(child.getTitle()));
            assertEquals(List.of("nndl/layers/Layers.java", "nndl/optim/Optim.java"), appendix);
            assertEquals("Two-layer neural network", items.get(1).getFirstChild().getTitle());
            PDPage notebookPage = items.get(2).findDestinationPage(document);
            assertTrue(text(document, document.getPages().indexOf(notebookPage) + 1, document.getPages().indexOf(notebookPage) + 1)
                    .startsWith("2. fc_nets.ipynb"), "fc_nets entry does not point at the page starting that notebook");
        }
    }

    @Test
    void mathAndPlotsAreImagesAndFontsAreEmbeddedTrueType() throws IOException {
        try (PDDocument document = Loader.loadPDF(result.pdf().toFile())) {
            int images = 0;
            boolean chart = false;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images++;
                        chart |= image.getWidth() == 640 && image.getHeight() == 400;
                    }
                }
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded() && font.getName().contains("DejaVu"), "font " + font.getName());
                }
            }
            assertTrue(chart, "the 640×400 PNG output is not in the PDF at its own resolution");
            // formulas: x^2, a/b, c, alpha, xW + b, x in R^{NxD}, A^[l]..., the backprop display: at least 7 more than the chart.
            assertTrue(images >= 8, "expected the chart and at least 7 rendered formulas, found " + images + " images");
        }
    }

    @Test
    void missingNotebooksFolderIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradedReport.write(
                GradedReport.Options.defaults().withNotebooks(dir.resolve("nowhere")).withOut(dir.resolve("x.pdf"))));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void missingFontsAreAClearError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-fonts"));
        System.setProperty(Fonts.DIR_PROPERTY, empty.toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> GradedReport.write(
                    GradedReport.Options.defaults().withNotebooks(dir.resolve("notebooks")).withOut(dir.resolve("y.pdf"))));
            assertTrue(e.getMessage().contains("fonts-dejavu-core") && e.getMessage().contains("DejaVuSans.ttf"), e.getMessage());
        } finally {
            System.clearProperty(Fonts.DIR_PROPERTY);
        }
    }
}

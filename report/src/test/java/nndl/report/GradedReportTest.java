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
    void aJudgedReportShowsTheJudgesVerdictPerExerciseAboveTheNotebooksOwnChecks(@TempDir Path judged) throws IOException {
        Path file = judged.resolve("judge.json");
        Files.writeString(file, """
                {"source": "the judge (public and hidden cases)", "earned": 4.0, "possible": 7, "notGraded": 13,
                 "exercises": [
                  {"id": "TwoLayerNet.scores", "notebook": "two_layer_nn", "points": 4, "earned": 4.0, "graded": true,
                   "line": "✓ TwoLayerNet.scores: 4 / 4 points, passed", "cases": []},
                  {"id": "TwoLayerNet.loss", "notebook": "two_layer_nn", "points": 3, "earned": 0.0, "graded": true,
                   "line": "✗ TwoLayerNet.loss: 0 / 3 points, failed", "cases": ["    ✗ TwoLayerNet.loss · hidden case 2 (N=7, seed 11): loss differs by 0.25"]},
                  {"id": "TwoLayerNet.cifar_accuracy", "notebook": "two_layer_nn", "points": 13, "earned": 0.0, "graded": false,
                   "line": "– TwoLayerNet.cifar_accuracy: 13 points not graded on this data", "cases": []}]}
                """);
        GradedReport.Result withJudge = GradedReport.write(GradedReport.Options.defaults()
                .withNotebooks(dir.resolve("notebooks"))
                .withOut(judged.resolve("graded-report.pdf"))
                .withSources(ReportFixtures.writeSources(judged))
                .withStudent("Ada Lovelace (UID 123456789)")
                .withJudge(file));
        try (PDDocument document = Loader.loadPDF(withJudge.pdf().toFile())) {
            String cover = text(document, 1, 2);
            int judge = cover.indexOf("Verdict (the judge (public and hidden cases))");
            int notebooks = cover.indexOf("The notebooks' own checks");
            assertTrue(judge > 0 && notebooks > judge, "the judge's table first, then the notebooks' checks:\n" + cover);
            for (String expected : List.of("Score: 4 / 7 points, 13 not graded on this data", "TwoLayerNet.scores 4 / 4 passed",
                    "TwoLayerNet.loss 0 / 3 failed hidden case 2 (N=7, seed 11): loss differs by 0.25",
                    "TwoLayerNet.cifar_accuracy (13) 13 points not graded on this data", "Total 4 / 7",
                    "the notebook's own subtotal (not counted)")) {
                assertTrue(cover.contains(expected), "cover lacks '" + expected + "':\n" + cover);
            }
            assertFalse(cover.substring(notebooks).contains("Total 142 / 151"), "the notebooks' total is not a second total");
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
            assertTrue(all.contains("lib/src/main/java/nndl/layers/Layers.java:12-14"), "appendix block location missing");
            assertTrue(all.contains(ReportFixtures.BLOCK_LINE), "unicode source text of the block missing");
        }
    }

    @Test
    void appendixHoldsOnlyTheExerciseBlocksUnderTheirSignatures() throws IOException {
        try (PDDocument document = Loader.loadPDF(result.pdf().toFile())) {
            PDOutlineItem appendix = null;
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                appendix = item;
            }
            int first = document.getPages().indexOf(appendix.findDestinationPage(document)) + 1;
            String text = text(document, first, document.getNumberOfPages());
            assertTrue(text.startsWith(SourceAppendix.TITLE), text);
            for (String expected : List.of("Layers.affineForward — affine forward", "lib/src/main/java/nndl/layers/Layers.java:12-14",
                    "public static double[] affineForward(double[] x,", "double w) {", "for (int i = 0; i < x.length; i++) {",
                    ReportFixtures.BLOCK_LINE, "Layers.relu — relu forward", "lib/src/main/java/nndl/layers/Layers.java:21",
                    "static int relu(int v) {", "return Math.max(0, v);", "2 blocks.")) {
                assertTrue(text.contains(expected), "appendix lacks '" + expected + "':\n" + text);
            }
            for (String outside : List.of("package nndl", "class comment", "Javadoc of affineForward", "0123456789",
                    "double[] out = new double[x.length]", "return out;", "notAnExercise", "Optim",
                    "BEGIN YOUR CODE Layers", "BEGIN SOLUTION Layers", "END YOUR CODE //", "Layers.java (")) {
                assertFalse(text.contains(outside), "appendix holds '" + outside + "', which is not in an exercise block:\n" + text);
            }
            // the file's own line numbers in the gutter: the signature at 8, the block's first line at 12
            assertTrue(text.contains("8 public static double[] affineForward") && text.contains("12 for (int i"), text);
        }
    }

    @Test
    void noAbsolutePathOfTheMachineIsPrinted() throws IOException {
        try (PDDocument document = Loader.loadPDF(result.pdf().toFile())) {
            String all = new PDFTextStripper().getText(document);
            assertTrue(all.contains("saved notebooks/two_layer_nn.ipynb"), "a path in the tree is not shown relative to it");
            List<String> machine = new ArrayList<>(List.of(dir.toString(), dir.toRealPath().toString(),
                    System.getProperty("java.io.tmpdir") + "/", System.getProperty("user.dir") + "/"));
            if (System.getProperty("user.home").length() > 1) {
                machine.add(System.getProperty("user.home") + "/");
            }
            for (String path : machine) {
                assertFalse(all.contains(path), "the PDF prints the machine's folder " + path);
            }
            assertFalse(document.getDocumentInformation().getAuthor().startsWith("/"), "author is a path");
        }
    }

    @Test
    void codeIsColouredKeywordsInTheBoldMonospaceFace() throws IOException {
        try (PDDocument document = Loader.loadPDF(result.pdf().toFile())) {
            List<String> boldWords = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) throws IOException {
                    StringBuilder word = new StringBuilder();
                    for (org.apache.pdfbox.text.TextPosition position : positions) {
                        if (position.getFont().getName().contains("SansMono-Bold")) {
                            word.append(position.getUnicode());
                        } else if (word.length() > 0) {
                            boldWords.add(word.toString().strip());
                            word.setLength(0);
                        }
                    }
                    if (word.length() > 0) {
                        boldWords.add(word.toString().strip());
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
            // keywords of a notebook cell ("int[] a = new int[2]") and of the appendix ("for (int i", "return")
            for (String keyword : List.of("int", "new", "for", "return", "double")) {
                assertTrue(boldWords.contains(keyword), "keyword '" + keyword + "' not set in bold monospace: " + boldWords);
            }
            assertFalse(boldWords.contains("Math") || boldWords.contains("x.length"), "identifiers set as keywords: " + boldWords);
        }
    }

    @Test
    void pdfCheckPassesThisReportAndNamesWhatIsWrongOtherwise() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream errStream = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
        java.io.PrintStream out = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        assertEquals(0, PdfCheck.run(new String[] {"--tree", dir.toString(), "--max-pages", "30", "--student",
                "Ada Lovelace (UID 123456789)", result.pdf().toString()}, out, errStream), err.toString());
        assertEquals(1, PdfCheck.run(new String[] {"--tree", dir.toString(), "--max-pages", "3", "--student", "Grace",
                result.pdf().toString()}, out, errStream));
        assertTrue(err.toString().contains("more than 3") && err.toString().contains("'Student: Grace'"), err.toString());
    }

    @Test
    void theCoverSaysWhenNoStudentIdIsSet() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("NNDL_STUDENT") == null, "NNDL_STUDENT is set here");
        assertEquals(GradedReport.STUDENT_NOT_SET, GradedReport.Options.defaults().student());
        assertTrue(GradedReport.STUDENT_NOT_SET.contains("NNDL_STUDENT"));
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
                    "4. backprop_exercises.ipynb", "5. momentum_training.ipynb", SourceAppendix.TITLE), titles);
            List<String> appendix = new ArrayList<>();
            items.get(6).children().forEach(child -> appendix.add(child.getTitle()));
            assertEquals(List.of("Layers.affineForward: affine forward", "Layers.relu: relu forward"), appendix);
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

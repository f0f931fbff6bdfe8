package nndl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where things land on the pages: an Out[N] label and its image. */
class ReportLayoutTest {
    private static final int PAIRS = 12;

    @TempDir
    Path dir;

    /**
     * Cells printing 2, 9, 16, ... lines, each followed by a cell whose result is a plot 500 + N pixels
     * wide, so that some labels fall near the bottom of a page: each label shares its page with its plot.
     */
    @Test
    void anOutLabelStaysOnThePageOfItsImage() throws IOException {
        NotebookJson notebook = new NotebookJson();
        for (int n = 1; n <= PAIRS; n++) {
            notebook.code("print(" + n + ")", NotebookJson.stream("stdout", "line\n".repeat(2 + 7 * n)));
            JsonObject plot = NotebookJson.png(image(500 + n));
            plot.addProperty("output_type", "execute_result");
            plot.addProperty("execution_count", 100 + n);
            notebook.code("plot(" + n + ")", plot);
        }
        java.nio.file.Files.createDirectories(dir.resolve("notebooks"));
        notebook.write(dir.resolve("notebooks").resolve("layout.ipynb"));
        GradedReport.Result result = GradedReport.write(GradedReport.Options.defaults().withNotebooks(dir.resolve("notebooks"))
                .withOut(dir.resolve("layout.pdf")).withSources(ReportFixtures.writeSources(dir)).withStudent("s"));
        try (PDDocument document = Loader.loadPDF(result.pdf().toFile())) {
            List<Integer> imagePage = new ArrayList<>();
            for (int n = 0; n <= PAIRS; n++) {
                imagePage.add(-1);
            }
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                PDPage page = document.getPage(p);
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image && image.getWidth() > 500) {
                        imagePage.set(image.getWidth() - 500, p + 1);
                    }
                }
            }
            for (int n = 1; n <= PAIRS; n++) {
                String label = "Out[" + (100 + n) + "]:";
                int labelPage = -1;
                for (int p = 1; p <= document.getNumberOfPages() && labelPage < 0; p++) {
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setStartPage(p);
                    stripper.setEndPage(p);
                    String text = stripper.getText(document).strip();
                    if (text.contains(label)) {
                        labelPage = p;
                    }
                }
                assertTrue(labelPage > 0, label + " missing");
                assertEquals(labelPage, imagePage.get(n), label + " is on page " + labelPage + ", its plot on page " + imagePage.get(n));
            }
        }
    }

    private static BufferedImage image(int width) {
        BufferedImage image = new BufferedImage(width, 380, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, 380);
        g.setColor(Color.BLUE);
        g.drawLine(0, 379, width - 1, 0);
        g.dispose();
        return image;
    }
}

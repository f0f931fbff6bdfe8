package nndl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.ServiceLoader;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

class NotebookRenderersTest {

    private static Renderer renderer() {
        Renderer renderer = new Renderer();
        NotebookRenderers.register(renderer);
        return renderer;
    }

    @Test
    void xyChartRendersAsPngOfItsSize() throws IOException {
        XYChart chart = Plots.accuracyHistory(new double[] {0.1, 0.3}, new double[] {0.1, 0.25});
        DisplayData data = renderer().render(chart);
        BufferedImage png = decode(data);
        assertEquals(700, png.getWidth());
        assertEquals(450, png.getHeight());
        String text = (String) data.getData(MIMEType.TEXT_PLAIN);
        assertEquals("XYChart 'Accuracy' 700×450, series: train, val, 0.5", text);
    }

    @Test
    void anyChartSubclassAndFiguresRenderAsPng() throws IOException {
        CategoryChart bars = new CategoryChartBuilder().width(300).height(200).title("bars").build();
        bars.addSeries("s", new double[] {1, 2}, new double[] {3, 4});
        BufferedImage png = decode(renderer().render(bars));
        assertEquals(300, png.getWidth());
        assertEquals(200, png.getHeight());

        Figure figure = Plots.solverSummary(new double[] {2, 1}, new double[] {0.1, 0.2}, new double[] {0.1, 0.2});
        DisplayData data = renderer().render(figure);
        BufferedImage stacked = decode(data);
        assertEquals(700, stacked.getWidth());
        assertEquals(800, stacked.getHeight());
        assertEquals(figure.toString(), data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void tableRendersAsHtmlWithHeaderAndSortedRows() {
        Table table = Tables.sweep()
                .row(1e-4, 0.25, 0.95, 1000, 0.287, "ok")
                .row(5e-3, 0.25, 0.6, 1000, 0.513, "ok")
                .row(1e-2, 0.25, 0.95, 1000, 0.087, "diverged at iteration 37 <NaN>")
                .build();
        DisplayData data = renderer().render(table);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertNotNull(html, "text/html present");
        assertTrue(html.contains("<caption>Hyperparameter sweep</caption>"), html);
        for (String header : table.columnNames()) {
            assertTrue(html.contains(">" + header + "</th>"), header + " in " + html);
        }
        int best = html.indexOf(">0.513</td>");
        int middle = html.indexOf(">0.287</td>");
        int worst = html.indexOf(">0.087</td>");
        assertTrue(best > 0 && best < middle && middle < worst, html);
        assertTrue(html.contains(">0.0001</td>") && html.contains("&lt;NaN&gt;"), html);
        assertFalse(html.contains("Showing the first"));
        assertEquals(table.print(), data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void longTablesAreCutWithANote() {
        Tables.Builder builder = Tables.builder("many", "i");
        for (int i = 0; i < 250; i++) {
            builder.row(i);
        }
        String html = HtmlTables.toHtml(builder.build());
        assertEquals(200, html.split("<tr>", -1).length - 2, "200 body rows besides the header row");
        assertTrue(html.contains("Showing the first 200 of 250 rows."), html);
    }

    @Test
    void extensionIsRegisteredAsAService() {
        boolean found = ServiceLoader.load(Extension.class).stream()
                .anyMatch(provider -> provider.type() == NotebookRenderers.class);
        assertTrue(found, "META-INF/services lists nndl.viz.NotebookRenderers");
    }

    static BufferedImage decode(DisplayData data) throws IOException {
        Object png = data.getData(MIMEType.IMAGE_PNG);
        assertNotNull(png, "image/png present");
        String base64 = (String) png;
        assertFalse(base64.contains("\n"), "no line breaks");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        assertNotNull(image, "the PNG decodes");
        return image;
    }
}

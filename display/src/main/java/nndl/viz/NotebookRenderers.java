package nndl.viz;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;
import tech.tablesaw.api.Table;

/**
 * The library's display hooks for a JJava-style kernel, found through
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension} when the library jar is added with
 * {@code %classpath}: an XChart chart (any {@code Chart} subclass) and a {@link Figure} show as
 * {@code image/png} with a one-line {@code text/plain}, and so does a computational {@link Graph}
 * (drawn by Graphviz); a Tablesaw {@link Table} shows as
 * {@code text/html} ({@link HtmlTables}) with {@code table.print()} as {@code text/plain}.
 * {@code BufferedImage}s (grids) need nothing here: the kernel shows images itself.
 */
public final class NotebookRenderers implements Extension {

    /** The no-argument constructor the service loader calls. */
    public NotebookRenderers() {
    }

    /**
     * Registers the renderers on the kernel's renderer. A kernel that installs this extension before
     * XChart and Tablesaw are on its classpath (a stock JJava installs it the moment this jar is
     * added) gets a line on stderr naming what is missing instead of an error that aborts the cell.
     *
     * @param kernel the running kernel; its renderer is modified (gains registrations)
     */
    @Override
    public void install(BaseKernel kernel) {
        try {
            register(kernel.getRenderer());
        } catch (LinkageError e) {
            System.err.println("nndl-display: charts and tables will show as text: " + e.getMessage().replace('/', '.')
                    + " is not on the classpath; add display/target/dependency/*.jar before nndl-display.jar");
        }
    }

    /**
     * Registers renderers for charts, figures, graphs and tables on {@code renderer}; a kernel calls this
     * through {@link #install}, tests on a {@code new Renderer()}.
     *
     * @param renderer the renderer; modified (gains four registrations)
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void register(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((chart, context) -> {
                    Chart<?, ?> c = (Chart<?, ?>) chart;
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64Png(Plots.image(c)));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describe(c));
                });
        renderer.createRegistration(Figure.class)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((figure, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64Png(figure.image()));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, figure::toString);
                });
        renderer.createRegistration(Graph.class)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((graph, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64Png(graph.image()));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, graph::toString);
                });
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((table, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> HtmlTables.toHtml(table));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print());
                });
    }

    /**
     * The PNG encoding of {@code image} in base64 without line breaks, as Jupyter's
     * {@code image/png} data expects.
     *
     * @param image the picture; not modified
     */
    public static String base64Png(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("base64Png: no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("base64Png: could not encode the image", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** One line naming the chart: type, title, size and the names of its drawn series. */
    static String describe(Chart<?, ?> chart) {
        String series = chart.getSeriesMap().values().stream().filter(Series::isEnabled)
                .map(Series::getName).collect(Collectors.joining(", "));
        return chart.getClass().getSimpleName() + " '" + chart.getTitle() + "' " + chart.getWidth() + "×"
                + chart.getHeight() + ", series: " + (series.isEmpty() ? "none" : series);
    }
}

package nndl.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;

/**
 * Charts stacked top to bottom in one picture, the stand-in for matplotlib's
 * {@code plt.subplot(n, 1, i)} (XChart has no subplots). The panels stay ordinary charts that a
 * notebook can restyle ({@code figure.panel(0).setTitle(...)}); {@link #image()} paints them into
 * one image, and the notebook renderers show a figure as that image.
 *
 * @param panels the charts, top first (at least one); the list is copied, the charts are shared
 */
public record Figure(List<XYChart> panels) {

    /** Validates and copies the panel list. */
    public Figure {
        if (panels == null || panels.isEmpty()) {
            throw new IllegalArgumentException("Figure: needs at least one panel");
        }
        panels = List.copyOf(panels);
    }

    /**
     * A figure of {@code panels}, top first.
     *
     * @param panels the charts (at least one); shared, not copied
     */
    public static Figure of(XYChart... panels) {
        return new Figure(List.of(panels));
    }

    /**
     * Panel {@code index} (0 is the top one), for restyling.
     *
     * @param index 0 ≤ index &lt; number of panels
     */
    public XYChart panel(int index) {
        if (index < 0 || index >= panels.size()) {
            throw new IllegalArgumentException("Figure.panel: index " + index + " but the figure has "
                    + panels.size() + " panels");
        }
        return panels.get(index);
    }

    /** Width of the picture: the widest panel, in pixels. */
    public int width() {
        return panels.stream().mapToInt(XYChart::getWidth).max().orElseThrow();
    }

    /** Height of the picture: the panels' heights added up, in pixels. */
    public int height() {
        return panels.stream().mapToInt(XYChart::getHeight).sum();
    }

    /** Paints the panels top to bottom on a white background, each at its own size, left aligned. */
    public BufferedImage image() {
        BufferedImage out = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            int top = 0;
            for (XYChart panel : panels) {
                g.drawImage(Plots.image(panel), 0, top, null);
                top += panel.getHeight();
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    @Override
    public String toString() {
        String titles = panels.stream().map(p -> "'" + p.getTitle() + "'").collect(Collectors.joining(", "));
        return "Figure " + width() + "×" + height() + ", " + panels.size() + " panels: " + titles;
    }
}

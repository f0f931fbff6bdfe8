package nndl.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Renders LaTeX with jlatexmath into a transparent bitmap at {@value #PIXELS_PER_POINT} pixels per
 * point (about 290 dpi) and scales it back to the text size, so formulas stay sharp when printed.
 * Identical formulas share one image in the PDF.
 */
final class MathRenderer {
    private static final float PIXELS_PER_POINT = 4f;

    private final PDDocument document;
    private final Map<String, Optional<Rendered>> cache = new HashMap<>();

    private record Rendered(PDImageXObject image, float width, float height, float depth) {
    }

    MathRenderer(PDDocument document) {
        this.document = document;
    }

    /**
     * Returns {@code latex} as a picture sized for text of {@code fontSize} points and no wider than
     * {@code maxWidth}, or empty when jlatexmath cannot parse it (the caller then shows the source).
     *
     * @param display true for display style ($$...$$), false for inline style ($...$)
     */
    Optional<Inline.Picture> render(String latex, boolean display, float fontSize, float maxWidth) {
        String key = (display ? "D" : "T") + fontSize + "|" + latex;
        return cache.computeIfAbsent(key, k -> draw(latex, display, fontSize)).map(r -> {
            float scale = r.width() > maxWidth ? maxWidth / r.width() : 1f;
            return new Inline.Picture(r.image(), r.width() * scale, r.height() * scale, r.depth() * scale, latex, display);
        });
    }

    /**
     * Cuts the empty columns jlatexmath leaves left and right of a formula, so inline math sits one
     * word space from its neighbours; rows are kept so the baseline does not move.
     */
    private static BufferedImage trimSides(BufferedImage bitmap) {
        int left = 0;
        int right = bitmap.getWidth() - 1;
        while (left < right && emptyColumn(bitmap, left)) {
            left++;
        }
        while (right > left && emptyColumn(bitmap, right)) {
            right--;
        }
        left = Math.max(0, left - 2);
        right = Math.min(bitmap.getWidth() - 1, right + 2);
        return bitmap.getSubimage(left, 0, right - left + 1, bitmap.getHeight());
    }

    private static boolean emptyColumn(BufferedImage bitmap, int x) {
        for (int y = 0; y < bitmap.getHeight(); y++) {
            if ((bitmap.getRGB(x, y) >>> 24) != 0) {
                return false;
            }
        }
        return true;
    }

    private Optional<Rendered> draw(String latex, boolean display, float fontSize) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(latex).createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT,
                    fontSize * 1.05f * PIXELS_PER_POINT);
        } catch (ParseException | IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
        int width = Math.max(1, icon.getIconWidth());
        int height = Math.max(1, icon.getIconHeight());
        BufferedImage bitmap = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = bitmap.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            icon.setForeground(Color.BLACK);
            icon.paintIcon(null, g, 0, 0);
        } finally {
            g.dispose();
        }
        BufferedImage trimmed = trimSides(bitmap);
        try {
            PDImageXObject image = LosslessFactory.createFromImage(document, trimmed);
            return Optional.of(new Rendered(image, trimmed.getWidth() / PIXELS_PER_POINT, height / PIXELS_PER_POINT,
                    icon.getIconDepth() / PIXELS_PER_POINT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package nndl.report;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * The report's pages and a vertical cursor: blocks ask for room with {@link #ensure(float)}, draw
 * at the cursor and move it down; a new A4 page starts when the room runs out. Coordinates are PDF
 * points with the origin at the bottom left.
 */
final class PageWriter implements Closeable {
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 54f;
    static final float TOP = PAGE.getHeight() - 50f;
    /** Leaves room for the page-number footer. */
    static final float BOTTOM = 58f;

    final PDDocument document;
    final Fonts fonts;
    private final MachinePaths paths;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPage page;
    private PDPageContentStream content;
    private float y;

    PageWriter(PDDocument document, Fonts fonts) {
        this(document, fonts, MachinePaths.none());
    }

    /** A writer that rewrites the machine's folders in every text it draws ({@link MachinePaths}). */
    PageWriter(PDDocument document, Fonts fonts, MachinePaths paths) {
        this.document = document;
        this.fonts = fonts;
        this.paths = paths;
    }

    /** Returns {@code text} with the machine's absolute folders rewritten (see {@link MachinePaths}). */
    String redact(String text) {
        return paths.redact(text);
    }

    /** Left edge of the text column. */
    float left() {
        return MARGIN;
    }

    /** Width of the text column. */
    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    /** Height available on an empty page. */
    float pageHeight() {
        return TOP - BOTTOM;
    }

    /** The cursor: the top of the next thing to draw. */
    float y() {
        return y;
    }

    /** Moves the cursor down by {@code dy} points (without starting a page). */
    void down(float dy) {
        y -= dy;
    }

    /** Adds vertical space unless the cursor is at the top of a page. */
    void gap(float dy) {
        if (page != null && y < TOP) {
            y = Math.max(BOTTOM, y - dy);
        }
    }

    /** Starts a new page and returns it. */
    PDPage newPage() {
        closeContent();
        page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
        return page;
    }

    /** Starts a new page when fewer than {@code height} points remain on this one. */
    void ensure(float height) {
        if (page == null || y - height < BOTTOM) {
            newPage();
        }
    }

    /** Returns the points left above the bottom margin. */
    float remaining() {
        return page == null ? 0 : y - BOTTOM;
    }

    PDPage page() {
        if (page == null) {
            newPage();
        }
        return page;
    }

    List<PDPage> pages() {
        return pages;
    }

    /** Draws {@code text} (made printable first, the machine's folders rewritten) with its baseline at {@code baseline}. */
    void text(float x, float baseline, String text, Inline.Style style) {
        redactedText(x, baseline, paths.redact(text), style);
    }

    /**
     * Draws {@code text} whose folders were already rewritten ({@link #redact}) as a whole: a piece of
     * a wrapped line may start inside a relative path, which must not read as absolute.
     */
    void redactedText(float x, float baseline, String text, Inline.Style style) {
        String printable = fonts.printable(style.font(), text);
        if (printable.isEmpty()) {
            return;
        }
        try {
            content.beginText();
            content.setFont(style.font(), style.size());
            content.setNonStrokingColor(style.color());
            content.setTextMatrix(new Matrix(1, 0, style.slanted() ? 0.21f : 0f, 1, x, baseline));
            content.showText(printable);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills the rectangle with bottom-left corner (x, bottom). */
    void fill(float x, float bottom, float w, float h, Color color) {
        try {
            content.setNonStrokingColor(color);
            content.addRect(x, bottom, w, h);
            content.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strokes a line from (x1, y1) to (x2, y2). */
    void line(float x1, float y1, float x2, float y2, float lineWidth, Color color) {
        try {
            content.setStrokingColor(color);
            content.setLineWidth(lineWidth);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws {@code image} scaled into the box with bottom-left corner (x, bottom). */
    void image(PDImageXObject image, float x, float bottom, float w, float h) {
        try {
            content.drawImage(image, x, bottom, w, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }

    @Override
    public void close() {
        closeContent();
    }
}

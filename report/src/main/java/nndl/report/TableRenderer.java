package nndl.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws a simple grid table: columns sized to their content (shrunk proportionally when the page
 * is too narrow), cells wrapped, header rows bold and repeated after a page break.
 */
final class TableRenderer {
    private static final float PAD_X = 4f;
    private static final float PAD_Y = 2.5f;
    private static final Color RULE = new Color(120, 120, 120);
    private static final Color LIGHT_RULE = new Color(215, 215, 215);

    /** One cell: its content and horizontal alignment. */
    record Cell(List<Inline> content, InlineLayout.Align align) {
    }

    /** One row; {@code background} may be null. Header rows are repeated on each page. */
    record Row(List<Cell> cells, boolean header, Color background) {
    }

    private final InlineLayout layout;

    TableRenderer(InlineLayout layout) {
        this.layout = layout;
    }

    /**
     * Returns column widths summing to at most {@code width}, or empty when the columns cannot fit
     * without breaking words.
     */
    Optional<float[]> columnWidths(List<Row> rows, float width) {
        int columns = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        float[] natural = new float[columns];
        float[] minimum = new float[columns];
        for (Row row : rows) {
            for (int c = 0; c < row.cells().size(); c++) {
                List<Inline> content = row.cells().get(c).content();
                natural[c] = Math.max(natural[c], layout.naturalWidth(content) + 2 * PAD_X);
                minimum[c] = Math.max(minimum[c], layout.longestWord(content) + 2 * PAD_X);
            }
        }
        float naturalTotal = sum(natural);
        if (naturalTotal <= width) {
            return Optional.of(natural);
        }
        float minimumTotal = sum(minimum);
        if (minimumTotal > width) {
            return Optional.empty();
        }
        float[] widths = new float[columns];
        float spare = width - minimumTotal;
        float wanted = naturalTotal - minimumTotal;
        for (int c = 0; c < columns; c++) {
            widths[c] = minimum[c] + spare * (natural[c] - minimum[c]) / wanted;
        }
        return Optional.of(widths);
    }

    /**
     * Returns widths where every column but {@code flexible} keeps its natural width and
     * {@code flexible} takes the rest (its text wraps); falls back to {@link #forcedWidths}.
     */
    float[] flexibleWidths(List<Row> rows, float width, int flexible) {
        Optional<float[]> natural = columnWidths(rows, Float.MAX_VALUE);
        if (natural.isEmpty() || flexible >= natural.get().length) {
            return forcedWidths(rows, width);
        }
        float[] widths = natural.get();
        float others = sum(widths) - widths[flexible];
        float flexibleMinimum = 0;
        for (Row row : rows) {
            if (flexible < row.cells().size()) {
                flexibleMinimum = Math.max(flexibleMinimum, layout.longestWord(row.cells().get(flexible).content()) + 2 * PAD_X);
            }
        }
        if (others + flexibleMinimum > width) {
            return forcedWidths(rows, width);
        }
        widths[flexible] = Math.min(widths[flexible], width - others);
        return widths;
    }

    /** Returns widths that always fit: the computed ones, or an even split of {@code width}. */
    float[] forcedWidths(List<Row> rows, float width) {
        return columnWidths(rows, width).orElseGet(() -> {
            int columns = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(1);
            float[] even = new float[columns];
            java.util.Arrays.fill(even, width / columns);
            return even;
        });
    }

    /** Draws {@code rows} at the cursor starting at {@code x} with the given column widths. */
    void draw(PageWriter writer, List<Row> rows, float x, float[] widths) {
        List<Row> headers = new ArrayList<>();
        float total = sum(widths);
        boolean bodyStarted = false;
        writer.ensure(Math.min(leadingHeight(rows, widths), writer.pageHeight()));
        for (Row row : rows) {
            int pagesBefore = writer.pages().size();
            List<List<InlineLayout.Line>> cells = layoutRow(row, widths);
            float height = rowHeight(cells);
            writer.ensure(height);
            if (writer.pages().size() != pagesBefore && !row.header() && bodyStarted) {
                for (Row header : headers) {
                    drawRow(writer, header, layoutRow(header, widths), x, widths, total);
                }
            }
            if (row.header()) {
                headers.add(row);
            } else {
                bodyStarted = true;
            }
            drawRow(writer, row, cells, x, widths, total);
        }
    }

    /** Height of the header rows plus the first body row, kept together on one page. */
    private float leadingHeight(List<Row> rows, float[] widths) {
        float height = 0;
        for (Row row : rows) {
            height += rowHeight(layoutRow(row, widths));
            if (!row.header()) {
                break;
            }
        }
        return height;
    }

    private List<List<InlineLayout.Line>> layoutRow(Row row, float[] widths) {
        List<List<InlineLayout.Line>> cells = new ArrayList<>();
        for (int c = 0; c < row.cells().size() && c < widths.length; c++) {
            cells.add(layout.wrap(row.cells().get(c).content(), widths[c] - 2 * PAD_X));
        }
        return cells;
    }

    private static float rowHeight(List<List<InlineLayout.Line>> cells) {
        float height = 0;
        for (List<InlineLayout.Line> lines : cells) {
            height = Math.max(height, InlineLayout.height(lines));
        }
        return height + 2 * PAD_Y;
    }

    private void drawRow(PageWriter writer, Row row, List<List<InlineLayout.Line>> cells, float x, float[] widths, float total) {
        float height = rowHeight(cells);
        writer.ensure(height);
        float top = writer.y();
        if (row.background() != null) {
            writer.fill(x, top - height, total, height, row.background());
        }
        float cellX = x;
        for (int c = 0; c < cells.size(); c++) {
            float lineTop = top - PAD_Y;
            InlineLayout.Align align = row.cells().get(c).align();
            for (InlineLayout.Line line : cells.get(c)) {
                float advance = InlineLayout.lineAdvance(line);
                float baseline = lineTop - line.ascent() - (advance - line.height()) / 2;
                float inner = widths[c] - 2 * PAD_X;
                float offset = align == InlineLayout.Align.RIGHT ? inner - line.width()
                        : align == InlineLayout.Align.CENTER ? (inner - line.width()) / 2 : 0;
                layout.drawLine(writer, line, cellX + PAD_X + Math.max(0, offset), baseline);
                lineTop -= advance;
            }
            cellX += widths[c];
        }
        writer.down(height);
        writer.line(x, writer.y(), x + total, writer.y(), row.header() ? 0.8f : 0.4f, row.header() ? RULE : LIGHT_RULE);
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}

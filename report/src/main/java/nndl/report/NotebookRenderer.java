package nndl.report;

import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import nndl.grade.GradeResult;
import nndl.grade.RunInfo;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Draws one executed notebook: markdown cells rendered, code cells in monospace on a light band
 * with their execution count, coloured as Java, then their outputs — printed text (stderr greyed,
 * on a warning band only when it reads like a warning or error), results (their Out[N] label kept
 * on the page of the output), tracebacks (ANSI codes removed, on an error band), PNG images fitted
 * to the text width, HTML tables as tables (else their text/plain form), and grade records as their
 * human line, coloured by outcome.
 */
final class NotebookRenderer {
    /** Outputs longer than this many lines keep their head and tail. */
    static final int MAX_OUTPUT_LINES = 400;
    /** Output lines longer than this many characters are cut. */
    static final int MAX_LINE_CHARS = 4000;
    private static final float CELL_GAP = 7f;
    private static final float PIXELS_TO_POINTS = 0.75f;
    private static final float MIN_IMAGE_WIDTH = 220f;
    /** An image is shrunk at most to this fraction of its size to fit the room left on a page. */
    private static final float MIN_IMAGE_SCALE = 0.6f;
    /** The same for an image taller than half a page. */
    private static final float MIN_TALL_IMAGE_SCALE = 0.5f;
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?(\\d[\\d,]*\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?%?|NaN|-?Infinity");

    private final PageWriter writer;
    private final Styles styles;
    private final InlineLayout layout;
    private final MarkdownRenderer markdown;
    private final TableRenderer tables;
    private final Preformatted preformatted;

    NotebookRenderer(PageWriter writer, Styles styles, InlineLayout layout, MarkdownRenderer markdown,
                     TableRenderer tables, Preformatted preformatted) {
        this.writer = writer;
        this.styles = styles;
        this.layout = layout;
        this.markdown = markdown;
        this.tables = tables;
        this.preformatted = preformatted;
    }

    /** Draws the cells of {@code notebook} at the cursor. */
    void cells(NotebookFile notebook, MarkdownRenderer.HeadingListener headings) {
        for (NotebookFile.Cell cell : notebook.cells()) {
            if (cell instanceof NotebookFile.Markdown md) {
                markdown.render(md.source(), writer.left(), writer.width(), headings);
            } else if (cell instanceof NotebookFile.Code code) {
                code(code);
            } else if (cell instanceof NotebookFile.Raw raw && !raw.source().isBlank()) {
                preformatted.draw(writer, raw.source(), writer.left(), writer.width(), styles.code, null, false);
            }
            writer.gap(CELL_GAP);
        }
    }

    private void code(NotebookFile.Code code) {
        String count = code.executionCount() == null ? " " : code.executionCount().toString();
        label("In [" + count + "]:", styles.code.size() * 2.5f);
        preformatted.drawJava(writer, code.source().isEmpty() ? " " : code.source(), writer.left(), writer.width(),
                styles.code, Styles.CODE_BACKGROUND);
        List<NotebookFile.Output> outputs = mergeStreams(code.outputs());
        for (NotebookFile.Output output : outputs) {
            writer.gap(3f);
            output(output);
        }
    }

    /** Draws an In/Out label, on a new page unless {@code keepWith} points of what follows fit below it. */
    private void label(String text, float keepWith) {
        writer.ensure(labelHeight() + keepWith);
        writer.text(writer.left(), writer.y() - styles.label.size(), text, styles.label);
        writer.down(labelHeight());
    }

    private float labelHeight() {
        return styles.label.size() * 1.4f;
    }

    private static List<NotebookFile.Output> mergeStreams(List<NotebookFile.Output> outputs) {
        List<NotebookFile.Output> merged = new ArrayList<>();
        for (NotebookFile.Output output : outputs) {
            int last = merged.size() - 1;
            if (output instanceof NotebookFile.Stream stream && last >= 0
                    && merged.get(last) instanceof NotebookFile.Stream previous && previous.name().equals(stream.name())) {
                merged.set(last, new NotebookFile.Stream(stream.name(), previous.text() + stream.text()));
            } else {
                merged.add(output);
            }
        }
        return merged;
    }

    private void output(NotebookFile.Output output) {
        if (output instanceof NotebookFile.Stream stream) {
            String text = Texts.applyCarriageReturns(Texts.stripAnsi(stream.text()));
            if ("stderr".equals(stream.name()) && !Texts.looksLikeTrouble(text)) {
                // informational lines a library logs on stderr (e.g. which BLAS it uses) are not errors:
                // shown as printed text, only greyed
                printed(text, null, styles.code.withColor(Styles.MUTED));
            } else {
                printed(text, "stderr".equals(stream.name()) ? Styles.STDERR_BACKGROUND : null, styles.code);
            }
        } else if (output instanceof NotebookFile.Error error) {
            String text = error.traceback().isEmpty() ? error.ename() + ": " + error.evalue()
                    : String.join("\n", error.traceback());
            printed(Texts.stripAnsi(text), Styles.ERROR_BACKGROUND, styles.code);
        } else if (output instanceof NotebookFile.Data data) {
            String label = "execute_result".equals(data.outputType())
                    ? "Out[" + (data.executionCount() == null ? " " : data.executionCount()) + "]:" : null;
            data(data, label);
        }
    }

    private void printed(String text, Color background) {
        printed(text, background, styles.code);
    }

    private void printed(String text, Color background, Inline.Style style) {
        if (text.isBlank()) {
            return;
        }
        preformatted.draw(writer, capped(text), writer.left(), writer.width(), style, background, false);
    }

    /**
     * Keeps the first and last lines of a very long output, and the start of a very long line,
     * saying how much was left out.
     */
    static String capped(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : Texts.lines(text)) {
            lines.add(line.length() <= MAX_LINE_CHARS ? line
                    : line.substring(0, MAX_LINE_CHARS) + " … (" + (line.length() - MAX_LINE_CHARS) + " more characters)");
        }
        if (lines.size() <= MAX_OUTPUT_LINES) {
            return String.join("\n", lines);
        }
        int head = MAX_OUTPUT_LINES * 3 / 4;
        int tail = MAX_OUTPUT_LINES - head;
        List<String> kept = new ArrayList<>(lines.subList(0, head));
        kept.add("… " + (lines.size() - head - tail) + " more lines not shown (see the executed notebook) …");
        kept.addAll(lines.subList(lines.size() - tail, lines.size()));
        return String.join("\n", kept);
    }

    /** Draws a MIME bundle; {@code label} (an Out[N] label, or null) stays on the page of its output's start. */
    private void data(NotebookFile.Data data, String label) {
        boolean png = data.text("image/png") != null;
        if (png || data.text("image/jpeg") != null) {
            image(data.text(png ? "image/png" : "image/jpeg"), label);
            return;
        }
        if (label != null) {
            label(label, styles.code.size() * 2.5f);
        }
        JsonObject grade = data.json(GradeResult.MIME_TYPE);
        if (grade != null) {
            grade(data, grade);
        } else if (data.json(RunInfo.MIME_TYPE) != null) {
            String line = data.text("text/plain");
            RunInfo run = RunInfo.fromJson(data.json(RunInfo.MIME_TYPE));
            sansLine(line != null ? line : "Profile: " + run.profile(), styles.bold);
        } else if (data.text("text/html") != null && htmlTable(data.text("text/html"))) {
            return;
        } else if (data.text("text/markdown") != null) {
            markdown.render(data.text("text/markdown"), writer.left(), writer.width(), (level, text, top) -> { });
        } else if (data.text("text/latex") != null) {
            markdown.render("$$" + data.text("text/latex").replaceAll("^\\s*\\$+|\\$+\\s*$", "") + "$$",
                    writer.left(), writer.width(), (level, text, top) -> { });
        } else if (data.text("text/plain") != null) {
            printed(Texts.stripAnsi(data.text("text/plain")), null);
        } else if (data.text("text/html") != null) {
            printed(HtmlTableReader.stripTags(data.text("text/html")).strip(), null);
        }
    }

    private void grade(NotebookFile.Data data, JsonObject json) {
        String line = data.text("text/plain");
        Color color = Styles.MUTED;
        try {
            GradeResult result = GradeResult.fromJson(json);
            if (line == null) {
                line = result.humanLine();
            }
            if (result.status() == GradeResult.Status.GRADED) {
                color = result.passed() ? Styles.PASSED : result.earned() > 0 ? Styles.PARTIAL : Styles.FAILED;
            }
        } catch (IllegalArgumentException e) {
            line = line == null ? "malformed grade record: " + json : line;
        }
        sansLine(line.strip(), styles.bold.withColor(color));
    }

    private void sansLine(String text, Inline.Style style) {
        layout.draw(writer, layout.wrap(List.of(new Inline.Run(text, style)), writer.width()), writer.left(),
                writer.width(), InlineLayout.Align.LEFT);
    }

    /**
     * Draws an image fitted to the text width, with its Out[N] {@code label} (or null) on the same page.
     * When it does not fit below the cursor but most of it would, it is shrunk to the room left rather
     * than leaving that room blank (down to {@link #MIN_IMAGE_SCALE} of its size, {@link #MIN_TALL_IMAGE_SCALE}
     * for a tall one).
     */
    private void image(String base64, String label) {
        BufferedImage bitmap;
        try {
            bitmap = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        } catch (IOException | IllegalArgumentException e) {
            bitmap = null;
        }
        if (bitmap == null) {
            if (label != null) {
                label(label, styles.code.size() * 2.5f);
            }
            printed("[image that could not be decoded]", null);
            return;
        }
        float width = Math.min(writer.width(), Math.max(bitmap.getWidth() * PIXELS_TO_POINTS, MIN_IMAGE_WIDTH));
        float height = width * bitmap.getHeight() / bitmap.getWidth();
        if (height > writer.pageHeight()) {
            width *= writer.pageHeight() / height;
            height = writer.pageHeight();
        }
        PDImageXObject image;
        try {
            image = LosslessFactory.createFromImage(writer.document, bitmap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float above = label == null ? 0 : labelHeight();
        float room = writer.remaining() - above;
        if (height > room) {
            // a tall picture (a grid of weights) stays legible smaller than a chart with its labels
            float minScale = height > writer.pageHeight() / 2 ? MIN_TALL_IMAGE_SCALE : MIN_IMAGE_SCALE;
            if (room >= writer.pageHeight() / 4 && room / height >= minScale) {
                width *= room / height;
                height = room;
            } else {
                writer.newPage();
            }
        }
        if (label != null) {
            label(label, height);
        }
        writer.ensure(height);
        writer.image(image, writer.left() + (writer.width() - width) / 2, writer.y() - height, width, height);
        writer.down(height);
    }

    /** Draws an HTML table as a table; returns false when it is not a simple table or cannot fit. */
    private boolean htmlTable(String html) {
        Optional<HtmlTableReader.Table> parsed = HtmlTableReader.parse(html);
        if (parsed.isEmpty()) {
            return false;
        }
        for (float size : new float[] {8.5f, 7.5f, 6.5f}) {
            List<TableRenderer.Row> rows = rows(parsed.get(), size);
            Optional<float[]> widths = tables.columnWidths(rows, writer.width());
            if (widths.isPresent()) {
                if (parsed.get().caption() != null) {
                    sansLine(parsed.get().caption(), styles.bold.withSize(size + 0.5f));
                }
                tables.draw(writer, rows, writer.left(), widths.get());
                return true;
            }
        }
        return false;
    }

    private List<TableRenderer.Row> rows(HtmlTableReader.Table table, float size) {
        List<InlineLayout.Align> aligns = alignments(table);
        List<TableRenderer.Row> rows = new ArrayList<>();
        for (List<String> header : table.header()) {
            rows.add(row(header, styles.bold.withSize(size), true, aligns));
        }
        for (List<String> body : table.body()) {
            rows.add(row(body, styles.body.withSize(size), false, aligns));
        }
        return rows;
    }

    /** Right-aligns the columns whose body cells are all numbers (or blank). */
    private static List<InlineLayout.Align> alignments(HtmlTableReader.Table table) {
        int columns = 0;
        for (List<String> row : table.body()) {
            columns = Math.max(columns, row.size());
        }
        List<InlineLayout.Align> aligns = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            boolean numeric = !table.body().isEmpty();
            for (List<String> row : table.body()) {
                numeric &= c >= row.size() || row.get(c).isBlank() || NUMBER.matcher(row.get(c).strip()).matches();
            }
            aligns.add(numeric ? InlineLayout.Align.RIGHT : InlineLayout.Align.LEFT);
        }
        return aligns;
    }

    private static TableRenderer.Row row(List<String> cells, Inline.Style style, boolean header, List<InlineLayout.Align> aligns) {
        List<TableRenderer.Cell> row = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            InlineLayout.Align align = c < aligns.size() ? aligns.get(c) : InlineLayout.Align.LEFT;
            row.add(new TableRenderer.Cell(List.of(new Inline.Run(cells.get(c), style)), align));
        }
        return new TableRenderer.Row(row, header, header ? Styles.HEADER_ROW : null);
    }
}

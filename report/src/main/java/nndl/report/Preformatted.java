package nndl.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws preformatted text (code, printed output, sources) in a monospace style, one source line per
 * line, wrapping long lines with a "↪" continuation mark, on an optional background band that
 * continues across page breaks; Java code is coloured token by token ({@link JavaHighlighter}).
 */
final class Preformatted {
    private static final Color CONTINUATION = new Color(150, 150, 150);
    private static final String MARK = "↪ ";
    private static final float PADDING = 3f;
    private static final Color KEYWORD = new Color(0, 60, 160);
    private static final Color STRING = new Color(163, 21, 21);
    private static final Color COMMENT = new Color(80, 120, 90);
    private static final Color NUMBER = new Color(120, 60, 150);
    private static final Color ANNOTATION = new Color(130, 110, 0);

    private final Fonts fonts;

    Preformatted(Fonts fonts) {
        this.fonts = fonts;
    }

    /**
     * Draws {@code text} at the cursor within [x, x + width], in one colour.
     *
     * @param background band colour, or null for none
     * @param gutter     optional line-number gutter: when true, each source line gets its number
     */
    void draw(PageWriter writer, String text, float x, float width, Inline.Style style, Color background, boolean gutter) {
        draw(writer, Texts.lines(text), x, width, style, background, gutter ? 1 : 0, false);
    }

    /**
     * Draws Java code at the cursor within [x, x + width], coloured by {@link JavaHighlighter}.
     *
     * @param background band colour, or null for none
     */
    void drawJava(PageWriter writer, String text, float x, float width, Inline.Style style, Color background) {
        draw(writer, Texts.lines(text), x, width, style, background, 0, true);
    }

    /**
     * Draws lines at the cursor within [x, x + width].
     *
     * @param lines      the lines (not modified)
     * @param background band colour, or null for none
     * @param firstLine  number shown in the gutter for the first line (the next lines count up), or 0 for no gutter
     * @param java       whether to colour the lines as Java code
     */
    void draw(PageWriter writer, List<String> lines, float x, float width, Inline.Style style, Color background,
              int firstLine, boolean java) {
        List<String> shown = new ArrayList<>(lines.size());
        for (String line : lines) {
            shown.add(fonts.printable(style.font(), Texts.expandTabs(writer.redact(line))));
        }
        List<JavaHighlighter.Kind[]> kinds = java ? JavaHighlighter.kinds(shown) : null;
        float lineHeight = style.size() * 1.32f;
        boolean gutter = firstLine > 0;
        int digits = String.valueOf(Math.max(1, firstLine + lines.size() - 1)).length();
        Inline.Style numberStyle = style.withColor(CONTINUATION);
        float numberWidth = gutter ? fonts.width(style.font(), "0".repeat(digits + 1), style.size()) : 0;
        float textX = x + PADDING + numberWidth;
        float textWidth = width - 2 * PADDING - numberWidth;
        float markWidth = fonts.width(style.font(), MARK, style.size());
        band(writer, x, width, PADDING, background, lineHeight);
        for (int n = 0; n < shown.size(); n++) {
            String line = shown.get(n);
            List<int[]> pieces = wrap(line, style, textWidth);
            for (int p = 0; p < pieces.size(); p++) {
                writer.ensure(lineHeight);
                if (background != null) {
                    writer.fill(x, writer.y() - lineHeight, width, lineHeight, background);
                }
                float baseline = writer.y() - style.ascent() - (lineHeight - style.size() * 1.17f) / 2;
                if (gutter && p == 0) {
                    String number = String.valueOf(firstLine + n);
                    writer.text(textX - fonts.width(style.font(), number + " ", style.size()), baseline, number, numberStyle);
                }
                float at = textX;
                if (p > 0) {
                    writer.text(textX, baseline, MARK, numberStyle);
                    at += markWidth;
                }
                int[] piece = pieces.get(p);
                if (kinds == null) {
                    writer.redactedText(at, baseline, line.substring(piece[0], piece[1]), style);
                } else {
                    segments(writer, line, kinds.get(n), piece[0], piece[1], at, baseline, style);
                }
                writer.down(lineHeight);
            }
        }
        band(writer, x, width, PADDING, background, 0);
    }

    /** Draws line[from, to) in runs of one token kind each, starting at {@code x}. */
    private void segments(PageWriter writer, String line, JavaHighlighter.Kind[] kinds, int from, int to, float x,
                          float baseline, Inline.Style style) {
        int start = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || kinds[i] != kinds[start]) {
                String text = line.substring(start, i);
                Inline.Style segment = style(kinds[start], style);
                writer.redactedText(x, baseline, text, segment);
                x += fonts.width(segment.font(), text, segment.size());
                start = i;
            }
        }
    }

    /** The style of a token kind: keywords bold, comments slanted, each kind its colour. */
    private Inline.Style style(JavaHighlighter.Kind kind, Inline.Style base) {
        return switch (kind) {
            case PLAIN -> base;
            case KEYWORD -> base.withFont(fonts.monoBold).withColor(KEYWORD);
            case STRING -> base.withColor(STRING);
            case COMMENT -> base.withColor(COMMENT).withSlant(true);
            case NUMBER -> base.withColor(NUMBER);
            case ANNOTATION -> base.withColor(ANNOTATION);
        };
    }

    /** Draws the band's top or bottom padding (kept with the first line when {@code keepWith} > 0). */
    private static void band(PageWriter writer, float x, float width, float height, Color background, float keepWith) {
        if (background == null) {
            return;
        }
        writer.ensure(height + keepWith);
        writer.fill(x, writer.y() - height, width, height, background);
        writer.down(height);
    }

    /** Splits one line into [start, end) char ranges that fit; pieces after the first leave room for the mark. */
    private List<int[]> wrap(String line, Inline.Style style, float width) {
        List<int[]> pieces = new ArrayList<>();
        float markWidth = fonts.width(style.font(), MARK, style.size());
        int start = 0;
        float used = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            float w = fonts.width(style.font(), new String(Character.toChars(cp)), style.size());
            float room = pieces.isEmpty() ? width : width - markWidth;
            if (used + w > room && i > start) {
                pieces.add(new int[] {start, i});
                start = i;
                used = 0;
            }
            used += w;
            i += Character.charCount(cp);
        }
        pieces.add(new int[] {start, line.length()});
        return pieces;
    }
}

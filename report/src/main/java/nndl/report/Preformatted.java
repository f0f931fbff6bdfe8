package nndl.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws preformatted text (code, printed output, sources) in a monospace style, one source line per
 * line, wrapping long lines with a "↪" continuation mark, on an optional background band that
 * continues across page breaks.
 */
final class Preformatted {
    private static final Color CONTINUATION = new Color(150, 150, 150);
    private static final String MARK = "↪ ";
    private static final float PADDING = 3f;

    private final Fonts fonts;

    Preformatted(Fonts fonts) {
        this.fonts = fonts;
    }

    /**
     * Draws {@code text} at the cursor within [x, x + width].
     *
     * @param background band colour, or null for none
     * @param gutter     optional line-number gutter: when true, each source line gets its number
     */
    void draw(PageWriter writer, String text, float x, float width, Inline.Style style, Color background, boolean gutter) {
        List<String> lines = Texts.lines(text);
        float lineHeight = style.size() * 1.32f;
        int digits = String.valueOf(lines.size()).length();
        Inline.Style numberStyle = style.withColor(CONTINUATION);
        float numberWidth = gutter ? fonts.width(style.font(), "0".repeat(digits + 1), style.size()) : 0;
        float textX = x + PADDING + numberWidth;
        float textWidth = width - 2 * PADDING - numberWidth;
        band(writer, x, width, PADDING, background, lineHeight);
        for (int n = 0; n < lines.size(); n++) {
            List<String> pieces = wrap(fonts.printable(style.font(), Texts.expandTabs(lines.get(n))), style, textWidth);
            for (int p = 0; p < pieces.size(); p++) {
                writer.ensure(lineHeight);
                if (background != null) {
                    writer.fill(x, writer.y() - lineHeight, width, lineHeight, background);
                }
                float baseline = writer.y() - style.ascent() - (lineHeight - style.size() * 1.17f) / 2;
                if (gutter && p == 0) {
                    String number = String.valueOf(n + 1);
                    writer.text(textX - fonts.width(style.font(), number + " ", style.size()), baseline, number, numberStyle);
                }
                if (p > 0) {
                    writer.text(textX, baseline, MARK, numberStyle);
                    writer.text(textX + fonts.width(style.font(), MARK, style.size()), baseline, pieces.get(p), style);
                } else {
                    writer.text(textX, baseline, pieces.get(p), style);
                }
                writer.down(lineHeight);
            }
        }
        band(writer, x, width, PADDING, background, 0);
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

    /** Splits one line into pieces that fit; pieces after the first leave room for the mark. */
    private List<String> wrap(String line, Inline.Style style, float width) {
        List<String> pieces = new ArrayList<>();
        float markWidth = fonts.width(style.font(), MARK, style.size());
        StringBuilder piece = new StringBuilder();
        float used = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            float w = fonts.width(style.font(), ch, style.size());
            float room = pieces.isEmpty() ? width : width - markWidth;
            if (used + w > room && piece.length() > 0) {
                pieces.add(piece.toString());
                piece.setLength(0);
                used = 0;
            }
            piece.append(ch);
            used += w;
            i += Character.charCount(cp);
        }
        pieces.add(piece.toString());
        return pieces;
    }
}

package nndl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks a paragraph of {@link Inline}s into lines of a given width (breaking at spaces, and inside
 * a word only when the word alone is wider than the line) and draws the lines at the cursor.
 */
final class InlineLayout {
    enum Align { LEFT, CENTER, RIGHT }

    /** A piece placed on a line: a run fragment without spaces, a space, or a picture. */
    record Piece(Inline item, float width, boolean space) {
    }

    /** One laid-out line. */
    record Line(List<Piece> pieces, float width, float ascent, float descent) {
        float height() {
            return ascent + descent;
        }
    }

    private static final Pattern TOKENS = Pattern.compile("\\s+|\\S+");
    /** Extra space between lines, as a fraction of the line's height. */
    private static final float LEADING = 0.18f;

    private final Fonts fonts;

    InlineLayout(Fonts fonts) {
        this.fonts = fonts;
    }

    /** Lays out {@code items} in lines no wider than {@code maxWidth} (a single too-wide picture overflows). */
    List<Line> wrap(List<Inline> items, float maxWidth) {
        LineBuilder builder = new LineBuilder(maxWidth);
        for (Inline item : items) {
            if (item instanceof Inline.Run run) {
                tokens(run, builder);
            } else if (item instanceof Inline.Picture picture) {
                builder.word(new Piece(picture, picture.width(), false));
            } else {
                builder.hardBreak();
            }
        }
        return builder.finish();
    }

    private void tokens(Inline.Run run, LineBuilder builder) {
        String text = fonts.printable(run.style().font(), run.text().replace('\n', ' '));
        Matcher matcher = TOKENS.matcher(text);
        while (matcher.find()) {
            String token = matcher.group();
            if (Character.isWhitespace(token.charAt(0))) {
                builder.space(new Piece(new Inline.Run(" ", run.style()), fonts.width(run.style().font(), " ", run.style().size()), true));
            } else {
                builder.word(new Piece(new Inline.Run(token, run.style()), fonts.width(run.style().font(), token, run.style().size()), false));
            }
        }
    }

    /** Returns the width of {@code items} set on one line (no wrapping except at hard breaks). */
    float naturalWidth(List<Inline> items) {
        float widest = 0;
        for (Line line : wrap(items, Float.MAX_VALUE)) {
            widest = Math.max(widest, line.width());
        }
        return widest;
    }

    /** Returns the width of the widest unbreakable group (words glued together, pictures). */
    float longestWord(List<Inline> items) {
        float longest = 0;
        float group = 0;
        for (Inline item : items) {
            if (item instanceof Inline.Picture picture) {
                group += picture.width();
            } else if (item instanceof Inline.Run run) {
                String text = fonts.printable(run.style().font(), run.text().replace('\n', ' '));
                Matcher matcher = TOKENS.matcher(text);
                while (matcher.find()) {
                    if (Character.isWhitespace(matcher.group().charAt(0))) {
                        longest = Math.max(longest, group);
                        group = 0;
                    } else {
                        group += fonts.width(run.style().font(), matcher.group(), run.style().size());
                    }
                }
            } else {
                longest = Math.max(longest, group);
                group = 0;
            }
        }
        return Math.max(longest, group);
    }

    /** Returns the total height of {@code lines} as {@link #draw} spaces them. */
    static float height(List<Line> lines) {
        float total = 0;
        for (Line line : lines) {
            total += lineAdvance(line);
        }
        return total;
    }

    static float lineAdvance(Line line) {
        return line.height() * (1 + LEADING);
    }

    /** Draws {@code lines} at the cursor within [x, x + width], starting pages as needed. */
    void draw(PageWriter writer, List<Line> lines, float x, float width, Align align) {
        for (Line line : lines) {
            float advance = lineAdvance(line);
            writer.ensure(advance);
            float baseline = writer.y() - line.ascent() - line.height() * LEADING / 2;
            Align lineAlign = isDisplayMath(line) ? Align.CENTER : align;
            drawLine(writer, line, x + offset(lineAlign, width, line.width()), baseline);
            writer.down(advance);
        }
    }

    /** Draws one line with its baseline at {@code baseline}, starting at {@code x}. */
    void drawLine(PageWriter writer, Line line, float x, float baseline) {
        float cursor = x;
        for (Piece piece : line.pieces()) {
            if (piece.item() instanceof Inline.Run run) {
                Inline.Style style = run.style();
                if (style.background() != null) {
                    writer.fill(cursor - (piece.space() ? 0 : 1), baseline - style.descent(),
                            piece.width() + (piece.space() ? 0 : 2), style.ascent() + style.descent(), style.background());
                }
                if (!piece.space()) {
                    writer.text(cursor, baseline, run.text(), style);
                }
            } else if (piece.item() instanceof Inline.Picture picture) {
                writer.image(picture.image(), cursor, baseline - picture.depth(), picture.width(), picture.height());
            }
            cursor += piece.width();
        }
    }

    private static boolean isDisplayMath(Line line) {
        return line.pieces().size() == 1 && line.pieces().get(0).item() instanceof Inline.Picture picture && picture.display();
    }

    private static float offset(Align align, float width, float lineWidth) {
        return switch (align) {
            case LEFT -> 0;
            case CENTER -> Math.max(0, (width - lineWidth) / 2);
            case RIGHT -> Math.max(0, width - lineWidth);
        };
    }

    /** Greedy line filling; words glued without a space between them move to the next line together. */
    private final class LineBuilder {
        private final float maxWidth;
        private final List<Line> lines = new ArrayList<>();
        private List<Piece> line = new ArrayList<>();
        private float lineWidth;
        private final List<Piece> group = new ArrayList<>();
        private float groupWidth;
        private Piece pendingSpace;

        LineBuilder(float maxWidth) {
            this.maxWidth = Math.max(maxWidth, 20f);
        }

        void word(Piece piece) {
            group.add(piece);
            groupWidth += piece.width();
        }

        void space(Piece piece) {
            flushGroup();
            if (!line.isEmpty()) {
                pendingSpace = piece;
            }
        }

        void hardBreak() {
            flushGroup();
            endLine(true);
        }

        List<Line> finish() {
            flushGroup();
            endLine(false);
            return lines;
        }

        private void flushGroup() {
            if (group.isEmpty()) {
                return;
            }
            float spaceWidth = pendingSpace == null ? 0 : pendingSpace.width();
            if (!line.isEmpty() && lineWidth + spaceWidth + groupWidth > maxWidth) {
                endLine(false);
            } else if (pendingSpace != null && !line.isEmpty()) {
                add(pendingSpace);
            }
            pendingSpace = null;
            for (Piece piece : group) {
                if (lineWidth + piece.width() > maxWidth && piece.item() instanceof Inline.Run run) {
                    splitWord(run);
                } else {
                    add(piece);
                }
            }
            group.clear();
            groupWidth = 0;
        }

        /** Breaks a word wider than the room left into chunks, character by character. */
        private void splitWord(Inline.Run run) {
            StringBuilder chunk = new StringBuilder();
            float chunkWidth = 0;
            String text = run.text();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = fonts.width(run.style().font(), ch, run.style().size());
                if (lineWidth + chunkWidth + w > maxWidth && (chunk.length() > 0 || !line.isEmpty())) {
                    if (chunk.length() > 0) {
                        add(new Piece(new Inline.Run(chunk.toString(), run.style()), chunkWidth, false));
                    }
                    endLine(false);
                    chunk.setLength(0);
                    chunkWidth = 0;
                }
                chunk.append(ch);
                chunkWidth += w;
                i += Character.charCount(cp);
            }
            if (chunk.length() > 0) {
                add(new Piece(new Inline.Run(chunk.toString(), run.style()), chunkWidth, false));
            }
        }

        private void add(Piece piece) {
            line.add(piece);
            lineWidth += piece.width();
        }

        private void endLine(boolean keepEmpty) {
            if (line.isEmpty() && !keepEmpty) {
                return;
            }
            float ascent = 0;
            float descent = 0;
            for (Piece piece : line) {
                if (piece.item() instanceof Inline.Run run) {
                    ascent = Math.max(ascent, run.style().ascent());
                    descent = Math.max(descent, run.style().descent());
                } else if (piece.item() instanceof Inline.Picture picture) {
                    ascent = Math.max(ascent, picture.height() - picture.depth());
                    descent = Math.max(descent, picture.depth());
                }
            }
            if (line.isEmpty()) {
                ascent = 8;
                descent = 2;
            }
            lines.add(new Line(List.copyOf(line), lineWidth, ascent, descent));
            line = new ArrayList<>();
            lineWidth = 0;
            pendingSpace = null;
        }
    }
}

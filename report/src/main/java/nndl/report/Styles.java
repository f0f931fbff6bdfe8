package nndl.report;

import java.awt.Color;

/** The report's text styles, all built on the embedded DejaVu faces. */
final class Styles {
    static final Color TEXT = Color.BLACK;
    static final Color MUTED = new Color(110, 110, 110);
    static final Color LINK = new Color(20, 80, 170);
    static final Color CODE_BACKGROUND = new Color(244, 245, 247);
    static final Color INLINE_CODE_BACKGROUND = new Color(236, 237, 240);
    static final Color ERROR_BACKGROUND = new Color(253, 236, 236);
    static final Color STDERR_BACKGROUND = new Color(255, 244, 236);
    static final Color PASSED = new Color(20, 120, 40);
    static final Color FAILED = new Color(180, 30, 30);
    static final Color PARTIAL = new Color(170, 110, 0);
    static final Color QUOTE_BAR = new Color(205, 210, 218);
    static final Color HEADER_ROW = new Color(232, 236, 242);
    static final Color SUBTOTAL_ROW = new Color(245, 246, 248);

    final Inline.Style body;
    final Inline.Style bold;
    final Inline.Style small;
    final Inline.Style inlineCode;
    final Inline.Style code;
    final Inline.Style label;
    final Inline.Style title;

    Styles(Fonts fonts) {
        body = new Inline.Style(fonts.sans, 10f, TEXT, null, false);
        bold = body.withFont(fonts.sansBold);
        small = body.withSize(8.5f);
        inlineCode = new Inline.Style(fonts.mono, 9f, TEXT, INLINE_CODE_BACKGROUND, false);
        code = new Inline.Style(fonts.mono, 8.3f, TEXT, null, false);
        label = new Inline.Style(fonts.mono, 7.5f, MUTED, null, false);
        title = new Inline.Style(fonts.sansBold, 20f, TEXT, null, false);
    }

    /** Returns the bold style of a markdown heading of {@code level} (1 is the largest). */
    Inline.Style heading(int level) {
        float size = switch (level) {
            case 1 -> 16.5f;
            case 2 -> 14f;
            case 3 -> 12f;
            default -> 10.5f;
        };
        return bold.withSize(size);
    }
}

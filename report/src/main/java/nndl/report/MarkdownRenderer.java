package nndl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Draws notebook markdown: headings, paragraphs with emphasis, code spans and links, bullet and
 * numbered lists, block quotes, code blocks, GFM tables, rules, and math (inline and display)
 * rendered by {@link MathRenderer}. HTML blocks are shown as their text with the tags removed.
 */
final class MarkdownRenderer {
    /** Told about each level-1 and level-2 heading, to add it to the PDF outline. */
    interface HeadingListener {
        void heading(int level, String text, float top);
    }

    private static final float LIST_INDENT = 16f;
    private static final float PARAGRAPH_GAP = 5f;

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final PageWriter writer;
    private final Styles styles;
    private final InlineLayout layout;
    private final MathRenderer math;
    private final TableRenderer tables;
    private final Preformatted preformatted;
    private List<MathExtractor.Formula> formulas = List.of();
    private HeadingListener headings = (level, text, top) -> { };

    MarkdownRenderer(PageWriter writer, Styles styles, InlineLayout layout, MathRenderer math,
                     TableRenderer tables, Preformatted preformatted) {
        this.writer = writer;
        this.styles = styles;
        this.layout = layout;
        this.math = math;
        this.tables = tables;
        this.preformatted = preformatted;
    }

    /** Draws {@code markdown} at the cursor within [x, x + width]. */
    void render(String markdown, float x, float width, HeadingListener listener) {
        MathExtractor.Extracted extracted = MathExtractor.extract(markdown);
        formulas = extracted.formulas();
        headings = listener;
        blocks(parser.parse(extracted.markdown()), x, width);
    }

    private void blocks(Node parent, float x, float width) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            block(node, x, width);
        }
    }

    private void block(Node node, float x, float width) {
        if (node instanceof Heading heading) {
            Inline.Style style = styles.heading(heading.getLevel());
            writer.gap(heading.getLevel() <= 2 ? 9f : 6f);
            writer.ensure(style.size() * 3);
            if (heading.getLevel() <= 2) {
                headings.heading(heading.getLevel(), plainText(heading), writer.y());
            }
            paragraph(inlines(heading, style, width), x, width);
        } else if (node instanceof Paragraph) {
            paragraph(inlines(node, styles.body, width), x, width);
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            list(node, x, width);
            writer.gap(PARAGRAPH_GAP - 2);
        } else if (node instanceof BlockQuote) {
            quote(node, x, width);
        } else if (node instanceof FencedCodeBlock fenced) {
            preformatted.draw(writer, fenced.getLiteral(), x, width, styles.code, Styles.CODE_BACKGROUND, false);
            writer.gap(PARAGRAPH_GAP);
        } else if (node instanceof IndentedCodeBlock indented) {
            preformatted.draw(writer, indented.getLiteral(), x, width, styles.code, Styles.CODE_BACKGROUND, false);
            writer.gap(PARAGRAPH_GAP);
        } else if (node instanceof ThematicBreak) {
            writer.ensure(8);
            writer.line(x, writer.y() - 4, x + width, writer.y() - 4, 0.5f, Styles.MUTED);
            writer.down(8);
        } else if (node instanceof HtmlBlock html) {
            String text = HtmlTableReader.stripTags(html.getLiteral()).strip();
            if (!text.isEmpty()) {
                paragraph(withMath(text, styles.body, width), x, width);
            }
        } else if (node instanceof TableBlock) {
            table(node, x, width);
        } else {
            blocks(node, x, width);
        }
    }

    /** Draws a paragraph (display formulas sit centred on lines of their own). */
    private void paragraph(List<Inline> items, float x, float width) {
        layout.draw(writer, layout.wrap(trimBreaks(items), width), x, width, InlineLayout.Align.LEFT);
        writer.gap(PARAGRAPH_GAP);
    }

    private static List<Inline> trimBreaks(List<Inline> items) {
        int start = 0;
        int end = items.size();
        while (start < end && items.get(start) instanceof Inline.Break) {
            start++;
        }
        while (end > start && items.get(end - 1) instanceof Inline.Break) {
            end--;
        }
        return items.subList(start, end);
    }

    /** Draws a block quote indented, with a grey bar on its left (on its last page if it spans pages). */
    private void quote(Node quote, float x, float width) {
        writer.ensure(styles.body.size() * 2);
        int page = writer.pages().size();
        float top = writer.y();
        blocks(quote, x + LIST_INDENT, width - LIST_INDENT);
        float barTop = writer.pages().size() == page ? top : PageWriter.TOP;
        writer.line(x + 5, barTop, x + 5, writer.y() + PARAGRAPH_GAP, 2f, Styles.QUOTE_BAR);
    }

    private void list(Node list, float x, float width) {
        int number = list instanceof OrderedList ordered ? ordered.getMarkerStartNumber() : 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            String marker = list instanceof OrderedList ? (number++) + "." : "•";
            float lineHeight = styles.body.ascent() + styles.body.descent();
            writer.ensure(lineHeight * 1.2f);
            float baseline = writer.y() - styles.body.ascent() - lineHeight * 0.09f;
            writer.text(x + 2, baseline, marker, styles.body);
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                block(child, x + LIST_INDENT, width - LIST_INDENT);
                if (child instanceof Paragraph) {
                    writer.down(-PARAGRAPH_GAP + 1.5f);
                }
            }
        }
    }

    private void table(Node table, float x, float width) {
        List<TableRenderer.Row> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean header = section instanceof TableHead;
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<TableRenderer.Cell> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    TableCell tableCell = (TableCell) cell;
                    cells.add(new TableRenderer.Cell(inlines(cell, header ? styles.bold : styles.body, width), align(tableCell)));
                }
                rows.add(new TableRenderer.Row(cells, header, header ? Styles.HEADER_ROW : null));
            }
        }
        tables.draw(writer, rows, x, tables.forcedWidths(rows, width));
        writer.gap(PARAGRAPH_GAP + 2);
    }

    private static InlineLayout.Align align(TableCell cell) {
        if (cell.getAlignment() == null) {
            return InlineLayout.Align.LEFT;
        }
        return switch (cell.getAlignment()) {
            case CENTER -> InlineLayout.Align.CENTER;
            case RIGHT -> InlineLayout.Align.RIGHT;
            default -> InlineLayout.Align.LEFT;
        };
    }

    /** Converts the inline children of {@code parent} to runs and pictures in {@code style}. */
    private List<Inline> inlines(Node parent, Inline.Style style, float width) {
        List<Inline> items = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                items.addAll(withMath(text.getLiteral(), style, width));
            } else if (node instanceof Code code) {
                items.add(new Inline.Run(code.getLiteral(), styles.inlineCode.withSize(style.size() * 0.9f)));
            } else if (node instanceof Emphasis) {
                items.addAll(inlines(node, style.withSlant(true), width));
            } else if (node instanceof StrongEmphasis) {
                items.addAll(inlines(node, style.withFont(styles.bold.font()), width));
            } else if (node instanceof Link) {
                items.addAll(inlines(node, style.withColor(Styles.LINK), width));
            } else if (node instanceof Image image) {
                items.add(new Inline.Run("[image: " + plainText(image) + "]", style.withColor(Styles.MUTED)));
            } else if (node instanceof SoftLineBreak) {
                items.add(new Inline.Run(" ", style));
            } else if (node instanceof HardLineBreak) {
                items.add(new Inline.Break());
            } else if (node instanceof HtmlInline html) {
                if (html.getLiteral().matches("(?i)<br\\s*/?>")) {
                    items.add(new Inline.Break());
                }
            } else {
                items.addAll(inlines(node, style, width));
            }
        }
        return items;
    }

    /** Splits text at math placeholders; display formulas get a line of their own. */
    private List<Inline> withMath(String text, Inline.Style style, float width) {
        List<Inline> items = new ArrayList<>();
        Matcher matcher = MathExtractor.PLACEHOLDER.matcher(text);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                items.add(new Inline.Run(text.substring(last, matcher.start()), style));
            }
            MathExtractor.Formula formula = formulas.get(Integer.parseInt(matcher.group(1)));
            if (formula.display()) {
                items.add(new Inline.Break());
            }
            items.add(math.render(formula.latex(), formula.display(), style.size(), width)
                    .<Inline>map(p -> p)
                    .orElseGet(() -> new Inline.Run((formula.display() ? "$$" : "$") + formula.latex()
                            + (formula.display() ? "$$" : "$"), styles.inlineCode.withBackground(null))));
            if (formula.display()) {
                items.add(new Inline.Break());
            }
            last = matcher.end();
        }
        if (last < text.length()) {
            items.add(new Inline.Run(text.substring(last), style));
        }
        return items;
    }

    /** Returns the text of a node with formulas as their LaTeX source (for outline titles). */
    private String plainText(Node parent) {
        StringBuilder text = new StringBuilder();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text t) {
                Matcher matcher = MathExtractor.PLACEHOLDER.matcher(t.getLiteral());
                text.append(matcher.replaceAll(m -> Matcher.quoteReplacement(formulas.get(Integer.parseInt(m.group(1))).latex())));
            } else if (node instanceof Code code) {
                text.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                text.append(' ');
            } else {
                text.append(plainText(node));
            }
        }
        return text.toString();
    }
}

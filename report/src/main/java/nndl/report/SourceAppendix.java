package nndl.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * The appendix: the student's code in each exercise block of the library ({@link ExerciseBlocks}),
 * one after the other, each headed by its method and block name and its file:lines relative to the
 * project tree, under the signature of its method, with the file's line numbers and Java colouring.
 * Only the blocks: the rest of the library is the course's, not the student's work.
 */
final class SourceAppendix {
    static final String TITLE = "Appendix: your code in the exercises";
    private static final float GAP_BETWEEN_BLOCKS = 9f;

    private final PageWriter writer;
    private final Styles styles;
    private final InlineLayout layout;
    private final Preformatted preformatted;

    SourceAppendix(PageWriter writer, Styles styles, InlineLayout layout, Preformatted preformatted) {
        this.writer = writer;
        this.styles = styles;
        this.layout = layout;
        this.preformatted = preformatted;
    }

    /**
     * Draws the appendix on a new page, adding one outline entry per block under its own entry.
     *
     * @param root    the library source root, e.g. {@code <tree>/lib/src/main/java/nndl}
     * @param folders   sub-folders of {@code root} to read (empty: all of it)
     * @param notebooks the notebooks in order: the blocks follow the order they first use the blocks' classes
     */
    void draw(Path root, List<String> folders, List<NotebookFile> notebooks, Outline outline) throws IOException {
        writer.newPage();
        PDOutlineItem entry = outline.add(TITLE, writer.page(), writer.y());
        paragraph(TITLE, styles.title.withSize(17f));
        Path tree = ExerciseBlocks.tree(root);
        List<String> missing = new ArrayList<>();
        List<ExerciseBlocks.Block> blocks = ExerciseBlocks.inNotebookOrder(ExerciseBlocks.scan(root, folders, tree, missing), notebooks);
        String shownRoot = tree.toAbsolutePath().normalize().relativize(root.toAbsolutePath().normalize()).toString().replace('\\', '/');
        String intro = "Each exercise block of the library under " + shownRoot + (folders.isEmpty() ? "" : " (" + String.join(", ", folders) + ")")
                + " as it is in this tree (the lines between the block's BEGIN and END markers), under the signature of the"
                + " method it belongs to, with the file's line numbers, in the order the notebooks use them. " + blocks.size() + (blocks.size() == 1 ? " block." : " blocks.");
        if (!missing.isEmpty()) {
            intro += " Not present: " + String.join(", ", missing) + ".";
        }
        paragraph(intro, styles.small.withColor(Styles.MUTED));
        if (blocks.isEmpty()) {
            paragraph("No exercise blocks were found: a block is marked // BEGIN YOUR CODE <Class.method>: <block name> "
                    + "… // END YOUR CODE.", styles.body);
        }
        for (ExerciseBlocks.Block block : blocks) {
            block(block, entry, outline);
        }
    }

    private void block(ExerciseBlocks.Block block, PDOutlineItem entry, Outline outline) {
        Inline.Style code = styles.code;
        float lineHeight = code.size() * 1.32f;
        writer.gap(GAP_BETWEEN_BLOCKS);
        // the header, the signature and the first lines of the block stay together
        writer.ensure(28 + lineHeight * Math.min(6, block.signature().size() + block.body().size() + 1));
        outline.add(entry, block.method() + ": " + block.name(), writer.page(), writer.y());
        layout.draw(writer, layout.wrap(List.of(
                new Inline.Run(block.method(), styles.bold.withFont(writer.fonts.monoBold).withSize(9.5f)),
                new Inline.Run(" — " + block.name(), styles.bold.withSize(9.5f))), writer.width()),
                writer.left(), writer.width(), InlineLayout.Align.LEFT);
        paragraph(block.location(), styles.small.withFont(writer.fonts.mono).withColor(Styles.MUTED));
        int indent = indent(block);
        if (!block.signature().isEmpty()) {
            preformatted.draw(writer, dedent(block.signature(), indent), writer.left(), writer.width(), code, null,
                    block.signatureLine(), true);
            if (!block.signatureAdjacent()) {
                preformatted.draw(writer, List.of(" ".repeat(Math.max(0, 4 - indent)) + "…"), writer.left(), writer.width(),
                        code.withColor(Styles.MUTED), null, 0, false);
            }
        }
        List<String> body = block.body().stream().allMatch(String::isBlank) ? List.of("// (empty)") : dedent(block.body(), indent);
        preformatted.draw(writer, body, writer.left(), writer.width(), code, Styles.CODE_BACKGROUND, block.beginLine() + 1, true);
    }

    /** The indentation common to the signature and the block's non-blank lines. */
    private static int indent(ExerciseBlocks.Block block) {
        int indent = Integer.MAX_VALUE;
        List<String> all = new ArrayList<>(block.signature());
        all.addAll(block.body());
        for (String line : all) {
            if (!line.isBlank()) {
                int spaces = 0;
                while (spaces < line.length() && line.charAt(spaces) == ' ') {
                    spaces++;
                }
                indent = Math.min(indent, spaces);
            }
        }
        return indent == Integer.MAX_VALUE ? 0 : indent;
    }

    private static List<String> dedent(List<String> lines, int indent) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            int cut = 0;
            while (cut < indent && cut < line.length() && line.charAt(cut) == ' ') {
                cut++;
            }
            out.add(line.substring(cut));
        }
        return out;
    }

    private void paragraph(String text, Inline.Style style) {
        layout.draw(writer, layout.wrap(List.of(new Inline.Run(text, style)), writer.width()), writer.left(),
                writer.width(), InlineLayout.Align.LEFT);
        writer.gap(4);
    }
}

package nndl.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** The appendix: the graded library source files, each with a header and numbered, wrapped lines. */
final class SourceAppendix {
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

    /** Returns the .java files under {@code root/<folder>} for each folder, sorted, and the folders that are missing. */
    static List<Path> files(Path root, List<String> folders, List<String> missing) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : folders) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                missing.add(folder);
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Draws the appendix on a new page, adding one outline entry per file under {@code entry}'s creator. */
    void draw(Path root, List<String> folders, Outline outline) throws IOException {
        writer.newPage();
        PDOutlineItem entry = outline.add("Appendix: graded library sources", writer.page(), writer.y());
        paragraph("Appendix: graded library sources", styles.title.withSize(17f));
        List<String> missing = new ArrayList<>();
        List<Path> files = files(root, folders, missing);
        String intro = "The library code behind the graded functions: the .java files under " + root + "/{"
                + String.join(", ", folders) + "}.";
        if (!missing.isEmpty()) {
            intro += " Not present: " + String.join(", ", missing) + ".";
        }
        paragraph(intro, styles.small.withColor(Styles.MUTED));
        if (files.isEmpty()) {
            paragraph("No graded source files were found.", styles.body);
        }
        Path base = root.getParent() == null ? root : root.getParent();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String name = base.relativize(file).toString().replace('\\', '/');
            writer.gap(10);
            writer.ensure(60);
            outline.add(entry, name, writer.page(), writer.y());
            paragraph(name + "  (" + lines.size() + " lines)", styles.bold.withFont(writer.fonts.monoBold).withSize(9.5f));
            writer.line(writer.left(), writer.y() + 1, writer.left() + writer.width(), writer.y() + 1, 0.6f, Styles.MUTED);
            writer.down(2);
            preformatted.draw(writer, String.join("\n", lines), writer.left(), writer.width(),
                    styles.code.withSize(7.2f), null, true);
        }
    }

    private void paragraph(String text, Inline.Style style) {
        layout.draw(writer, layout.wrap(List.of(new Inline.Run(text, style)), writer.width()), writer.left(),
                writer.width(), InlineLayout.Align.LEFT);
        writer.gap(4);
    }
}

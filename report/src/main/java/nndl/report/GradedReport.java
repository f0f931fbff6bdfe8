package nndl.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.util.List;
import nndl.data.Cifar10;
import nndl.data.OfficialCifar10;
import nndl.grade.Rubric;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Writes the graded PDF report from executed notebooks:
 * <pre>{@code
 * GradedReport.Result r = GradedReport.write(GradedReport.Options.defaults()
 *         .withNotebooks(Path.of("build/notebooks")).withOut(Path.of("build/report/graded-report.pdf")));
 * }</pre>
 * The PDF holds a cover with the score table, every notebook in order (each on a new page, with an
 * outline entry), and an appendix with the student's code in each exercise block; every page says
 * "page i of n". No absolute folder of the machine is printed ({@link MachinePaths}).
 * Fonts are DejaVu Sans / Sans Mono, embedded (Debian package fonts-dejavu-core).
 */
public final class GradedReport {
    /** The library folders (under the source root) searched for exercise blocks: none named, all of it. */
    public static final List<String> DEFAULT_SOURCE_FOLDERS = List.of();
    /** The cover's student when none was given (not the machine's user name: that is rarely the student's id). */
    public static final String STUDENT_NOT_SET = "(not set — NNDL_STUDENT or ./workbook submit)";

    private GradedReport() {
    }

    /**
     * What to read and where to write.
     *
     * @param notebooks     folder of executed {@code .ipynb} files
     * @param out           the PDF to write (parent folders are created)
     * @param sources       the library source root, e.g. {@code lib/src/main/java/nndl}
     * @param sourceFolders sub-folders of {@code sources} shown in the appendix
     * @param student       the name printed on the cover
     */
    public record Options(Path notebooks, Path out, Path sources, List<String> sourceFolders, String student,
                          boolean fullDataset, Path judge, Path answers) {
        public Options {
            if (notebooks == null || out == null || sources == null || sourceFolders == null || student == null) {
                throw new IllegalArgumentException("GradedReport.Options: notebooks, out, sources, sourceFolders and student are required");
            }
            sourceFolders = List.copyOf(sourceFolders);
        }

        /**
         * Returns build/notebooks → build/report/graded-report.pdf with sources lib/src/main/java/nndl,
         * the default folders, the student from NNDL_STUDENT (else {@link #STUDENT_NOT_SET}), the full dataset only
         * when {@link #verifiedFullRun} says so for NNDL_PROFILE and NNDL_DATA, no judge's verdicts and no answers.
         */
        public static Options defaults() {
            String student = System.getenv("NNDL_STUDENT");
            if (student == null || student.isBlank()) {
                student = STUDENT_NOT_SET;
            }
            String data = System.getenv("NNDL_DATA");
            return new Options(Path.of("build/notebooks"), Path.of("build/report/graded-report.pdf"),
                    Path.of("lib/src/main/java/nndl"), DEFAULT_SOURCE_FOLDERS, student,
                    verifiedFullRun(System.getenv("NNDL_PROFILE"), data == null || data.isBlank() ? null : Path.of(data)), null, null);
        }

        /**
         * Whether a run in {@code profile} on the data root {@code data} used the full official CIFAR-10:
         * the full profile, and a CIFAR-10 folder whose files pass their checksums ({@link OfficialCifar10}).
         *
         * @param profile NNDL_PROFILE's value (null or blank: full)
         * @param data    the data root, or null for the default
         */
        public static boolean verifiedFullRun(String profile, Path data) {
            boolean full = profile == null || profile.isBlank() || profile.strip().equalsIgnoreCase("full");
            return full && Cifar10.locate(data).map(OfficialCifar10::verified).orElse(false);
        }

        /** Returns a copy reading the notebooks from {@code folder}. */
        public Options withNotebooks(Path folder) {
            return new Options(folder, out, sources, sourceFolders, student, fullDataset, judge, answers);
        }

        /** Returns a copy writing the PDF to {@code pdf}. */
        public Options withOut(Path pdf) {
            return new Options(notebooks, pdf, sources, sourceFolders, student, fullDataset, judge, answers);
        }

        /** Returns a copy taking the appendix sources from {@code root}. */
        public Options withSources(Path root) {
            return new Options(notebooks, out, root, sourceFolders, student, fullDataset, judge, answers);
        }

        /** Returns a copy showing the sub-folders {@code folders} of the source root. */
        public Options withSourceFolders(List<String> folders) {
            return new Options(notebooks, out, sources, folders, student, fullDataset, judge, answers);
        }

        /** Returns a copy naming {@code name} on the cover. */
        public Options withStudent(String name) {
            return new Options(notebooks, out, sources, sourceFolders, name, fullDataset, judge, answers);
        }

        /** Returns a copy grading full-dataset checks only when {@code full} (the caller verified the data). */
        public Options withFullDataset(boolean full) {
            return new Options(notebooks, out, sources, sourceFolders, student, full, judge, answers);
        }

        /** Returns a copy whose total is the judge's ({@link JudgeResults} file), or the notebooks' records' for null. */
        public Options withJudge(Path file) {
            return new Options(notebooks, out, sources, sourceFolders, student, fullDataset, file, answers);
        }

        /** Returns a copy ending with the student's written answers (a markdown file), or none for null. */
        public Options withAnswers(Path file) {
            return new Options(notebooks, out, sources, sourceFolders, student, fullDataset, judge, file);
        }
    }

    /** What was written: the PDF, its page count and the scores. */
    public record Result(Path pdf, int pages, GradeSummary summary) {
        @Override
        public String toString() {
            return "GradedReport.Result(" + pdf + ", " + pages + " pages, " + summary.totalLine() + ")";
        }
    }

    /**
     * Reads the executed notebooks and writes the PDF report.
     *
     * @throws IllegalArgumentException if the notebooks folder does not exist or a notebook is malformed
     * @throws IllegalStateException    if the DejaVu font files are missing
     */
    public static Result write(Options options) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<NotebookFile> notebooks = Notebooks.readFolder(options.notebooks());
        GradeSummary summary = summary(notebooks, options);
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        int pages;
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = Fonts.load(document);
            Outline outline = new Outline(document);
            String data = System.getenv("NNDL_DATA");
            MachinePaths paths = MachinePaths.of(ExerciseBlocks.tree(options.sources()),
                    data == null || data.isBlank() ? null : Path.of(data));
            try (PageWriter writer = new PageWriter(document, fonts, paths)) {
                draw(writer, fonts, outline, notebooks, summary, options);
            }
            outline.finish();
            pages = document.getNumberOfPages();
            footers(document, fonts);
            info(document, options.student());
            document.save(partial.toFile());
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(out, pages, summary);
    }

    /** The scores of {@code notebooks}, with the judge's verdicts (and total) when the options name them. */
    static GradeSummary summary(List<NotebookFile> notebooks, Options options) throws IOException {
        GradeSummary summary = GradeSummary.of(notebooks, options.fullDataset());
        if (options.judge() == null) {
            return summary;
        }
        return summary.withJudge(JudgeResults.read(options.judge()));
    }

    private static void draw(PageWriter writer, Fonts fonts, Outline outline, List<NotebookFile> notebooks,
                             GradeSummary summary, Options options) throws IOException {
        Styles styles = new Styles(fonts);
        InlineLayout layout = new InlineLayout(fonts);
        TableRenderer tables = new TableRenderer(layout);
        Preformatted preformatted = new Preformatted(fonts);
        MarkdownRenderer markdown = new MarkdownRenderer(writer, styles, layout, new MathRenderer(writer.document), tables, preformatted);
        NotebookRenderer cells = new NotebookRenderer(writer, styles, layout, markdown, tables, preformatted);

        new CoverPage(writer, styles, layout, tables).draw(summary, options.student(), LocalDateTime.now());
        outline.add("Cover and scores", writer.pages().get(0), PageWriter.TOP);
        int index = 1;
        for (NotebookFile notebook : notebooks) {
            PDPage first = writer.newPage();
            String title = index + ". " + notebook.name() + ".ipynb";
            PDOutlineItem entry = outline.add(title, first, writer.y());
            layout.draw(writer, layout.wrap(List.of(new Inline.Run(title, styles.title.withSize(18f))), writer.width()),
                    writer.left(), writer.width(), InlineLayout.Align.LEFT);
            String score = summary.notebooks().stream().filter(s -> s.notebook().equals(notebook.name()))
                    .map(GradeSummary::scoreLine).findFirst()
                    .orElse(notebook.name() + ": not part of the rubric (" + Rubric.NOTEBOOKS + ")");
            layout.draw(writer, layout.wrap(List.of(new Inline.Run(score, styles.small.withColor(Styles.MUTED))), writer.width()),
                    writer.left(), writer.width(), InlineLayout.Align.LEFT);
            writer.line(writer.left(), writer.y() - 2, writer.left() + writer.width(), writer.y() - 2, 0.8f, Styles.MUTED);
            writer.down(10);
            cells.cells(notebook, (level, text, top) -> outline.add(entry, text, writer.page(), top));
            index++;
        }
        if (options.answers() != null) {
            PDPage first = writer.newPage();
            String title = index + ". Written answers (from the submitted notebooks)";
            outline.add(title, first, writer.y());
            layout.draw(writer, layout.wrap(List.of(new Inline.Run(title, styles.title.withSize(18f))), writer.width()),
                    writer.left(), writer.width(), InlineLayout.Align.LEFT);
            writer.down(10);
            markdown.render(Files.readString(options.answers(), StandardCharsets.UTF_8), writer.left(), writer.width(),
                    (level, text, top) -> { });
        }
        new SourceAppendix(writer, styles, layout, preformatted).draw(options.sources(), options.sourceFolders(), notebooks, outline);
    }

    /** Writes "page i of n" centred at the bottom of every page. */
    private static void footers(PDDocument document, Fonts fonts) throws IOException {
        int total = document.getNumberOfPages();
        Inline.Style style = new Inline.Style(fonts.sans, 8f, Styles.MUTED, null, false);
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = "page " + (i + 1) + " of " + total;
                float width = fonts.width(fonts.sans, text, style.size());
                content.beginText();
                content.setFont(fonts.sans, style.size());
                content.setNonStrokingColor(style.color());
                content.newLineAtOffset((PageWriter.PAGE.getWidth() - width) / 2, 30);
                content.showText(text);
                content.endText();
            }
        }
    }

    private static void info(PDDocument document, String student) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Neural networks workbook — graded report");
        info.setAuthor(student);
        info.setCreator("nndl-workbook (nndl.report.GradedReport)");
        info.setCreationDate(Calendar.getInstance());
    }
}

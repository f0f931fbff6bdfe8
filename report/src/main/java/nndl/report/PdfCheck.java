package nndl.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a written report back and checks what a reader sees: the page count, the student on the
 * cover, no absolute folder of the tree, and an appendix holding only the tree's exercise blocks
 * (one outline entry per block, no whole files). The release stage of {@code ./workbook test} runs
 * it on the student edition's quick-profile report.
 * <pre>{@code
 * java -cp ... nndl.report.PdfCheck --tree DIR [--max-pages N] [--student TEXT] build/report/graded-report.pdf
 * }</pre>
 */
public final class PdfCheck {
    private PdfCheck() {
    }

    /** Runs the check and exits 0 when it passes, 1 when it does not, 2 on bad usage. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Checks the PDF named by {@code args}, printing one line per problem to {@code err}; returns the exit status.
     *
     * @param args {@code --tree DIR} (required), {@code --max-pages N}, {@code --student TEXT}, the PDF (not modified)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path tree = null;
        Path pdf = null;
        int maxPages = Integer.MAX_VALUE;
        String student = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--tree" -> tree = Path.of(value(args, ++i));
                    case "--max-pages" -> maxPages = Integer.parseInt(value(args, ++i));
                    case "--student" -> student = value(args, ++i);
                    default -> {
                        if (args[i].startsWith("--") || pdf != null) {
                            throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                        }
                        pdf = Path.of(args[i]);
                    }
                }
            }
            if (tree == null || pdf == null) {
                throw new IllegalArgumentException("usage: PdfCheck --tree DIR [--max-pages N] [--student TEXT] PDF");
            }
            List<String> problems = problems(pdf, tree, maxPages, student, out);
            String name = pdf.getFileName().toString();
            problems.forEach(p -> err.println("pdf-check: " + name + ": " + p));
            return problems.isEmpty() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("pdf-check: error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("pdf-check: error: cannot read " + pdf + ": " + e);
            return 2;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /**
     * Returns what is wrong with the report {@code pdf} of the tree {@code tree} (empty when nothing),
     * after printing its page count and appendix size to {@code out}.
     *
     * @param student the text the cover's Student line must hold, or null to skip that check
     */
    static List<String> problems(Path pdf, Path tree, int maxPages, String student, PrintStream out) throws IOException {
        List<String> problems = new ArrayList<>();
        Path root = tree.resolve("lib/src/main/java/nndl");
        List<ExerciseBlocks.Block> blocks = Files.isDirectory(root)
                ? ExerciseBlocks.scan(root, List.of(), tree, new ArrayList<>()) : List.of();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            String all = new PDFTextStripper().getText(document);
            PDOutlineItem appendix = null;
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                if (SourceAppendix.TITLE.equals(item.getTitle())) {
                    appendix = item;
                }
            }
            int first = appendix == null ? pages + 1 : document.getPages().indexOf(appendix.findDestinationPage(document)) + 1;
            out.println("pdf-check: " + pages + " pages, the appendix " + (pages - first + 1) + " (" + blocks.size() + " exercise blocks)");
            if (pages > maxPages) {
                problems.add(pages + " pages, more than " + maxPages);
            }
            for (String folder : List.of(tree.toAbsolutePath().normalize().toString(), tree.toRealPath().toString())) {
                if (all.contains(folder)) {
                    problems.add("prints the tree's absolute folder " + folder);
                }
            }
            PDFTextStripper cover = new PDFTextStripper();
            cover.setEndPage(1);
            String coverText = cover.getText(document);
            if (student != null && !coverText.contains("Student: " + student)) {
                problems.add("the cover does not say 'Student: " + student + "'");
            }
            if (appendix == null) {
                problems.add("no outline entry '" + SourceAppendix.TITLE + "'");
                return problems;
            }
            List<String> entries = new ArrayList<>();
            appendix.children().forEach(child -> entries.add(child.getTitle()));
            List<String> expected = blocks.stream().map(b -> b.method() + ": " + b.name()).sorted().toList();
            if (!entries.stream().sorted().toList().equals(expected)) {
                problems.add("the appendix's entries " + entries + " are not the tree's exercise blocks " + expected);
            }
            PDFTextStripper appendixText = new PDFTextStripper();
            appendixText.setStartPage(first);
            String text = appendixText.getText(document);
            for (String line : text.lines().toList()) {
                String code = line.replaceFirst("^\\s*\\d+\\s+", "");
                if (code.startsWith("package nndl") || code.startsWith("import ") || code.startsWith("/**")) {
                    problems.add("the appendix holds code outside the exercise blocks: '" + line.strip() + "'");
                    break;
                }
            }
        }
        return problems;
    }
}

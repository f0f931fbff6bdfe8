package nndl.kernel.errors;

import java.util.ArrayList;
import java.util.List;

/** Java code that does not compile; each problem points at a line of the cell (or loaded file). */
public final class CompileFailure extends CellFailure {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;

    /**
     * One compiler error.
     *
     * @param where    where the error is, as the user reads it, e.g. {@code line 3}
     * @param lineText the full source line holding the error
     * @param column   0-based column of the error in {@code lineText}
     * @param width    number of characters to underline (at least 1)
     * @param message  the compiler's message, possibly several lines
     */
    public record Problem(String where, String lineText, int column, int width, String message) {
    }

    /** A failure made of {@code problems}, the first of which is the summary. */
    public CompileFailure(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** The compiler errors, in the compiler's order. */
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public ErrorReport report() {
        List<String> lines = new ArrayList<>();
        for (Problem problem : problems) {
            lines.addAll(describe(problem));
        }
        return new ErrorReport("CompileError", getMessage(), lines);
    }

    /**
     * A problem as the notebook prints it: a headline naming the line, the compiler's detail
     * lines, then the source line with carets under the offending characters.
     */
    static List<String> describe(Problem problem) {
        List<String> messageLines = meaningful(problem.message());
        List<String> out = new ArrayList<>();
        out.add("Compile error at " + problem.where() + ": " + (messageLines.isEmpty() ? "" : messageLines.get(0)));
        for (int i = 1; i < messageLines.size(); i++) {
            out.add("  " + messageLines.get(i).strip());
        }
        String text = problem.lineText().stripTrailing();
        int column = Math.min(Math.max(problem.column(), 0), text.length());
        int width = Math.max(1, Math.min(problem.width(), text.length() - column));
        out.add("    " + text);
        out.add("    " + indentLike(text, column) + "^".repeat(width));
        return out;
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("CompileFailure: no problems given");
        }
        Problem first = problems.get(0);
        List<String> lines = meaningful(first.message());
        return first.where() + ": " + (lines.isEmpty() ? "" : lines.get(0));
    }

    /** The message without JShell's empty {@code location: class} line (its wrapper has no name). */
    private static List<String> meaningful(String message) {
        List<String> lines = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (!line.strip().matches("location: class\\s*") && !line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Blanks as wide as the first {@code column} characters, keeping tabs so carets line up. */
    private static String indentLike(String text, int column) {
        StringBuilder indent = new StringBuilder(column);
        for (int i = 0; i < column; i++) {
            indent.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        return indent.toString();
    }
}

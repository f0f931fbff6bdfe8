package nndl.kernel.cell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nndl.kernel.errors.MagicFailure;

/**
 * Splits a cell into Java code and IPython-style magics. A line whose first non-blank characters
 * are {@code %name} is a line magic; a first line {@code %%name} makes the whole cell a cell magic;
 * a magic after an assignment's {@code =} is code calling it ({@link MagicExpressions}).
 * Line numbers are kept so that errors can point at the cell's own lines.
 */
public final class CellParser {
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z_][\\w.-]*)(?:\\s+(.*))?$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z_][\\w.-]*)(?:\\s+(.*))?$");
    private static final Pattern ANY_CELL_MAGIC = Pattern.compile("^\\s*%%\\S");

    private CellParser() {
    }

    /** Parses a whole cell; its first line is line 1. */
    public static List<CellStep> parse(String cell) {
        return parse(cell, 1);
    }

    /**
     * Parses {@code text} whose first line is line {@code firstLine} of the cell (a cell magic's
     * body starts after line 1, for instance).
     *
     * @throws MagicFailure if a {@code %%} magic is not on the first non-blank line
     */
    public static List<CellStep> parse(String text, int firstLine) {
        String[] lines = normalize(text).split("\n", -1);
        int first = firstNonBlank(lines);
        if (first >= 0) {
            Matcher cell = CELL_MAGIC.matcher(lines[first]);
            if (cell.matches()) {
                String body = String.join("\n", List.of(lines).subList(first + 1, lines.length));
                return List.of(new CellStep.CellMagic(cell.group(1), arguments(cell), body, firstLine + first + 1));
            }
        }
        return lineSteps(lines, firstLine);
    }

    /**
     * The cell with every magic line replaced by blanks of the same length, so that code analysis
     * (completion, inspection, completeness) sees only Java yet offsets stay valid.
     */
    public static String blankMagics(String cell) {
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (LINE_MAGIC.matcher(lines[i]).matches() || CELL_MAGIC.matcher(lines[i]).matches()) {
                lines[i] = " ".repeat(lines[i].length());
            }
        }
        return String.join("\n", lines);
    }

    private static List<CellStep> lineSteps(String[] lines, int firstLine) {
        List<CellStep> steps = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int codeStart = -1;
        for (int i = 0; i < lines.length; i++) {
            if (ANY_CELL_MAGIC.matcher(lines[i]).find()) {
                throw new MagicFailure("line " + (firstLine + i) + ": a cell magic (" + lines[i].strip()
                        + ") must be the first line of the cell");
            }
            Matcher magic = LINE_MAGIC.matcher(lines[i]);
            if (magic.matches()) {
                flush(steps, code, codeStart, firstLine);
                codeStart = -1;
                steps.add(new CellStep.LineMagic(magic.group(1), arguments(magic), firstLine + i));
                continue;
            }
            if (codeStart < 0) {
                codeStart = i;
            } else {
                code.append('\n');
            }
            code.append(magicExpression(lines[i], firstLine + i));
        }
        flush(steps, code, codeStart, firstLine);
        return steps;
    }

    /** The line with a magic used as an expression rewritten ({@link MagicExpressions}). */
    private static String magicExpression(String line, int lineNumber) {
        try {
            return MagicExpressions.rewrite(line);
        } catch (IllegalArgumentException e) {
            throw new MagicFailure("line " + lineNumber + ": " + e.getMessage());
        }
    }

    private static void flush(List<CellStep> steps, StringBuilder code, int codeStart, int firstLine) {
        if (codeStart >= 0 && !code.toString().isBlank()) {
            steps.add(new CellStep.Code(code.toString(), firstLine + codeStart));
        }
        code.setLength(0);
    }

    private static String arguments(Matcher magic) {
        return magic.group(2) == null ? "" : magic.group(2).strip();
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String normalize(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}

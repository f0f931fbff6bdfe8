package nndl.kernel.exec;

/**
 * Java code the kernel evaluates and where it came from, so that errors and stack frames can
 * name the user's own lines.
 *
 * @param text           the code
 * @param origin         empty for a notebook cell, otherwise a label such as {@code helpers.jsh}
 * @param firstLine      1-based line of the cell (or file) where {@code text} starts
 * @param executionCount the cell's execution count ({@code In [n]}) when it was evaluated
 */
public record SourceText(String text, String origin, int firstLine, int executionCount) {

    /** Code of cell {@code In [executionCount]} starting at {@code firstLine}. */
    public static SourceText cell(String text, int firstLine, int executionCount) {
        return new SourceText(text, "", firstLine, executionCount);
    }

    /** 1-based line (of the cell or file) holding character {@code offset} of {@link #text()}. */
    public int lineAt(int offset) {
        int line = firstLine;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The whole line of {@link #text()} holding character {@code offset}, without its newline. */
    public String lineTextAt(int offset) {
        int at = Math.min(Math.max(offset, 0), text.length());
        int start = text.lastIndexOf('\n', at - 1) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** 0-based column of character {@code offset} within its line. */
    public int columnAt(int offset) {
        int at = Math.min(Math.max(offset, 0), text.length());
        return at - (text.lastIndexOf('\n', at - 1) + 1);
    }

    /**
     * How the user should read {@code line}: {@code line 3} within the cell being run,
     * {@code In [2], line 3} in an earlier cell, {@code helpers.jsh, line 3} in a loaded file.
     *
     * @param currentCount execution count of the cell now running
     */
    public String describeLine(int line, int currentCount) {
        if (!origin.isEmpty()) {
            return origin + ", line " + line;
        }
        return executionCount == currentCount ? "line " + line : "In [" + executionCount + "], line " + line;
    }
}

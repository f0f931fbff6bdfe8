package nndl.kernel.errors;

import java.util.List;

/**
 * What a notebook shows for a failed cell: Jupyter's {@code ename}, {@code evalue} and
 * {@code traceback} lines (plain text, no terminal colours, so exported reports read cleanly).
 *
 * @param name      short error name, e.g. {@code CompileError} or {@code NumberFormatException}
 * @param value     one-line summary
 * @param traceback the lines the notebook prints
 */
public record ErrorReport(String name, String value, List<String> traceback) {

    /** Copies {@code traceback} so the report cannot change afterwards. */
    public ErrorReport {
        traceback = List.copyOf(traceback);
    }

    /** The lines joined as the notebook shows them. */
    public String text() {
        return String.join("\n", traceback);
    }
}

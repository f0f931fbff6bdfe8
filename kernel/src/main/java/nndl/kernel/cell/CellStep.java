package nndl.kernel.cell;

/** One piece of a cell, in the order the kernel runs them: Java code, a line magic or a cell magic. */
public sealed interface CellStep {

    /**
     * Java source taken from consecutive lines of the cell.
     *
     * @param source    the lines, joined with {@code \n}
     * @param firstLine 1-based line of the cell where {@code source} starts
     */
    record Code(String source, int firstLine) implements CellStep {
    }

    /**
     * A {@code %name arguments} line.
     *
     * @param name      the magic's name without {@code %}
     * @param arguments the rest of the line, as typed (leading blanks removed)
     * @param line      1-based line of the cell holding the magic
     */
    record LineMagic(String name, String arguments, int line) implements CellStep {
    }

    /**
     * A {@code %%name arguments} first line; the rest of the cell is its body.
     *
     * @param name          the magic's name without {@code %%}
     * @param arguments     the rest of the first line (leading blanks removed)
     * @param body          every line after the magic's line, joined with {@code \n}
     * @param bodyFirstLine 1-based line of the cell where {@code body} starts
     */
    record CellMagic(String name, String arguments, String body, int bodyFirstLine) implements CellStep {
    }
}

package nndl.viz;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as a plain HTML table for a notebook: the table name as caption, a header row,
 * cells as the columns print them (so number formats apply), numbers right aligned, and at most a
 * given number of rows followed by a note saying how many were left out.
 */
public final class HtmlTables {
    /** Rows shown by default before the rest is left out. */
    public static final int MAX_ROWS = 200;

    private HtmlTables() {
    }

    /**
     * {@link #toHtml(Table, int)} with at most {@value #MAX_ROWS} rows.
     *
     * @param table the table; not modified
     */
    public static String toHtml(Table table) {
        return toHtml(table, MAX_ROWS);
    }

    /**
     * The HTML of {@code table}: {@code <table>} with caption, header and the first
     * {@code maxRows} rows, then a note if rows were left out.
     *
     * @param table   the table; not modified
     * @param maxRows rows to show at most (≥ 0)
     */
    public static String toHtml(Table table, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("toHtml: maxRows must be ≥ 0, got " + maxRows);
        }
        StringBuilder html = new StringBuilder("<table class=\"nndl-table\">\n");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th").append(align(column)).append('>').append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(maxRows, table.rowCount());
        for (int r = 0; r < shown; r++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                html.append("<td").append(align(column)).append('>').append(escape(column.getString(r))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (shown < table.rowCount()) {
            html.append("<p><em>Showing the first ").append(shown).append(" of ").append(table.rowCount())
                    .append(" rows.</em></p>\n");
        }
        return html.toString();
    }

    private static String align(Column<?> column) {
        return column instanceof NumericColumn<?> ? " style=\"text-align:right\"" : " style=\"text-align:left\"";
    }

    /** Escapes the characters HTML gives a meaning to, so cell text is shown as written. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}

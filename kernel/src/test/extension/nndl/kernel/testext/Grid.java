package nndl.kernel.testext;

import java.util.List;

/** A tiny table type that only the test extension knows how to render as HTML. */
public record Grid(List<String> header, List<List<Object>> rows) {

    /** A grid with {@code header} and {@code rows}; every row as long as the header. */
    public Grid {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** The grid as an HTML table. */
    public String html() {
        StringBuilder html = new StringBuilder("<table class=\"grid\"><thead><tr>");
        header.forEach(h -> html.append("<th>").append(h).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<Object> row : rows) {
            html.append("<tr>");
            row.forEach(v -> html.append("<td>").append(v).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    @Override
    public String toString() {
        return "Grid " + rows.size() + "x" + header.size() + " " + header;
    }
}

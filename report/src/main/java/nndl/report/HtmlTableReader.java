package nndl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the first {@code <table>} of an HTML output (as a Tablesaw table displays itself) into
 * rows of plain-text cells, so the report can draw it as a table. Anything richer than rows of
 * {@code th}/{@code td} cells (nested tables, spans) is rejected and the caller falls back to the
 * output's text/plain form.
 */
final class HtmlTableReader {
    /** A parsed table: optional caption, header rows, body rows. */
    record Table(String caption, List<List<String>> header, List<List<String>> body) {
    }

    private static final Pattern TABLE = Pattern.compile("(?is)<table\\b[^>]*>(.*?)</table\\s*>");
    private static final Pattern CAPTION = Pattern.compile("(?is)<caption\\b[^>]*>(.*?)</caption\\s*>");
    private static final Pattern ROW = Pattern.compile("(?is)<tr\\b[^>]*>(.*?)(?=<tr\\b|</tbody|</thead|</tfoot|$)");
    private static final Pattern CELL = Pattern.compile("(?is)<(t[hd])\\b([^>]*)>(.*?)(?=<t[hd]\\b|</tr|$)");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

    private HtmlTableReader() {
    }

    /** Parses the first table of {@code html}, or returns empty when there is none or it is not a simple grid. */
    static Optional<Table> parse(String html) {
        Matcher table = TABLE.matcher(html);
        if (!table.find() || table.group(1).toLowerCase().contains("<table")) {
            return Optional.empty();
        }
        String inner = table.group(1);
        Matcher caption = CAPTION.matcher(inner);
        String captionText = caption.find() ? text(caption.group(1)) : null;
        List<List<String>> header = new ArrayList<>();
        List<List<String>> body = new ArrayList<>();
        Matcher row = ROW.matcher(inner);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            boolean allHeader = true;
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                if (cell.group(2).toLowerCase().matches(".*\\b(colspan|rowspan)\\s*=\\s*[\"']?[2-9].*")) {
                    return Optional.empty();
                }
                allHeader &= cell.group(1).equalsIgnoreCase("th");
                cells.add(text(cell.group(3).replaceAll("(?is)</t[hd]\\s*>.*", "")));
            }
            if (!cells.isEmpty()) {
                (allHeader && body.isEmpty() ? header : body).add(cells);
            }
        }
        if (header.isEmpty() && body.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Table(captionText, header, body));
    }

    /** Returns the text of an HTML fragment: tags removed, entities decoded, blanks collapsed. */
    static String text(String html) {
        return stripTags(html).replaceAll("\\s+", " ").strip();
    }

    /** Removes tags (a {@code <br>} or block end becomes a newline) and decodes entities. */
    static String stripTags(String html) {
        String withBreaks = html.replaceAll("(?i)<br\\s*/?>|</p\\s*>|</div\\s*>|</li\\s*>|</h[1-6]\\s*>", "\n");
        return decode(TAG.matcher(withBreaks).replaceAll(""));
    }

    private static String decode(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            entity.appendReplacement(out, Matcher.quoteReplacement(entity(entity.group(1), entity.group())));
        }
        entity.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String original) {
        if (name.startsWith("#")) {
            try {
                boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
                return new String(Character.toChars(Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10)));
            } catch (IllegalArgumentException e) {
                return original;
            }
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "times" -> "×";
            case "minus" -> "−";
            default -> original;
        };
    }
}

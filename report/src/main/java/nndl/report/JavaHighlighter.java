package nndl.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Java tokenizer for colouring code in the PDF: keywords (and the literals true, false,
 * null), string and char literals (text blocks included), comments (line and block), numbers and
 * annotations. It works line by line, carrying an open block comment or text block to the next
 * line; it does not parse, so code that does not compile is still coloured token by token.
 */
final class JavaHighlighter {
    /** What a character of the code is part of. */
    enum Kind { PLAIN, KEYWORD, STRING, COMMENT, NUMBER, ANNOTATION }

    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "var", "record", "yield", "sealed",
            "permits", "true", "false", "null");
    private static final Pattern NUMBER = Pattern.compile(
            "0[xX][0-9a-fA-F_]+[lL]?|0[bB][01_]+[lL]?|(?:\\d[\\d_]*(?:\\.[\\d_]*)?|\\.\\d[\\d_]*)(?:[eE][+-]?\\d+)?[fFdDlL]?");

    private enum State { CODE, BLOCK_COMMENT, TEXT_BLOCK }

    private JavaHighlighter() {
    }

    /**
     * Returns, for each line, the kind of each of its chars (an array as long as the line).
     *
     * @param lines the code's lines, without line terminators (not modified)
     */
    static List<Kind[]> kinds(List<String> lines) {
        List<Kind[]> out = new ArrayList<>(lines.size());
        State state = State.CODE;
        for (String line : lines) {
            Kind[] kinds = new Kind[line.length()];
            Arrays.fill(kinds, Kind.PLAIN);
            state = line(line, kinds, state);
            out.add(kinds);
        }
        return out;
    }

    private static State line(String line, Kind[] kinds, State state) {
        int n = line.length();
        int i = 0;
        while (i < n) {
            if (state == State.BLOCK_COMMENT) {
                int end = line.indexOf("*/", i);
                int stop = end < 0 ? n : end + 2;
                Arrays.fill(kinds, i, stop, Kind.COMMENT);
                i = stop;
                state = end < 0 ? State.BLOCK_COMMENT : State.CODE;
                continue;
            }
            if (state == State.TEXT_BLOCK) {
                int end = closingQuotes(line, i);
                int stop = end < 0 ? n : end + 3;
                Arrays.fill(kinds, i, stop, Kind.STRING);
                i = stop;
                state = end < 0 ? State.TEXT_BLOCK : State.CODE;
                continue;
            }
            char c = line.charAt(i);
            if (line.startsWith("//", i)) {
                Arrays.fill(kinds, i, n, Kind.COMMENT);
                return State.CODE;
            } else if (line.startsWith("/*", i)) {
                Arrays.fill(kinds, i, i + 2, Kind.COMMENT);
                i += 2;
                state = State.BLOCK_COMMENT;
            } else if (line.startsWith("\"\"\"", i)) {
                Arrays.fill(kinds, i, i + 3, Kind.STRING);
                i += 3;
                state = State.TEXT_BLOCK;
            } else if (c == '"' || c == '\'') {
                int stop = quoted(line, i, c);
                Arrays.fill(kinds, i, stop, Kind.STRING);
                i = stop;
            } else if (c == '@' && i + 1 < n && Character.isJavaIdentifierStart(line.charAt(i + 1))) {
                int stop = identifierEnd(line, i + 1);
                Arrays.fill(kinds, i, stop, Kind.ANNOTATION);
                i = stop;
            } else if (Character.isJavaIdentifierStart(c)) {
                int stop = identifierEnd(line, i);
                if (KEYWORDS.contains(line.substring(i, stop))) {
                    Arrays.fill(kinds, i, stop, Kind.KEYWORD);
                }
                i = stop;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(line.charAt(i + 1))) {
                Matcher m = NUMBER.matcher(line).region(i, n);
                int stop = m.lookingAt() ? m.end() : i + 1;
                Arrays.fill(kinds, i, stop, Kind.NUMBER);
                i = stop;
            } else {
                i++;
            }
        }
        return state;
    }

    /** Returns the index after the closing quote of the literal opened at {@code start} (or the line's end). */
    private static int quoted(String line, int start, char quote) {
        for (int i = start + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return line.length();
    }

    /** Returns the index of the {@code """} that closes a text block, searching from {@code from}, or -1. */
    private static int closingQuotes(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (line.startsWith("\"\"\"", i)) {
                return i;
            }
        }
        return -1;
    }

    private static int identifierEnd(String line, int start) {
        int i = start + 1;
        while (i < line.length() && Character.isJavaIdentifierPart(line.charAt(i))) {
            i++;
        }
        return i;
    }
}

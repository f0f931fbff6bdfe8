package nndl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the math out of notebook markdown before CommonMark sees it (CommonMark would read the
 * {@code _} and {@code \\} of LaTeX as emphasis and escapes), leaving a placeholder for each formula.
 * Recognised as in Jupyter: {@code $...$}, {@code \(...\)} inline; {@code $$...$$}, {@code \[...\]}
 * and bare {@code \begin{env}...\end{env}} as display math. Code spans, fenced code and {@code \$}
 * are left alone.
 */
final class MathExtractor {
    /** Placeholder delimiters: private-use characters, so CommonMark treats them as plain text. */
    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';
    static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

    /** One formula: its LaTeX and whether it was display math. */
    record Formula(String latex, boolean display) {
    }

    /** The markdown with placeholders, and the formulas they stand for (placeholder n is formulas[n]). */
    record Extracted(String markdown, List<Formula> formulas) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern BEGIN = Pattern.compile("\\\\begin\\{([a-zA-Z*]+)\\}");

    private MathExtractor() {
    }

    /** Replaces every formula of {@code markdown} by a placeholder. */
    static Extracted extract(String markdown) {
        List<Formula> formulas = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        StringBuilder prose = new StringBuilder();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            Matcher fenceMatch = FENCE.matcher(line);
            if (fence == null && fenceMatch.find()) {
                fence = fenceMatch.group(1);
                out.append(replace(prose.toString(), formulas));
                prose.setLength(0);
                out.append(line).append('\n');
            } else if (fence != null) {
                out.append(line).append('\n');
                if (line.trim().startsWith(fence) && line.trim().replace(fence.substring(0, 1), "").isEmpty()) {
                    fence = null;
                }
            } else {
                prose.append(line).append('\n');
            }
        }
        out.append(replace(prose.toString(), formulas));
        String text = out.toString();
        // Every line got a newline, the last one included: drop that one.
        return new Extracted(text.substring(0, text.length() - 1), formulas);
    }

    /** Scans prose (no fenced code) for formulas, skipping code spans. */
    private static String replace(String text, List<Formula> formulas) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                int end = codeSpanEnd(text, i);
                out.append(text, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append("\\$");
                i += 2;
            } else {
                int end = formulaEnd(text, i, formulas);
                if (end > i) {
                    out.append(OPEN).append(formulas.size() - 1).append(CLOSE);
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            }
        }
        return out.toString();
    }

    /** Returns the index after the code span starting at {@code start}, or start + run length if unclosed. */
    private static int codeSpanEnd(String text, int start) {
        int run = start;
        while (run < text.length() && text.charAt(run) == '`') {
            run++;
        }
        String ticks = text.substring(start, run);
        int close = text.indexOf(ticks, run);
        while (close >= 0 && close + ticks.length() < text.length() && text.charAt(close + ticks.length()) == '`') {
            close = text.indexOf(ticks, close + ticks.length() + 1);
        }
        return close < 0 ? run : close + ticks.length();
    }

    /** If a formula starts at {@code i}, records it and returns the index after it; else returns i. */
    private static int formulaEnd(String text, int i, List<Formula> formulas) {
        if (text.startsWith("$$", i)) {
            return delimited(text, i, "$$", "$$", true, formulas);
        }
        if (text.startsWith("\\[", i)) {
            return delimited(text, i, "\\[", "\\]", true, formulas);
        }
        if (text.startsWith("\\(", i)) {
            return delimited(text, i, "\\(", "\\)", false, formulas);
        }
        if (text.charAt(i) == '$') {
            return inlineDollar(text, i, formulas);
        }
        Matcher begin = BEGIN.matcher(text).region(i, text.length());
        if (begin.lookingAt()) {
            String end = "\\end{" + begin.group(1) + "}";
            int close = text.indexOf(end, begin.end());
            if (close >= 0) {
                formulas.add(new Formula(text.substring(i, close + end.length()), true));
                return close + end.length();
            }
        }
        return i;
    }

    private static int delimited(String text, int i, String open, String close, boolean display, List<Formula> formulas) {
        int end = text.indexOf(close, i + open.length());
        if (end < 0 || text.substring(i + open.length(), end).isBlank()) {
            return i;
        }
        formulas.add(new Formula(text.substring(i + open.length(), end).trim(), display));
        return end + close.length();
    }

    /** $x$: the opening $ is not followed by a blank, the closing one not preceded by a blank nor followed by a digit. */
    private static int inlineDollar(String text, int i, List<Formula> formulas) {
        if (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))) {
            return i;
        }
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '\n' && j + 1 < text.length() && text.charAt(j + 1) == '\n') {
                return i;
            } else if (c == '$') {
                boolean closes = !Character.isWhitespace(text.charAt(j - 1))
                        && (j + 1 >= text.length() || !Character.isDigit(text.charAt(j + 1)));
                if (!closes) {
                    return i;
                }
                formulas.add(new Formula(text.substring(i + 1, j), false));
                return j + 1;
            }
        }
        return i;
    }
}

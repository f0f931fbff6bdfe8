package nndl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Text clean-up for notebook outputs: ANSI escapes, carriage-return overwrites, tabs, line splitting. */
final class Texts {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)|\u001B[@-Z\\\\-_]");

    private Texts() {
    }

    private static final Pattern TROUBLE = Pattern.compile(
            "(?i)(error|exception)\\b|\\b(warn(ing)?|fail(ed|ure)?|severe|fatal|traceback)\\b|\\tat [\\w$.]+\\(");

    /**
     * Whether stderr text reads like a warning or an error (a word ending in error or exception, the
     * words warning, failed, severe, fatal, or a stack frame), rather than an informational line a
     * library logs there.
     */
    static boolean looksLikeTrouble(String text) {
        return TROUBLE.matcher(text).find();
    }

    /** Removes ANSI colour and cursor escape sequences (as in IPython tracebacks). */
    static String stripAnsi(String text) {
        return ANSI.matcher(text).replaceAll("");
    }

    /**
     * Returns {@code text} as a terminal would show it: within each line only what follows the last
     * carriage return survives (progress bars redraw themselves that way).
     */
    static String applyCarriageReturns(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            int cr = trimmed.lastIndexOf('\r');
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(cr < 0 ? trimmed : trimmed.substring(cr + 1));
        }
        return out.toString();
    }

    /** Replaces tabs by spaces up to the next multiple of 4 columns. */
    static String expandTabs(String line) {
        if (line.indexOf('\t') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c == '\t') {
                do {
                    out.append(' ');
                } while (out.length() % 4 != 0);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Splits into lines, dropping one trailing newline (so "a\n" is one line). */
    static List<String> lines(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\r?\n", -1)) {
            lines.add(line);
        }
        return lines;
    }
}

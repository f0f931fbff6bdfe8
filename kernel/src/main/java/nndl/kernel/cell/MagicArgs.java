package nndl.kernel.cell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic's argument text into words the way a shell would for simple cases: blanks
 * separate words, single or double quotes group blanks into one word, a backslash keeps the next
 * character as is (outside single quotes).
 */
public final class MagicArgs {
    private MagicArgs() {
    }

    /**
     * The words of {@code text}.
     *
     * @throws IllegalArgumentException if a quote is left open
     */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\\' && quote != '\'' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
                inWord = true;
            } else if (c == quote) {
                quote = 0;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}

package nndl.kernel.cell;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A line magic used as an expression, where IJava allows it: right after an assignment's
 * {@code =}, e.g. {@code List<String> added = %jars lib/*.jar;}. The magic and its arguments run
 * to the end of the line (a final {@code ;} ends the statement); the line becomes a call of the
 * notebook function {@code lineMagic(name, List.of(args...))}, so the magic runs when the statement
 * does and its value is assigned.
 */
public final class MagicExpressions {
    /** An {@code =} that is an assignment (not {@code ==}, {@code <=}, {@code +=}...), then {@code %name}. */
    private static final Pattern MAGIC_AFTER_ASSIGN =
            Pattern.compile("^(?<prefix>(?:.*[^=!<>+\\-*/%&|^])?=)\\s*%(?<name>[A-Za-z_][\\w.-]*)(?<args>(?:[\\s;].*)?)$");
    private static final Pattern UNESCAPED_QUOTE = Pattern.compile("(?<!\\\\)\"");

    private MagicExpressions() {
    }

    /**
     * {@code line} with a magic after its assignment rewritten into a {@code lineMagic} call, or
     * {@code line} itself when it holds none (an {@code =} inside a string literal does not count).
     *
     * @throws IllegalArgumentException if the magic's arguments leave a quote open
     */
    public static String rewrite(String line) {
        Matcher m = MAGIC_AFTER_ASSIGN.matcher(line);
        if (!m.matches() || insideString(m.group("prefix"))) {
            return line;
        }
        String args = m.group("args").strip();
        boolean endsStatement = args.endsWith(";");
        if (endsStatement) {
            args = args.substring(0, args.length() - 1).stripTrailing();
        }
        List<String> words = MagicArgs.split(args);
        String call = "lineMagic(" + literal(m.group("name")) + ", java.util.List.of("
                + words.stream().map(MagicExpressions::literal).collect(Collectors.joining(", ")) + "))";
        return m.group("prefix") + " " + call + (endsStatement ? ";" : "");
    }

    private static boolean insideString(String prefix) {
        Matcher quotes = UNESCAPED_QUOTE.matcher(prefix);
        int count = 0;
        while (quotes.find()) {
            count++;
        }
        return count % 2 == 1;
    }

    /** {@code text} as a Java string literal. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

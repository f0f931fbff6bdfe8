package nndl.release;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and validates the solution blocks of a Java source file (docs/editions.md): marker lines
 * exactly {@code // BEGIN SOLUTION <Class.method>: <block name>} and {@code // END SOLUTION}, blocks
 * neither nested nor left open, each inside a method body and brace-balanced. Braces are counted on
 * the code alone (comments, strings, character literals and text blocks are skipped), and each
 * brace is classified as a type body, a member body (method, constructor, initialiser) or a block
 * inside one.
 */
public final class BlockScanner {
    /** The BEGIN marker; group 1 is the method, group 2 the block name. */
    static final Pattern BEGIN = Pattern.compile("// BEGIN SOLUTION ([A-Za-z_$][\\w$]*(?:\\.[\\w$<>]+)+): (\\S.*\\S|\\S)");
    static final String BEGIN_PREFIX = "// BEGIN SOLUTION";
    static final String END = "// END SOLUTION";

    private static final Pattern TYPE_HEADER = Pattern.compile("(^|[\\s@;])(class|interface|enum|record)\\s+[\\w$]+");
    private static final Pattern ANONYMOUS_CLASS = Pattern.compile("\\bnew\\s+[\\w$.]+\\s*(<[^;]*>)?\\s*\\(.*\\)\\s*$");

    private enum Brace { TYPE, MEMBER, BLOCK }

    private BlockScanner() {
    }

    /**
     * Returns the blocks of one file, in order.
     *
     * @param file  the path to name in blocks and errors (relative to the repository root)
     * @param lines the file's lines (not modified)
     * @throws ReleaseError naming the file and line of a malformed marker, a nested or open block,
     *                      a block outside a method body, or a block that is not brace-balanced
     */
    public static List<SolutionBlock> scan(String file, List<String> lines) throws ReleaseError {
        return new Scan(file).run(lines);
    }

    /** Returns whether {@code text} holds a solution marker at all (a quick filter before {@link #scan}). */
    public static boolean mentionsMarkers(String text) {
        return text.contains(BEGIN_PREFIX) || text.contains(END);
    }

    /** The scanning state of one file. */
    private static final class Scan {
        private final String file;
        private final List<SolutionBlock> blocks = new ArrayList<>();
        private final Deque<Brace> braces = new ArrayDeque<>();
        private final StringBuilder header = new StringBuilder();
        private boolean inBlockComment;
        private boolean inTextBlock;
        // the open block: its BEGIN line (0 when none), method, name, indent, brace depth
        private int openLine;
        private String openMethod;
        private String openName;
        private String openIndent;
        private int openDepth;
        // a closed block waiting for the next code character to know whether it ends its method
        private SolutionBlock pending;

        Scan(String file) {
            this.file = file;
        }

        List<SolutionBlock> run(List<String> lines) throws ReleaseError {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int number = i + 1;
                String trimmed = line.strip();
                if (!inBlockComment && !inTextBlock && trimmed.startsWith(BEGIN_PREFIX)) {
                    begin(number, line, trimmed);
                    continue;
                }
                if (!inBlockComment && !inTextBlock && trimmed.startsWith(END)) {
                    end(number, trimmed);
                    continue;
                }
                code(line, number);
            }
            if (openLine > 0) {
                throw new ReleaseError(file, openLine, "solution block '" + openMethod + ": " + openName
                        + "' is left open (no // END SOLUTION after it)");
            }
            if (pending != null) {
                throw new ReleaseError(file, pending.endLine(), "solution block ends the file, outside any method body");
            }
            return List.copyOf(blocks);
        }

        private void begin(int number, String line, String trimmed) throws ReleaseError {
            Matcher marker = BEGIN.matcher(trimmed);
            if (!marker.matches()) {
                throw new ReleaseError(file, number, "malformed marker '" + trimmed
                        + "'; expected // BEGIN SOLUTION <Class.method>: <block name>");
            }
            if (openLine > 0) {
                throw new ReleaseError(file, number, "nested solution block: BEGIN inside the block '" + openMethod
                        + ": " + openName + "' opened at line " + openLine);
            }
            if (!braces.contains(Brace.MEMBER)) {
                throw new ReleaseError(file, number, "solution block '" + marker.group(1) + ": " + marker.group(2)
                        + "' is outside a method body");
            }
            resolvePending(false);
            openLine = number;
            openMethod = marker.group(1);
            openName = marker.group(2);
            openIndent = line.substring(0, line.indexOf('/'));
            openDepth = braces.size();
        }

        private void end(int number, String trimmed) throws ReleaseError {
            if (!trimmed.equals(END)) {
                throw new ReleaseError(file, number, "malformed marker '" + trimmed + "'; expected exactly // END SOLUTION");
            }
            if (openLine == 0) {
                throw new ReleaseError(file, number, "// END SOLUTION without a // BEGIN SOLUTION before it");
            }
            if (braces.size() != openDepth) {
                throw new ReleaseError(file, number, "solution block '" + openMethod + ": " + openName + "' (line "
                        + openLine + ") is not brace-balanced: it " + (braces.size() > openDepth ? "opens" : "closes")
                        + " " + Math.abs(braces.size() - openDepth) + " more brace(s) than it "
                        + (braces.size() > openDepth ? "closes" : "opens"));
            }
            pending = new SolutionBlock(file, openLine, number, openMethod, openName, openIndent, false);
            openLine = 0;
        }

        private void resolvePending(boolean endsMethod) {
            if (pending != null) {
                blocks.add(new SolutionBlock(pending.file(), pending.beginLine(), pending.endLine(), pending.method(),
                        pending.name(), pending.indent(), endsMethod));
                pending = null;
            }
        }

        /** Walks one line of code: comments, strings and text blocks skipped, braces tracked. */
        private void code(String line, int number) throws ReleaseError {
            int n = line.length();
            for (int i = 0; i < n; i++) {
                char c = line.charAt(i);
                char next = i + 1 < n ? line.charAt(i + 1) : '\0';
                if (inBlockComment) {
                    if (c == '*' && next == '/') {
                        inBlockComment = false;
                        i++;
                    }
                    continue;
                }
                if (inTextBlock) {
                    if (c == '\\') {
                        i++;
                    } else if (line.startsWith("\"\"\"", i)) {
                        inTextBlock = false;
                        i += 2;
                    }
                    continue;
                }
                if (c == '/' && next == '/') {
                    return;
                }
                if (c == '/' && next == '*') {
                    inBlockComment = true;
                    i++;
                    continue;
                }
                if (Character.isWhitespace(c)) {
                    header.append(' ');
                    continue;
                }
                if (pending != null) {
                    resolvePending(c == '}' && braces.peek() == Brace.MEMBER);
                }
                if (line.startsWith("\"\"\"", i)) {
                    inTextBlock = true;
                    i += 2;
                    header.append("\"\"");
                    continue;
                }
                if (c == '"' || c == '\'') {
                    i = skipLiteral(line, i, c);
                    header.append(c).append(c);
                    continue;
                }
                switch (c) {
                    case '{' -> {
                        braces.push(classify(header.toString().strip()));
                        header.setLength(0);
                    }
                    case '}' -> {
                        if (braces.isEmpty()) {
                            throw new ReleaseError(file, number, "unbalanced '}'");
                        }
                        braces.pop();
                        header.setLength(0);
                    }
                    case ';' -> header.setLength(0);
                    default -> header.append(c);
                }
            }
            header.append(' ');
        }

        private static int skipLiteral(String line, int start, char quote) {
            for (int i = start + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    return i;
                }
            }
            return line.length();
        }

        private Brace classify(String head) {
            Brace parent = braces.peek();
            if (parent == null || TYPE_HEADER.matcher(head).find() && !head.contains("->")) {
                return Brace.TYPE;
            }
            if (ANONYMOUS_CLASS.matcher(head).find() && !head.contains("->")) {
                return Brace.TYPE;
            }
            if (parent == Brace.TYPE) {
                // a field's array initialiser is not a member body; enum constants with bodies are rare enough
                return head.endsWith("=") ? Brace.BLOCK : Brace.MEMBER;
            }
            return Brace.BLOCK;
        }
    }
}

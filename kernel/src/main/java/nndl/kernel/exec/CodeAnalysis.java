package nndl.kernel.exec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * Tab completion, Shift-Tab documentation and "is this input complete?" for a cell, answered by
 * JShell's {@link SourceCodeAnalysis}. A cell may hold several statements; each question is asked
 * about the statement under the cursor.
 */
public final class CodeAnalysis {
    /** The answer to an is-complete request. */
    public sealed interface Verdict {
        /** The cell can run as is. */
        record Complete() implements Verdict {
        }

        /** More lines are needed; {@code indent} is the suggested indentation of the next one. */
        record Incomplete(String indent) implements Verdict {
        }

        /** The cell cannot become valid Java by adding lines. */
        record Invalid() implements Verdict {
        }
    }

    /**
     * Replacement candidates for the text between {@code start} and the cursor.
     *
     * @param matches distinct candidates, JShell's best first
     * @param start   offset in the cell where the replaced text starts
     */
    public record Completions(List<String> matches, int start) {
    }

    private final SourceCodeAnalysis analysis;

    CodeAnalysis(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** JShell's analysis of the first statement of {@code code}. */
    CompletionInfo completion(String code) {
        return analysis.analyzeCompletion(code);
    }

    /** Completions at {@code cursor} of {@code code} (magic lines must already be blanked). */
    public Completions complete(String code, int cursor) {
        int start = statementStart(code, cursor);
        int[] anchor = new int[1];
        Set<String> matches = new LinkedHashSet<>();
        analysis.completionSuggestions(code.substring(start, cursor), cursor - start, anchor)
                .forEach(s -> matches.add(s.continuation()));
        return new Completions(List.copyOf(matches), start + anchor[0]);
    }

    /**
     * Signatures (and Javadoc, where the JDK has it) of what is at {@code cursor}: the identifier
     * under or before the cursor, as a method call if a {@code (} follows it.
     */
    public List<Documentation> documentation(String code, int cursor) {
        int at = Math.min(Math.max(cursor, 0), code.length());
        while (at < code.length() && Character.isJavaIdentifierPart(code.charAt(at))) {
            at++;
        }
        int paren = at;
        while (paren < code.length() && Character.isWhitespace(code.charAt(paren))) {
            paren++;
        }
        if (paren < code.length() && code.charAt(paren) == '(') {
            at = paren + 1;
        }
        int start = statementStart(code, at);
        String statement = code.substring(start, at);
        List<Documentation> docs = analysis.documentation(statement, at - start, true);
        if (docs.isEmpty() && !statement.endsWith("(")) {
            // JShell documents methods only as calls: Math.abs finds nothing, Math.abs( finds it.
            docs = analysis.documentation(statement + "(", at - start + 1, true);
        }
        return docs;
    }

    /** Whether {@code code} (magic lines blanked) is ready to run. */
    public Verdict isComplete(String code) {
        CompletionInfo info = analysis.analyzeCompletion(code);
        while (info.completeness().isComplete() && !info.remaining().isBlank()) {
            info = analysis.analyzeCompletion(info.remaining());
        }
        Completeness completeness = info.completeness();
        if (completeness == Completeness.UNKNOWN) {
            return new Verdict.Invalid();
        }
        if (completeness.isComplete() || completeness == Completeness.EMPTY) {
            return new Verdict.Complete();
        }
        return new Verdict.Incomplete(nextIndent(code));
    }

    /** Number of blanks at the start of {@code text}. */
    static int leadingBlanks(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Offset where the statement holding {@code cursor} starts: after every complete one before it. */
    private int statementStart(String code, int cursor) {
        String before = code.substring(0, cursor);
        int start = 0;
        while (start < before.length()) {
            CompletionInfo info = analysis.analyzeCompletion(before.substring(start));
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                break;
            }
            start = before.length() - info.remaining().length();
        }
        return start + leadingBlanks(before.substring(start));
    }

    /** The last line's indentation, one level deeper after an opening brace or parenthesis. */
    private static String nextIndent(String code) {
        String[] lines = code.stripTrailing().split("\n");
        String last = lines[lines.length - 1];
        String indent = last.substring(0, leadingBlanks(last));
        String trimmed = last.strip();
        boolean opens = trimmed.endsWith("{") || trimmed.endsWith("(") || trimmed.endsWith("->");
        return opens ? indent + "    " : indent;
    }
}

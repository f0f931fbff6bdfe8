package nndl.release;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces each solution block of a file by its stub (docs/editions.md): the block's markers become
 * {@code // BEGIN YOUR CODE <Class.method>: <block>} and {@code // END YOUR CODE}, its instructions (the
 * comment lines that open the block) stay, and the model answer after them becomes one statement: a
 * block followed by the end of its method {@code throw new NotImplementedYet(method, block);}, any other
 * block the call statement {@code NotImplementedYet.raise(method, block);}, so the shared code after it
 * still compiles. The exception takes its file and line from the stack when it is thrown, so the
 * message stays right after a student adds lines. Files outside {@code nndl.util} get
 * {@code import nndl.util.NotImplementedYet;} when they lack it.
 */
public final class Stubber {
    /** The exception class the stubs throw (part of both editions). */
    public static final String EXCEPTION = "nndl.util.NotImplementedYet";
    private static final String IMPORT = "import " + EXCEPTION + ";";
    /** The student edition's marker lines around a stub (the instructor edition's are {@code // BEGIN SOLUTION}). */
    public static final String BEGIN_YOUR_CODE = "// BEGIN YOUR CODE ";
    /** The student edition's closing marker. */
    public static final String END_YOUR_CODE = "// END YOUR CODE";

    /**
     * A stubbed file: its new lines and, per block, where its stub is.
     *
     * @param lines the student file's lines
     * @param stubs the blocks in order, each with the 1-based line of its stub in {@code lines}
     */
    public record Result(List<String> lines, List<Stub> stubs) {
    }

    /**
     * A block and where its stub is in the student file (1-based lines).
     *
     * @param block        the instructor's block
     * @param begin        the line of {@code // BEGIN YOUR CODE}
     * @param line         the line of the stub statement
     * @param end          the line of {@code // END YOUR CODE}
     * @param instructions the block's instruction lines, kept above the stub
     */
    public record Stub(SolutionBlock block, int begin, int line, int end, List<String> instructions) {
        /** Returns e.g. {@code lib/src/main/java/nndl/layers/Affine.java:42}. */
        public String location() {
            return block.file() + ":" + line;
        }
    }

    private Stubber() {
    }

    /**
     * Returns the student version of a file.
     *
     * @param lines  the instructor file's lines (not modified)
     * @param blocks its blocks from {@link BlockScanner#scan}, in order
     * @throws ReleaseError naming the file and line of a block that does not open with its instructions
     */
    public static Result stub(List<String> lines, List<SolutionBlock> blocks) throws ReleaseError {
        List<String> out = new ArrayList<>(lines.size());
        List<Stub> stubs = new ArrayList<>();
        int importAfter = blocks.isEmpty() ? -1 : importPosition(lines);
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            if (next < blocks.size() && blocks.get(next).beginLine() == number) {
                SolutionBlock block = blocks.get(next++);
                List<String> instructions = instructions(lines, block);
                if (instructions.isEmpty()) {
                    throw new ReleaseError(block.file(), block.beginLine(), "solution block '" + block.title()
                            + "' has no instructions: open it with // comment lines saying what to compute, the shapes and"
                            + " which variables to set (the student edition keeps them above the stub)");
                }
                int begin = out.size() + 1;
                out.add(block.indent() + BEGIN_YOUR_CODE + block.title());
                out.addAll(instructions);
                int stubLine = out.size() + 1;
                out.add(block.indent() + statement(block));
                out.add(block.indent() + END_YOUR_CODE);
                stubs.add(new Stub(block, begin, stubLine, out.size(), instructions));
                i = block.endLine() - 1;
                continue;
            }
            out.add(lines.get(i));
            if (i == importAfter) {
                out.add(IMPORT);
            }
        }
        return new Result(List.copyOf(out), List.copyOf(stubs));
    }

    /**
     * Returns the instruction lines of a block: the comment lines right after its BEGIN marker, as they
     * are (they are shipped to students, so the leak check skips them).
     */
    public static List<String> instructions(List<String> lines, SolutionBlock block) {
        List<String> instructions = new ArrayList<>();
        for (int number = block.beginLine() + 1; number < block.endLine(); number++) {
            String line = lines.get(number - 1);
            if (!line.strip().startsWith("//")) {
                break;
            }
            instructions.add(line);
        }
        return List.copyOf(instructions);
    }

    /** Returns the stub statement, e.g. {@code NotImplementedYet.raise("A.b", "c");}. */
    static String statement(SolutionBlock block) {
        String arguments = quote(block.method()) + ", " + quote(block.name());
        return block.endsMethod() ? "throw new NotImplementedYet(" + arguments + ");"
                : "NotImplementedYet.raise(" + arguments + ");";
    }

    /** Returns the 0-based index of the line after which the import goes, or -1 when none is needed. */
    private static int importPosition(List<String> lines) {
        int packageLine = -1;
        int lastImport = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals(IMPORT) || line.equals("import nndl.util.*;")) {
                return -1;
            }
            if (line.startsWith("package ")) {
                if (line.equals("package nndl.util;")) {
                    return -1;
                }
                packageLine = i;
            } else if (line.startsWith("import ") && !line.startsWith("import static ")) {
                lastImport = i;
            }
        }
        return lastImport >= 0 ? lastImport : packageLine;
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

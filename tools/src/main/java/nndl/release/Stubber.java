package nndl.release;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces each solution block of a file by its stub (docs/editions.md): a block followed by the end
 * of its method becomes {@code throw new NotImplementedYet(method, block, "file:line");}, any other
 * block the call statement {@code NotImplementedYet.raise(...);}, so the shared code after it still
 * compiles. The location is the stub's own line in the student file. Files outside
 * {@code nndl.util} get {@code import nndl.util.NotImplementedYet;} when they lack it.
 */
public final class Stubber {
    /** The exception class the stubs throw (part of both editions). */
    public static final String EXCEPTION = "nndl.util.NotImplementedYet";
    private static final String IMPORT = "import " + EXCEPTION + ";";

    /**
     * A stubbed file: its new lines and, per block, where its stub is.
     *
     * @param lines the student file's lines
     * @param stubs the blocks in order, each with the 1-based line of its stub in {@code lines}
     */
    public record Result(List<String> lines, List<Stub> stubs) {
    }

    /** A block and the line of its stub in the student file. */
    public record Stub(SolutionBlock block, int line) {
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
     */
    public static Result stub(List<String> lines, List<SolutionBlock> blocks) {
        List<String> out = new ArrayList<>(lines.size());
        List<Stub> stubs = new ArrayList<>();
        int importAfter = blocks.isEmpty() ? -1 : importPosition(lines);
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            if (next < blocks.size() && blocks.get(next).beginLine() == number) {
                SolutionBlock block = blocks.get(next++);
                int stubLine = out.size() + 1;
                Stub stub = new Stub(block, stubLine);
                out.add(block.indent() + statement(stub));
                stubs.add(stub);
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

    /** Returns the stub statement, e.g. {@code NotImplementedYet.raise("A.b", "c", "f.java:9");}. */
    static String statement(Stub stub) {
        SolutionBlock block = stub.block();
        String arguments = quote(block.method()) + ", " + quote(block.name()) + ", " + quote(stub.location());
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

package nndl.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The exercise blocks of the library sources, as the appendix shows them: the lines between
 * {@code // BEGIN SOLUTION <Class.method>: <block>} and {@code // END SOLUTION} (instructor edition)
 * or {@code // BEGIN YOUR CODE <Class.method>: <block>} and {@code // END YOUR CODE} (student
 * edition), each with the signature of the method around it.
 */
final class ExerciseBlocks {
    static final Pattern BEGIN =
            Pattern.compile("^\\s*// BEGIN (SOLUTION|YOUR CODE) <?([A-Za-z_$][\\w$]*(?:\\.[\\w$]+|\\.<init>)+)>?: (.*\\S)\\s*$");
    static final Pattern END = Pattern.compile("^\\s*// END (SOLUTION|YOUR CODE)\\s*$");
    /** Lines of a multi-line signature shown at most. */
    private static final int MAX_SIGNATURE_LINES = 4;

    /**
     * One block.
     *
     * @param file           path of the file relative to the tree, with '/' separators
     * @param method         e.g. {@code TwoLayerNet.loss}
     * @param name           e.g. {@code forward pass}
     * @param beginLine      1-based line of the BEGIN marker
     * @param endLine        1-based line of the END marker (the file's last line + 1 when it is missing)
     * @param body           the lines between the markers
     * @param signatureLine  1-based first line of the enclosing method's signature, or 0 when not found
     * @param signature      the signature's lines (up to its opening brace), empty when not found
     */
    record Block(String file, String method, String name, int beginLine, int endLine, List<String> body,
                 int signatureLine, List<String> signature) {
        Block {
            body = List.copyOf(body);
            signature = List.copyOf(signature);
        }

        /** Returns e.g. {@code lib/src/main/java/nndl/layers/Affine.java:58-70}: the body's lines. */
        String location() {
            int first = beginLine + 1;
            int last = endLine - 1;
            return file + ":" + (last > first ? first + "-" + last : String.valueOf(first));
        }

        /** Whether the signature ends right before the BEGIN marker (no lines left out between them). */
        boolean signatureAdjacent() {
            return signatureLine > 0 && signatureLine + signature.size() == beginLine;
        }
    }

    private ExerciseBlocks() {
    }

    /**
     * Returns the blocks of every .java file under {@code root/<folder>} for each folder (all of
     * {@code root} when {@code folders} is empty), files sorted by path, blocks in line order; adds
     * the folders that do not exist to {@code missing}.
     *
     * @param tree the folder the file names are relative to
     */
    static List<Block> scan(Path root, List<String> folders, Path tree, List<String> missing) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : folders.isEmpty() ? List.of("") : folders) {
            Path dir = folder.isEmpty() ? root : root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                missing.add(folder.isEmpty() ? root.getFileName().toString() : folder);
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().forEach(files::add);
            }
        }
        List<Block> blocks = new ArrayList<>();
        Path base = tree.toAbsolutePath().normalize();
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            String name = (absolute.startsWith(base) ? base.relativize(absolute) : file.getFileName()).toString().replace('\\', '/');
            blocks.addAll(blocks(name, Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        return blocks;
    }

    /**
     * Returns the blocks of one file.
     *
     * @param file  its name as shown
     * @param lines its lines (not modified)
     */
    static List<Block> blocks(String file, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher begin = BEGIN.matcher(lines.get(i));
            if (!begin.matches()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !END.matcher(lines.get(end)).matches() && !BEGIN.matcher(lines.get(end)).matches()) {
                end++;
            }
            boolean closed = end < lines.size() && END.matcher(lines.get(end)).matches();
            String method = begin.group(2);
            int signature = signatureLine(lines, i, method.substring(method.lastIndexOf('.') + 1));
            List<String> signatureLines = signature < 0 ? List.of() : signature(lines, signature, i);
            blocks.add(new Block(file, method, begin.group(3), i + 1, end + 1,
                    lines.subList(i + 1, end), signature + 1, signatureLines));
            i = closed ? end : end - 1;
        }
        return blocks;
    }

    /**
     * Returns {@code blocks} in the order a reader meets them: by where the notebooks' code cells (in
     * order) first name the block's class, or, for a class they never name (its methods statically
     * imported), first call one of its blocks' methods; then as they were. Blocks of a class the cells
     * neither name nor call come last.
     *
     * @param blocks    the blocks (not modified)
     * @param notebooks the executed notebooks in order
     */
    static List<Block> inNotebookOrder(List<Block> blocks, List<NotebookFile> notebooks) {
        StringBuilder code = new StringBuilder();
        for (NotebookFile notebook : notebooks) {
            for (NotebookFile.Cell cell : notebook.cells()) {
                if (cell instanceof NotebookFile.Code c) {
                    code.append(c.source()).append('\n');
                }
            }
        }
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        for (Block block : blocks) {
            first.computeIfAbsent(type(block), t -> position(code, "\\b" + Pattern.quote(t) + "\\b"));
        }
        // a class the cells never name (its methods statically imported): where they first call one of its methods
        java.util.Map<String, Integer> called = new java.util.HashMap<>();
        for (Block block : blocks) {
            String method = block.method().substring(block.method().lastIndexOf('.') + 1);
            called.merge(type(block), position(code, "\\b" + Pattern.quote(method) + "\\s*\\("), Math::min);
        }
        List<Block> sorted = new ArrayList<>(blocks);
        sorted.sort(java.util.Comparator.comparingInt(b -> first.get(type(b)) < Integer.MAX_VALUE
                ? first.get(type(b)) : called.get(type(b))));
        return sorted;
    }

    private static String type(Block block) {
        return block.method().substring(0, block.method().indexOf('.'));
    }

    /** The offset of the first match of {@code regex} in {@code text}, or Integer.MAX_VALUE when none. */
    private static int position(CharSequence text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.start() : Integer.MAX_VALUE;
    }

    /** Returns the 0-based line declaring {@code method} above line {@code from}, or -1. */
    private static int signatureLine(List<String> lines, int from, String method) {
        Pattern declaration = Pattern.compile("^\\s*(?:@\\w+\\s+)*(?:(?:public|protected|private|static|final|abstract|"
                + "synchronized|native|default)\\s+)*(?:<[^>]*>\\s*)?(?:[\\w$.<>\\[\\],?]+(?:\\s*\\[\\])*\\s+)?"
                + Pattern.quote(method) + "\\s*\\(");
        for (int i = from - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (declaration.matcher(line).find() && !line.strip().startsWith("return") && !line.contains("=")
                    && !line.strip().endsWith(";")) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the signature's lines from {@code start} up to the one with its opening brace (before {@code limit}). */
    private static List<String> signature(List<String> lines, int start, int limit) {
        List<String> out = new ArrayList<>();
        for (int i = start; i < limit && out.size() < MAX_SIGNATURE_LINES; i++) {
            out.add(lines.get(i));
            if (lines.get(i).contains("{")) {
                break;
            }
        }
        return out;
    }

    /**
     * Returns the project tree that file names are relative to: for a Maven source root such as
     * {@code <tree>/lib/src/main/java/nndl}, the folder holding the module ({@code <tree>}); else
     * the parent of {@code root}.
     */
    static Path tree(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        for (Path p = absolute; p != null; p = p.getParent()) {
            Path main = p.getParent();
            Path src = main == null ? null : main.getParent();
            Path module = src == null ? null : src.getParent();
            if (module != null && module.getParent() != null && named(p, "java") && named(main, "main") && named(src, "src")) {
                return module.getParent();
            }
        }
        return absolute.getParent() == null ? absolute : absolute.getParent();
    }

    private static boolean named(Path path, String name) {
        return path.getFileName() != null && path.getFileName().toString().equals(name);
    }
}

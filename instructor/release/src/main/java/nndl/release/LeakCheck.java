package nndl.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Proves that no model answer reached a student tree: every distinctive line of every block after its
 * instructions, and of every written answer of the notebooks (trimmed, longer than {@value #MIN_LENGTH}
 * characters, and not part of a line of the shared main code or text outside them) is searched in every
 * file of the tree and of its zip (in a notebook, also in its cells' decoded text); build output, class
 * files, jars and {@code .git} must be absent.
 */
public final class LeakCheck {
    /** Shorter lines ({@code return dx;}) are too common to prove anything. */
    public static final int MIN_LENGTH = 25;

    /**
     * What the check found.
     *
     * @param lines    the distinctive lines searched for
     * @param files    the files searched (tree and zip entries)
     * @param problems one line per leak or forbidden file, empty when clean
     */
    public record Report(int lines, int files, List<String> problems) {
    }

    private LeakCheck() {
    }

    /** Returns the distinctive lines of the model answers of the instructor tree at {@code root}. */
    public static Set<String> distinctiveLines(Path root) throws ReleaseError, IOException {
        Set<String> answers = new LinkedHashSet<>();
        Set<String> shared = new HashSet<>();
        for (String file : StudentEdition.trackedFiles(root)) {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path) || InstructorOnly.covering(file) != null) {
                continue;
            }
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            if (file.endsWith(".ipynb")) {
                AnswerCells.collect(file, text, answers, shared);
                continue;
            }
            List<String> lines = StudentEdition.lines(text);
            boolean[] inBlock = new boolean[lines.size()];
            if (file.startsWith(StudentEdition.LIBRARY) && file.endsWith(".java") && BlockScanner.mentionsMarkers(text)) {
                for (SolutionBlock block : BlockScanner.scan(file, lines)) {
                    int first = block.beginLine() + 1 + Stubber.instructions(lines, block).size();
                    for (int line = first; line < block.endLine(); line++) {
                        inBlock[line - 1] = true;
                    }
                }
            }
            // Only main code counts as shared: an answer line quoted in a doc or README is a leak.
            boolean notShared = file.contains("/src/test/") || !file.endsWith(".java");
            for (int i = 0; i < lines.size(); i++) {
                String trimmed = lines.get(i).strip();
                if (inBlock[i]) {
                    answers.add(trimmed);
                } else if (!notShared) {
                    shared.add(trimmed);
                }
            }
        }
        // A line of shared main code given to students anyway (e.g. a declaration that holds the
        // answer's assignment) proves nothing; tests and text files are not counted as shared, so a
        // test that re-implements an exercise, or a doc that quotes one, is found.
        answers.removeIf(line -> line.length() <= MIN_LENGTH || shared.stream().anyMatch(s -> s.contains(line)));
        return answers;
    }

    /** Searches the student tree {@code tree} and, when not null, the zip {@code zip}. */
    public static Report check(Set<String> answers, Path tree, Path zip) throws IOException {
        List<String> problems = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = tree.relativize(path).toString().replace('\\', '/');
                files++;
                forbidden(name, problems);
                search(name, Files.readAllBytes(path), answers, problems);
            }
        }
        if (zip != null) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        files++;
                        String name = zip.getFileName() + "!" + entry.getName();
                        forbidden(entry.getName(), problems);
                        search(name, readAll(in), answers, problems);
                    }
                }
            }
        }
        return new Report(answers.size(), files, List.copyOf(problems));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void forbidden(String name, List<String> problems) {
        String slashed = "/" + name;
        if (slashed.contains("/.git/") || slashed.contains("/target/") || slashed.contains("/build/")
                || name.endsWith(".class") || name.endsWith(".jar")) {
            problems.add(name + ": build output or git data in the student tree");
        }
    }

    private static void search(String name, byte[] bytes, Set<String> answers, List<String> problems) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (name.endsWith(".ipynb")) {
            String cells = AnswerCells.cellText(text);
            text = cells == null ? text : text + "\n" + cells;
        }
        for (String answer : answers) {
            if (text.contains(answer)) {
                problems.add(name + ": holds the model answer line '" + answer + "'");
            }
        }
    }
}

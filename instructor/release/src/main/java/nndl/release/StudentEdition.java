package nndl.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The student edition of an instructor tree: the files {@code git ls-files} lists (so no build
 * output, no {@code .git}, nothing untracked), without the {@link InstructorOnly} paths and regions,
 * every solution block replaced by its stub, notebook outputs cleared, a generated README, and
 * {@value #MANIFEST} naming the student-editable files and the stubs.
 */
public final class StudentEdition {
    /** Where the library's sources are; solution blocks live only here. */
    public static final String LIBRARY = "lib/src/main/java/";
    /** The student edition's record of its editable files and stubs (read by ./workbook submit). */
    public static final String MANIFEST = "student-edition.json";
    /**
     * The student edition's Maven settings: its builds never install into ~/.m2, where its stubbed
     * nndl-lib would replace the instructor's under the same coordinates on a machine holding both
     * (each edition's builds resolve its own modules from its reactor).
     */
    public static final String MAVEN_CONFIG = ".mvn/maven.config";
    static final String MAVEN_SETTINGS = "-Dmaven.install.skip=true\n";

    /**
     * A release in memory: the student files and what was stubbed.
     *
     * @param files    repository-relative path → content, sorted by path
     * @param exec     the paths that are executable
     * @param stubs    every stub, in file order
     * @param dropped  the instructor-only paths left out
     * @param editable the student-editable files (those holding at least one block)
     */
    public record Tree(Map<String, byte[]> files, Set<String> exec, List<Stubber.Stub> stubs, List<String> dropped,
                       List<String> editable) {
    }

    private StudentEdition() {
    }

    /**
     * Builds the student edition of the instructor tree at {@code root}.
     *
     * @throws ReleaseError on a malformed block or region (naming file and line), or when git fails
     */
    public static Tree build(Path root) throws ReleaseError, IOException {
        return build(root, ExerciseTable.ROWS);
    }

    /**
     * Builds the student edition of the instructor tree at {@code root}, its README listing the exercises
     * of {@code table}.
     *
     * @throws ReleaseError on a malformed block or region (naming file and line), a block without a row
     *                      in the table, or when git fails
     */
    public static Tree build(Path root, List<ExerciseTable.Exercise> table) throws ReleaseError, IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Set<String> exec = new java.util.TreeSet<>();
        List<Stubber.Stub> stubs = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<String> editable = new ArrayList<>();
        for (String file : trackedFiles(root)) {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue; // deleted in the working tree, or a submodule
            }
            if (InstructorOnly.covering(file) != null) {
                dropped.add(file);
                continue;
            }
            if (Files.isExecutable(path)) {
                exec.add(file);
            }
            byte[] bytes = Files.readAllBytes(path);
            if (!isText(bytes)) {
                files.put(file, bytes);
                continue;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (file.endsWith(".java") && BlockScanner.mentionsMarkers(text)) {
                List<String> lines = lines(text);
                List<SolutionBlock> blocks = BlockScanner.scan(file, lines);
                if (!blocks.isEmpty() && !file.startsWith(LIBRARY)) {
                    throw new ReleaseError(file, blocks.get(0).beginLine(), "solution blocks belong in " + LIBRARY
                            + " only (docs/editions.md)");
                }
                if (!blocks.isEmpty()) {
                    Stubber.Result result = Stubber.stub(lines, blocks);
                    stubs.addAll(result.stubs());
                    editable.add(file);
                    text = String.join("\n", result.lines()) + (text.endsWith("\n") ? "\n" : "");
                }
            }
            if ((InstructorOnly.hasRegions(text) && !file.endsWith(".ipynb")) || file.equals("pom.xml")) {
                text = String.join("\n", InstructorOnly.strip(file, lines(text))) + (text.endsWith("\n") ? "\n" : "");
            }
            if (file.endsWith(".ipynb")) {
                text = ClearedNotebook.clear(file, text);
            }
            boolean changed = !Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes);
            files.put(file, changed ? text.getBytes(StandardCharsets.UTF_8) : bytes);
        }
        String readme = files.containsKey("README.md") ? new String(files.get("README.md"), StandardCharsets.UTF_8) : "";
        files.put("README.md", StudentReadme.write(stubs, table, readme).getBytes(StandardCharsets.UTF_8));
        files.put(MANIFEST, manifest(stubs, editable).getBytes(StandardCharsets.UTF_8));
        files.put(MAVEN_CONFIG, MAVEN_SETTINGS.getBytes(StandardCharsets.UTF_8));
        return new Tree(files, exec, List.copyOf(stubs), List.copyOf(dropped), List.copyOf(editable));
    }

    /** Returns the student-editable files of the instructor tree at {@code root} (those holding blocks). */
    public static List<String> editableFiles(Path root) throws ReleaseError, IOException {
        List<String> editable = new ArrayList<>();
        for (String file : trackedFiles(root)) {
            Path path = root.resolve(file);
            if (file.startsWith(LIBRARY) && file.endsWith(".java") && Files.isRegularFile(path)) {
                String text = Files.readString(path);
                if (BlockScanner.mentionsMarkers(text) && !BlockScanner.scan(file, lines(text)).isEmpty()) {
                    editable.add(file);
                }
            }
        }
        return editable;
    }

    /** Returns whether {@code bytes} is UTF-8 text without NUL bytes (binary files are copied as they are). */
    static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** Returns the lines of {@code text} (a final newline ends the last line, it does not start another). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Returns {@code git ls-files} of {@code root}, sorted. */
    static List<String> trackedFiles(Path root) throws ReleaseError, IOException {
        Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] listing;
        try (InputStream in = git.getInputStream()) {
            listing = in.readAllBytes();
        }
        try {
            if (git.waitFor() != 0) {
                throw new ReleaseError(root + " is not a git work tree (the release copies the files git tracks)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for git", e);
        }
        List<String> files = new ArrayList<>();
        for (String file : new String(listing, StandardCharsets.UTF_8).split("\0")) {
            if (!file.isEmpty()) {
                files.add(file);
            }
        }
        files.sort(null);
        return files;
    }

    private static String manifest(List<Stubber.Stub> stubs, List<String> editable) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("edition", "student");
        json.put("editable", editable);
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (Stubber.Stub stub : stubs) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("file", stub.block().file());
            block.put("line", stub.line());
            block.put("begin", stub.begin());
            block.put("end", stub.end());
            block.put("method", stub.block().method());
            block.put("block", stub.block().name());
            blocks.add(block);
        }
        json.put("stubs", blocks);
        return new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    /**
     * Writes {@code tree} into the folder {@code dir} (created), executable bits included.
     */
    public static void write(Tree tree, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
            if (tree.exec().contains(file.getKey())) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
                permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                Files.setPosixFilePermissions(target, permissions);
            }
        }
    }
}

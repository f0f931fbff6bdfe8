package nndl.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compile errors of a failed Maven build, as a student wants to read them (spec section 11):
 * one block per error, {@code lib/src/main/java/nndl/layers/Relu.java:35: ';' expected}, the
 * compiler's detail lines, the source line and a caret under the column; no {@code [ERROR]} prefixes,
 * no "-rf :nndl-lib" advice, and each error once (Maven lists them twice).
 *
 * <p>The launcher runs this file with the JDK's source launcher ({@code java CompileErrors.java}), so it
 * works when the tools jar itself cannot be built; it therefore uses nothing but the JDK.
 */
public final class CompileErrors {
    /** maven-compiler-plugin's line for one javac diagnostic: {@code /abs/File.java:[35,51] message}. */
    private static final Pattern DIAGNOSTIC = Pattern.compile("^(\\S.*?\\.java):\\[(\\d+),(\\d+)\\] (.*)$");
    private static final Pattern LEVEL = Pattern.compile("^\\[(ERROR|WARNING|INFO)\\] ?");
    private static final Pattern ANSI = Pattern.compile("\\x1b\\[[0-9;]*m");

    /**
     * One compile error.
     *
     * @param file    the source file as Maven named it (absolute)
     * @param line    its line, from 1
     * @param column  its column, from 1
     * @param message javac's message, e.g. "';' expected"
     * @param details javac's further lines ("symbol:   variable x"), without their common indentation
     */
    public record Diagnostic(Path file, int line, int column, String message, List<String> details) {
    }

    private CompileErrors() {
    }

    /**
     * Prints the compile errors of the Maven log {@code args[last]} relative to {@code --root DIR};
     * exits 0 when it found any, 1 when the log holds none (another kind of failure: show the log), 2
     * on bad usage.
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path log = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root") && i + 1 < args.length) {
                root = Path.of(args[++i]).toAbsolutePath();
            } else if (log == null && !args[i].startsWith("--")) {
                log = Path.of(args[i]);
            } else {
                System.err.println("usage: java CompileErrors.java [--root DIR] MAVEN_LOG");
                System.exit(2);
            }
        }
        if (log == null) {
            System.err.println("usage: java CompileErrors.java [--root DIR] MAVEN_LOG");
            System.exit(2);
        }
        List<Diagnostic> errors = parse(Files.readAllLines(log, StandardCharsets.UTF_8));
        print(errors, root, System.out);
        System.exit(errors.isEmpty() ? 1 : 0);
    }

    /**
     * Reads the compile errors of a Maven log, in order, each once; warnings are left out.
     *
     * @param log the log's lines (ANSI colours allowed; not modified)
     */
    public static List<Diagnostic> parse(List<String> log) {
        Set<Diagnostic> found = new LinkedHashSet<>();
        Diagnostic current = null;
        List<String> details = new ArrayList<>();
        boolean error = false;
        for (String raw : log) {
            String text = ANSI.matcher(raw).replaceAll("");
            Matcher level = LEVEL.matcher(text);
            String levelName = level.find() ? level.group(1) : null;
            String body = levelName == null ? text : text.substring(level.end());
            Matcher diagnostic = DIAGNOSTIC.matcher(body);
            boolean continuation = current != null && !diagnostic.matches() && !body.isBlank()
                    && Character.isWhitespace(body.charAt(0)) && (levelName == null || levelName.equals("ERROR") == error);
            if (continuation) {
                details.add(body);
                continue;
            }
            if (current != null && error) {
                found.add(withDetails(current, details));
            }
            current = null;
            details = new ArrayList<>();
            if (diagnostic.matches()) {
                error = !"WARNING".equals(levelName) && !"INFO".equals(levelName);
                current = new Diagnostic(Path.of(diagnostic.group(1)), Integer.parseInt(diagnostic.group(2)),
                        Integer.parseInt(diagnostic.group(3)), diagnostic.group(4).strip(), List.of());
            }
        }
        if (current != null && error) {
            found.add(withDetails(current, details));
        }
        return List.copyOf(found);
    }

    private static Diagnostic withDetails(Diagnostic diagnostic, List<String> details) {
        int indent = details.stream().mapToInt(CompileErrors::indentation).min().orElse(0);
        List<String> trimmed = details.stream().map(d -> d.substring(indent).stripTrailing()).toList();
        return new Diagnostic(diagnostic.file(), diagnostic.line(), diagnostic.column(), diagnostic.message(), trimmed);
    }

    private static int indentation(String line) {
        int n = 0;
        while (n < line.length() && Character.isWhitespace(line.charAt(n))) {
            n++;
        }
        return n;
    }

    /**
     * Prints each error as a block: {@code file:line: message}, the source line and a caret under the
     * column, then javac's detail lines; a blank line between blocks. Files under {@code root} are
     * named relative to it.
     */
    public static void print(List<Diagnostic> errors, Path root, PrintStream out) {
        for (int i = 0; i < errors.size(); i++) {
            if (i > 0) {
                out.println();
            }
            out.print(block(errors.get(i), root));
        }
    }

    /** Returns one error's block, each line ending in a newline. */
    public static String block(Diagnostic error, Path root) {
        Path file = error.file().toAbsolutePath().normalize();
        String name = file.startsWith(root) ? root.relativize(file).toString() : file.toString();
        StringBuilder text = new StringBuilder(name + ":" + error.line() + ": " + error.message() + "\n");
        String source = sourceLine(file, error.line());
        if (source != null) {
            int indent = indentation(source);  // shown without the line's own indentation
            text.append("    ").append(source.substring(indent)).append('\n');
            text.append("    ").append(caretPadding(source.substring(indent), error.column() - indent)).append("^\n");
        }
        for (String detail : error.details()) {
            text.append("  ").append(detail).append('\n');
        }
        return text.toString();
    }

    /** The spaces (and tabs, where the source has them) that put a caret under column {@code column}. */
    private static String caretPadding(String source, int column) {
        StringBuilder pad = new StringBuilder();
        for (int c = 0; c < Math.min(column - 1, source.length()); c++) {
            pad.append(source.charAt(c) == '\t' ? '\t' : ' ');
        }
        return pad.toString();
    }

    private static String sourceLine(Path file, int line) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return line >= 1 && line <= lines.size() ? lines.get(line - 1).stripTrailing() : null;
        } catch (IOException | RuntimeException e) {
            return null;  // the block still names file and line
        }
    }
}

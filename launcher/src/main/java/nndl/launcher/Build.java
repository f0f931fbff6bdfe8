package nndl.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Maven builds of the tree, run when what they build from changed. */
public final class Build {
    private static final Pattern ANSI = Pattern.compile("\\x1b\\[[0-9;]*m");
    private static final Pattern ERROR_BLOCK = Pattern.compile("^[^ ].*\\.java:[0-9]+: ");

    private Build() {
    }

    /** Returns whether this process runs as root. */
    public static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Returns whether {@code stamp} is missing or a file or folder under {@code inputs} is newer
     * ({@code find INPUTS -newer STAMP}); inputs that do not exist are skipped.
     */
    public static boolean stale(Path stamp, List<Path> inputs) {
        if (!Files.isRegularFile(stamp)) {
            return true;
        }
        try {
            FileTime built = Files.getLastModifiedTime(stamp);
            for (Path input : inputs) {
                if (!Files.exists(input)) {
                    continue;
                }
                try (Stream<Path> all = Files.walk(input)) {
                    if (all.anyMatch(p -> newer(p, built))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }

    private static boolean newer(Path p, FileTime than) {
        try {
            return Files.getLastModifiedTime(p).compareTo(than) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Builds the modules and the kernel unless the bench jar (built last) is newer than every module's
     * sources and pom. The launcher module is left out: the bootstrap keeps it current.
     */
    public static void ifNeeded(Tree tree) {
        if (!stale(tree.benchJar(), tree.buildInputs()) && Files.isRegularFile(tree.toolsJar())) {
            return;
        }
        Say.say("building the library, its tools and the kernel (Maven)");
        maven(tree, "the Maven build", "-q", "install", "-DskipTests", "-pl", "!launcher");
        // Maven leaves a jar whose content did not change as it was: the stamp must still say "built now".
        try {
            Files.setLastModifiedTime(tree.benchJar(), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            throw new Die("the Maven build wrote no " + tree.relative(tree.benchJar()));
        }
    }

    /**
     * Runs Maven with its output (without ANSI colours) in build/build.log. On failure prints the
     * compile errors one block each (file:line: message, the source line, a caret; CompileErrors.java
     * run from source, so that it works when the tools cannot be built either) and fails; a failure that
     * is not a compile error shows the log.
     *
     * @param what names the build for the message, e.g. "the Maven build"
     */
    public static void maven(Tree tree, String what, String... args) {
        Path log = tree.buildLog();
        int status;
        try {
            Files.createDirectories(tree.build());
            status = mavenTo(tree, log, args);
        } catch (IOException e) {
            throw new Die(what + ": cannot write " + log + ": " + e.getMessage());
        }
        if (status == 0) {
            return;
        }
        Path errors = tree.buildLog().resolveSibling("build.log.errors");
        int found = Proc.run(Proc.builder(tree, Proc.cmd(Jdk.java(), tree.compileErrorsSource(), "--root", tree.root(), log))
                .redirectOutput(errors.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD));
        try {
            if (found == 0) {
                String text = Files.readString(errors);
                System.err.print(text);
                throw new Die(compileErrorsMessage(what, (int) text.lines().filter(l -> ERROR_BLOCK.matcher(l).find()).count()));
            }
            System.err.print(Files.readString(log));
        } catch (IOException e) {
            // the message below names the log
        }
        throw new Die(what + " failed (see above; log: build/build.log)");
    }

    /** Returns the message after {@code n} compile errors printed as blocks. */
    static String compileErrorsMessage(String what, int n) {
        return what + " stopped at " + n + " compile " + (n == 1 ? "error" : "errors") + " (above): fix "
                + (n == 1 ? "it" : "them") + " and run again; nothing was run (full log: build/build.log)";
    }

    /** Runs Maven in the root with its output, colour codes removed, written to {@code log}; returns its status. */
    public static int mavenTo(Tree tree, Path log, String... args) throws IOException {
        List<String> cmd = Proc.cmd("mvn", "-B", "-ntp", "-Dstyle.color=never", List.of(args));
        Process p = Proc.builder(tree, cmd).redirectErrorStream(true).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.write(ANSI.matcher(line).replaceAll(""));
                out.write('\n');
            }
        }
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}

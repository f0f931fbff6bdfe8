package nndl.kernel.reload;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles library sources in the kernel's JVM with the JDK's compiler API (no Maven, no process),
 * into memory, with the options Maven compiles the library with ({@code --release}, full debug
 * information, UTF-8).
 */
final class LibraryCompiler {
    /**
     * A compiled class.
     *
     * @param internalName e.g. {@code nndl/layers/Relu$Cache}
     * @param source       the source file it came from
     * @param bytes        the class file
     */
    record CompiledClass(String internalName, Path source, byte[] bytes) {
    }

    /**
     * One compiler error.
     *
     * @param file     the source file, or {@code null} when the error is about no file (a bad option)
     * @param line     1-based line, or -1
     * @param column   1-based column, or -1
     * @param message  the compiler's message (several lines for e.g. "cannot find symbol")
     */
    record Problem(Path file, long line, long column, String message) {
    }

    /**
     * What a compilation gave: the classes, or the errors (then no class).
     *
     * @param classes  every class written, in the compiler's order
     * @param problems the errors; empty on success
     */
    record Outcome(List<CompiledClass> classes, List<Problem> problems) {
        /** True when it compiled. */
        boolean succeeded() {
            return problems.isEmpty();
        }
    }

    private final JavaCompiler compiler;
    private final String release;
    private final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    private StandardJavaFileManager standard;
    private List<String> classpathState = List.of();

    /**
     * A compiler for classes of Java {@code release} (the library's {@code maven.compiler.release}).
     *
     * @throws IllegalStateException if this JVM has no Java compiler (a JRE)
     */
    LibraryCompiler(String release) {
        this.compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("this JVM has no Java compiler (jdk.compiler): hot reload needs a full JDK");
        }
        this.release = release;
    }

    /**
     * Compiles {@code files} against {@code classpath} (jars and class folders, first wins).
     *
     * @param files     the {@code .java} files to compile
     * @param classpath what they may use besides each other
     */
    Outcome compile(Collection<Path> files, List<Path> classpath) {
        Map<String, CompiledClass> written = new LinkedHashMap<>();
        try {
            StandardJavaFileManager manager = fileManager(classpath);
            JavaFileManager memory = new InMemoryOutput(manager, written);
            List<String> options = List.of("--release", release, "-g", "-encoding", "UTF-8", "-proc:none", "-implicit:none",
                    "-nowarn", "-Xlint:none");
            Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
            DiagnosticCollector<JavaFileObject> collected = new DiagnosticCollector<>();
            boolean ok = compiler.getTask(null, memory, collected, options, null, units).call();
            List<Problem> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : collected.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
                    problems.add(new Problem(file, d.getLineNumber(), d.getColumnNumber(), d.getMessage(Locale.getDefault())));
                }
            }
            if (!ok && problems.isEmpty()) {
                problems.add(new Problem(null, -1, -1, "the compiler failed without saying why"));
            }
            return new Outcome(ok ? List.copyOf(written.values()) : List.of(), List.copyOf(problems));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile the library sources: " + e.getMessage(), e);
        }
    }

    /**
     * The file manager, kept from one compilation to the next because opening the jars (dozens, some
     * large) costs more than compiling a file; opened afresh when a jar of the classpath changed (a
     * rebuild). Setting the classpath each time makes it list the class folder again.
     */
    private StandardJavaFileManager fileManager(List<Path> classpath) throws IOException {
        List<String> state = new ArrayList<>();
        for (Path entry : classpath) {
            File file = entry.toFile();
            state.add(entry + (file.isFile() ? "@" + file.lastModified() + "/" + file.length() : ""));
        }
        if (standard == null || !state.equals(classpathState)) {
            if (standard != null) {
                standard.close();
            }
            standard = compiler.getStandardFileManager(diagnostics, Locale.getDefault(), StandardCharsets.UTF_8);
            classpathState = state;
        }
        standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
        return standard;
    }

    /** Keeps class files in memory, each with the source file it came from. */
    private static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, CompiledClass> written;

        InMemoryOutput(StandardJavaFileManager standard, Map<String, CompiledClass> written) {
            super(standard);
            this.written = written;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            String internal = className.replace('.', '/');
            Path source = sibling == null ? null : Path.of(sibling.toUri());
            return new SimpleJavaFileObject(URI.create("mem:///" + internal + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            written.put(internal, new CompiledClass(internal, source, toByteArray()));
                        }
                    };
                }
            };
        }
    }

    /** The source line {@code line} (1-based) of {@code file}, or empty if it cannot be read. */
    static String sourceLine(Path file, long line) {
        if (file == null || line < 1) {
            return "";
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.skip(line - 1).findFirst().orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}

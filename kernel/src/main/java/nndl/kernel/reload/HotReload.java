package nndl.kernel.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nndl.kernel.errors.ErrorReport;
import nndl.kernel.errors.ReportedFailure;
import nndl.kernel.exec.JShellEvaluator;
import nndl.kernel.reload.LibraryCompiler.CompiledClass;
import nndl.kernel.reload.LibraryCompiler.Outcome;
import nndl.kernel.reload.LibraryCompiler.Problem;

/**
 * Hot reload of the course library ({@code <project>/lib/src/main/java}) into a running kernel.
 * Before each cell, {@link #beforeCell} looks for library sources whose content changed since the
 * code the kernel runs was compiled; it compiles them in this JVM and redefines the loaded classes
 * in place ({@link Instrumentation#redefineClasses}), so every notebook variable is kept and the
 * cell runs the new code. The new class files also go into a folder that the cells' class loader
 * searches before the library's jar, so classes not loaded yet load the new code.
 *
 * <p>Stale code never runs: a compile error, or a change redefinition cannot apply (a field or
 * method added or removed, a signature changed, see {@link Redefinability}), fails the cell, and
 * every later cell too, until the file is fixed or the kernel restarted. A kernel start compiles
 * the sources first when any is newer than the library's jar.
 *
 * <p>The project is {@code NNDL_ROOT} (the kernelspec the launcher installs gives it); the
 * library's classpath is {@code <project>/display/target/dependency/*.jar}, where the build puts the
 * library's jar and its dependencies for the notebooks' {@code %classpath}.
 */
public final class HotReload {
    private static final String RESTART = " — restart the kernel to load it (Kernel ▸ Restart)";
    private static final Pattern RELEASE = Pattern.compile("<maven\\.compiler\\.release>(\\d+)</maven\\.compiler\\.release>");

    private final SourceTree tree;
    private final Instrumentation instrumentation;
    private String off;
    private boolean started;
    private Path folder;
    private ClassLoader loader;
    private LoadedClasses loaded;
    private LibraryCompiler compiler;
    private List<Path> dependencies = List.of();
    private Map<Path, String> applied = new TreeMap<>();
    private final Map<Path, Set<String>> written = new HashMap<>();
    private String failedState;
    private ReportedFailure failure;

    private HotReload(SourceTree tree, Instrumentation instrumentation, String off) {
        this.tree = tree;
        this.instrumentation = instrumentation;
        this.off = off;
    }

    /**
     * Hot reload of the project named by the environment variable {@code NNDL_ROOT}, with the
     * instrumentation of the kernel's agent; off (doing nothing) when {@code NNDL_ROOT} is unset.
     */
    public static HotReload fromEnvironment() {
        return of(System.getenv("NNDL_ROOT"), Agent.instrumentation().orElse(null));
    }

    /**
     * Hot reload of the project at {@code root} ({@code null} or blank: off).
     *
     * @param root            the project root holding {@code lib/src/main/java}
     * @param instrumentation the JVM's instrumentation, or {@code null} if the kernel has no agent
     */
    public static HotReload of(String root, Instrumentation instrumentation) {
        if (root == null || root.isBlank()) {
            return new HotReload(null, null, "");
        }
        SourceTree tree = new SourceTree(Path.of(root));
        if (!tree.exists()) {
            return new HotReload(null, null, "hot reload is off: NNDL_ROOT=" + root + " has no lib/src/main/java");
        }
        if (instrumentation == null || !instrumentation.isRedefineClassesSupported()) {
            return new HotReload(null, null, "hot reload is off: the kernel's JVM was started without its agent "
                    + "(-javaagent:nndl-kernel.jar); reinstall the kernel with ./workbook kernel");
        }
        return new HotReload(tree, instrumentation, null);
    }

    /**
     * Brings the library classes of {@code evaluator}'s cells up to date with the sources; called
     * before each cell runs. The first call sets hot reload up (the reload folder on the cells'
     * classpath, ahead of any library jar a cell adds) and compiles the sources if they are newer
     * than the library's jar.
     *
     * @throws ReportedFailure when a changed file does not compile or cannot be applied without a
     *                         restart; the cell must not run
     */
    public void beforeCell(JShellEvaluator evaluator) {
        if (off != null) {
            if (!off.isEmpty()) {
                System.err.println(off);
                off = "";
            }
            return;
        }
        if (!started) {
            started = true;
            if (!start(evaluator)) {
                off = "";
                return;
            }
        }
        Map<Path, String> now;
        try {
            now = tree.scan();
        } catch (UncheckedIOException e) {
            String line = "hot reload: " + e.getMessage() + " (the cell did not run: the library's state is unknown)";
            throw new ReportedFailure(new ErrorReport("HotReloadError", line, List.of(line)));
        }
        loaded.packages(tree.packages(now.keySet()));
        Map<Path, String> changed = new TreeMap<>();
        now.forEach((file, hash) -> {
            if (!hash.equals(applied.get(file))) {
                changed.put(file, hash);
            }
        });
        List<Path> removed = applied.keySet().stream().filter(f -> !now.containsKey(f)).toList();
        if (changed.isEmpty() && removed.isEmpty()) {
            failedState = null;
            failure = null;
            return;
        }
        String state = changed + " " + removed;
        if (state.equals(failedState)) {
            throw failure; // the same files as when it failed: the same failure, without compiling again
        }
        try {
            apply(changed, removed, evaluator);
            applied = new TreeMap<>(now);
            failedState = null;
            failure = null;
        } catch (ReportedFailure f) {
            failedState = state;
            failure = f;
            throw f;
        }
    }

    /** Sets up the folder, the recorder and the compiler; false (hot reload off) if it cannot. */
    private boolean start(JShellEvaluator evaluator) {
        Path dependencyDir = tree.project().resolve("display/target/dependency");
        for (Path entry : evaluator.classpath()) {
            if (entry.getFileName().toString().startsWith("nndl-lib")) {
                System.err.println("hot reload is off: " + entry.getFileName() + " came from JJAVA_CLASSPATH, before the "
                        + "reload folder; add it with %classpath in a cell instead");
                return false;
            }
        }
        dependencies = jars(dependencyDir);
        Path libraryJar = dependencies.stream().filter(j -> j.getFileName().toString().startsWith("nndl-lib")).findFirst().orElse(null);
        if (libraryJar == null) {
            // Not built yet: cells cannot use the library either, and compiling it without its
            // dependencies would fail every cell.
            System.err.println("hot reload is off: no nndl-lib jar in " + dependencyDir + " (./workbook lab or run builds it)");
            return false;
        }
        try {
            folder = Files.createTempDirectory("nndl-hot-reload-");
        } catch (IOException e) {
            System.err.println("hot reload is off: cannot create its folder: " + e.getMessage());
            return false;
        }
        Path created = folder;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created), "nndl-hot-reload-cleanup"));
        compiler = new LibraryCompiler(release(tree.project()));
        loader = evaluator.classLoader();
        Map<Path, String> now = tree.scan();
        loaded = new LoadedClasses(loader, tree.packages(now.keySet()));
        instrumentation.addTransformer(loaded, false);
        evaluator.addToClasspath(folder);
        if (SourceTree.newest(now.keySet()) <= libraryJar.toFile().lastModified()) {
            applied = new TreeMap<>(now); // the jar was built from these sources
        }
        // Otherwise nothing counts as applied: the first scan compiles every source into the folder.
        return true;
    }

    /** Compiles {@code changed}, checks, redefines the loaded classes and fills the folder. */
    private void apply(Map<Path, String> changed, List<Path> removed, JShellEvaluator evaluator) {
        long start = System.nanoTime();
        List<String> refusals = new ArrayList<>();
        for (Path file : removed) {
            List<String> live = loadedClassesOf(file);
            if (!live.isEmpty()) {
                refusals.add(tree.display(file) + ": file deleted while its class " + String.join(", ", live) + " is loaded");
            }
        }
        Outcome outcome = changed.isEmpty() ? new Outcome(List.of(), List.of()) : compiler.compile(changed.keySet(), classpath());
        if (!outcome.succeeded()) {
            throw compileFailure(outcome.problems());
        }
        Map<Path, List<String>> blocking = new LinkedHashMap<>();
        List<ClassDefinition> definitions = new ArrayList<>();
        for (CompiledClass c : outcome.classes()) {
            byte[] old = loaded.loaded(c.internalName());
            if (old == null) {
                continue;
            }
            List<String> changes = Redefinability.blockingChanges(ClassShape.of(old), ClassShape.of(c.bytes()));
            if (!changes.isEmpty()) {
                blocking.computeIfAbsent(c.source(), f -> new ArrayList<>()).addAll(changes);
            } else {
                definitions.add(new ClassDefinition(loadedClass(c.internalName()), c.bytes()));
            }
        }
        blocking.forEach((file, changes) -> refusals.add(tree.display(file) + ": " + String.join(", ", changes)));
        if (!refusals.isEmpty()) {
            String line = String.join("; ", refusals) + RESTART;
            throw new ReportedFailure(new ErrorReport("RestartNeeded", line, List.of(line)));
        }
        try {
            instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
        } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError e) {
            String files = String.join(", ", changed.keySet().stream().map(tree::display).toList());
            String line = files + ": the JVM cannot redefine its classes in place (" + e + ")" + RESTART;
            throw new ReportedFailure(new ErrorReport("RestartNeeded", line, List.of(line)));
        }
        removed.forEach(this::forget);
        writeFolder(changed.keySet(), outcome.classes());
        if (outcome.classes().stream().anyMatch(c -> loaded.loaded(c.internalName()) == null)) {
            // Setting the classpath again makes JShell's compiler list the folder afresh (it keeps the
            // listing of each package), so cells see classes and methods new to the folder; the class
            // loader already searches it and ignores the repeated entry.
            evaluator.addToClasspath(folder);
        }
        report(changed.keySet(), definitions.size(), System.nanoTime() - start);
    }

    private void report(Set<Path> files, int redefined, long nanos) {
        String what = files.size() <= 3 ? String.join(", ", files.stream().map(tree::display).toList())
                : files.size() + " library sources";
        System.out.printf("hot reload: %s compiled, %d loaded class%s redefined (%.1f s)%n",
                what, redefined, redefined == 1 ? "" : "es", nanos / 1e9);
    }

    /** The reload folder first, then the library's jar and its dependencies. */
    private List<Path> classpath() {
        List<Path> classpath = new ArrayList<>();
        classpath.add(folder);
        classpath.addAll(dependencies);
        return classpath;
    }

    /** The loaded library classes whose source is {@code file} (by package and SourceFile attribute). */
    private List<String> loadedClassesOf(Path file) {
        String relative = tree.sourceRoot().relativize(file).toString().replace('\\', '/');
        List<String> live = new ArrayList<>();
        for (String name : loaded.names()) {
            ClassShape shape = ClassShape.of(loaded.loaded(name));
            String pkg = shape.packagePath();
            if ((pkg.isEmpty() ? "" : pkg + "/").concat(String.valueOf(shape.sourceFile())).equals(relative)) {
                live.add(name.substring(name.lastIndexOf('/') + 1).replace('$', '.'));
            }
        }
        live.sort(Comparator.naturalOrder());
        return live;
    }

    private Class<?> loadedClass(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("hot reload: " + internalName + " was loaded but cannot be found", e);
        }
    }

    private void writeFolder(Set<Path> files, List<CompiledClass> classes) {
        files.forEach(this::forget);
        for (CompiledClass c : classes) {
            Path target = folder.resolve(c.internalName() + ".class");
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, c.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException("hot reload: cannot write " + target + ": " + e.getMessage(), e);
            }
            written.computeIfAbsent(c.source(), f -> new HashSet<>()).add(c.internalName());
        }
    }

    /** Removes from the folder the classes compiled earlier from {@code file}. */
    private void forget(Path file) {
        Set<String> names = written.remove(file);
        if (names != null) {
            for (String name : names) {
                try {
                    Files.deleteIfExists(folder.resolve(name + ".class"));
                } catch (IOException ignored) {
                    // overwritten or left in a folder removed at exit
                }
            }
        }
    }

    /** One block per error: {@code file:line: message}, further message lines, the source line, a caret. */
    private ReportedFailure compileFailure(List<Problem> problems) {
        List<String> lines = new ArrayList<>();
        String summary = null;
        for (Problem p : problems) {
            String[] message = p.message().split("\n");
            String where = p.file() == null ? "lib" : tree.display(p.file()) + (p.line() > 0 ? ":" + p.line() : "");
            String head = where + ": " + message[0];
            summary = summary == null ? head : summary;
            lines.add(head);
            for (int i = 1; i < message.length; i++) {
                if (!message[i].isBlank()) {
                    lines.add("  " + message[i].strip());
                }
            }
            String text = LibraryCompiler.sourceLine(p.file(), p.line()).stripTrailing();
            if (!text.isEmpty()) {
                lines.add("    " + text);
                int column = (int) Math.min(Math.max(p.column() - 1, 0), text.length());
                StringBuilder caret = new StringBuilder("    ");
                for (int i = 0; i < column; i++) {
                    caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
                }
                lines.add(caret.append('^').toString());
            }
        }
        return new ReportedFailure(new ErrorReport("CompileError", summary, lines));
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("hot reload: cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The library's {@code maven.compiler.release} from the project's pom.xml; 17 if not found. */
    private static String release(Path project) {
        try {
            Matcher m = RELEASE.matcher(Files.readString(project.resolve("pom.xml")));
            return m.find() ? m.group(1) : "17";
        } catch (IOException e) {
            return "17";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS clears it eventually
        }
    }
}

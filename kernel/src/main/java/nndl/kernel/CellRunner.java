package nndl.kernel;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import nndl.kernel.cell.CellParser;
import nndl.kernel.cell.CellStep;
import nndl.kernel.cell.Durations;
import nndl.kernel.cell.Globs;
import nndl.kernel.cell.LoadedSource;
import nndl.kernel.cell.MagicArgs;
import nndl.kernel.errors.CellFailure;
import nndl.kernel.errors.MagicFailure;
import nndl.kernel.exec.CellExecutionControl;
import nndl.kernel.exec.JShellEvaluator;
import nndl.kernel.exec.SourceText;
import nndl.kernel.reload.HotReload;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/**
 * Runs a cell: its Java code through JShell and its magics — {@code %classpath} / {@code %jars},
 * {@code %load}, {@code %time} / {@code %%time}, {@code %maven} / {@code %mavenRepo} /
 * {@code %%loadFromPOM} ({@link MavenMagics}), {@code %lsmagic}, plus any magic an extension
 * registered.
 */
final class CellRunner {
    /** What {@code %load name} tries after {@code name} itself, in IJava's order. */
    static final List<String> LOAD_EXTENSIONS = List.of(".jsh", ".jshell", ".java", ".ijava", ".ipynb");

    private final NndlKernel kernel;
    private final JShellEvaluator evaluator;
    private final KernelConfig config;
    private final MavenMagics maven;
    private final HotReload hotReload = HotReload.fromEnvironment();
    private boolean startupDone;
    private int currentCount;

    CellRunner(NndlKernel kernel, JShellEvaluator evaluator, KernelConfig config) {
        this.kernel = kernel;
        this.evaluator = evaluator;
        this.config = config;
        this.maven = new MavenMagics(kernel, evaluator, config.workingDirectory());
    }

    /** Registers the built-in magics so that code ({@code lineMagic(...)}) and completion see them. */
    void registerMagics(MagicsRegistry registry) {
        registry.registerLineMagic("classpath", (k, args) -> addToClasspath("classpath", args, true));
        registry.registerLineMagic("jars", (k, args) -> addToClasspath("jars", args, true));
        registry.registerLineMagic("load", (k, args) -> load(args));
        registry.registerLineMagic("time", (k, args) -> time(() -> eval(String.join(" ", args), "", 1)));
        registry.registerCellMagic("time", (k, args, body) -> time(() -> runSteps(CellParser.parse(body), "")));
        registry.registerLineMagic("maven", (k, args) -> maven.maven(args));
        registry.registerLineMagic("mavenRepo", (k, args) -> maven.mavenRepo(args));
        // IJava's names for the same two magics.
        registry.registerLineMagic("addMavenDependency", (k, args) -> maven.maven(args));
        registry.registerLineMagic("addMavenDependencies", (k, args) -> maven.maven(args));
        registry.registerLineMagic("addMavenRepo", (k, args) -> maven.mavenRepo(args));
        registry.registerCellMagic("loadFromPOM", (k, args, body) -> maven.loadFromPom(body));
        registry.registerLineMagic("lsmagic", (k, args) -> lsmagic(registry));
    }

    /** {@code %lsmagic}: prints the line and cell magics known now (extensions' included). */
    private static Object lsmagic(MagicsRegistry registry) {
        System.out.println("Available line magics:\n" + known("%", registry.getLineMagicNames()).replace(", ", "  ")
                + "\n\nAvailable cell magics:\n" + known("%%", registry.getCellMagicNames()).replace(", ", "  "));
        return null;
    }

    /**
     * Runs cell {@code In [count]} and returns the value of its last expression, or {@code null}.
     * Start-up scripts run first, before the first cell.
     */
    Object runCell(String code, int count) {
        currentCount = count;
        evaluator.beginCell(count);
        hotReload.beforeCell(evaluator); // the library's edited sources, compiled and redefined (kernel/README.md)
        runStartupScripts();
        return runSteps(CellParser.parse(code), "");
    }

    private Object runSteps(List<CellStep> steps, String origin) {
        Object last = null;
        for (int i = 0; i < steps.size(); i++) {
            CellStep step = steps.get(i);
            CellStep.LineMagic classpath = classpathMagic(step);
            if (classpath != null) {
                // A library jar and its dependencies often come on consecutive %classpath lines:
                // install extensions once the whole run is on the classpath, not after the first jar.
                boolean endOfRun = i + 1 == steps.size() || classpathMagic(steps.get(i + 1)) == null;
                addToClasspath(classpath.name(), words(classpath.name(), classpath.arguments()), endOfRun);
                // The list of added entries is for code using the magic as an expression, not to show.
                last = null;
            } else if (step instanceof CellStep.Code code) {
                last = eval(code.source(), origin, code.firstLine());
            } else if (step instanceof CellStep.LineMagic magic) {
                last = lineMagic(magic, origin);
            } else if (step instanceof CellStep.CellMagic magic) {
                last = cellMagic(magic, origin);
            }
        }
        return last;
    }

    /** The step if it is a {@code %classpath} or {@code %jars} line, else null. */
    private static CellStep.LineMagic classpathMagic(CellStep step) {
        return step instanceof CellStep.LineMagic magic && (magic.name().equals("classpath") || magic.name().equals("jars"))
                ? magic : null;
    }

    private Object eval(String code, String origin, int firstLine) {
        return evaluator.eval(new SourceText(code, origin, firstLine, currentCount));
    }

    private Object lineMagic(CellStep.LineMagic magic, String origin) {
        if (magic.name().equals("time")) {
            if (magic.arguments().isBlank()) {
                throw new MagicFailure("%time needs a statement to time, e.g. %time solver.train()");
            }
            return time(() -> eval(magic.arguments(), origin, magic.line()));
        }
        MagicsRegistry registry = kernel.getMagicsRegistry();
        if (!registry.getLineMagicNames().contains(magic.name())) {
            throw new MagicFailure("unknown line magic %" + magic.name() + " (line " + magic.line()
                    + "); known: " + known("%", registry.getLineMagicNames()));
        }
        List<String> args = words(magic.name(), magic.arguments());
        return delegate(magic.name(), () -> registry.evalLineMagic(kernel, magic.name(), args));
    }

    private Object cellMagic(CellStep.CellMagic magic, String origin) {
        if (magic.name().equals("time")) {
            return time(() -> runSteps(CellParser.parse(magic.body(), magic.bodyFirstLine()), origin));
        }
        MagicsRegistry registry = kernel.getMagicsRegistry();
        if (!registry.getCellMagicNames().contains(magic.name())) {
            throw new MagicFailure("unknown cell magic %%" + magic.name() + "; known: " + known("%%", registry.getCellMagicNames()));
        }
        List<String> args = words(magic.name(), magic.arguments());
        return delegate(magic.name(), () -> registry.evalCellMagic(kernel, magic.name(), args, magic.body()));
    }

    /** Runs an extension's (or a built-in registered) magic, explaining its failures in its name. */
    private Object delegate(String name, MagicCall call) {
        try {
            return call.run();
        } catch (CellFailure failure) {
            throw failure;
        } catch (Exception e) {
            throw new MagicFailure("%" + name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** {@code %classpath} from code (the kernel's {@code addToClasspath}): entries added, extensions installed. */
    List<String> addToClasspath(String name, List<String> args) {
        return addToClasspath(name, args, true);
    }

    /** Adds the entries and returns their absolute paths (IJava's {@code %jars} value). */
    private List<String> addToClasspath(String name, List<String> args, boolean installExtensions) {
        if (args.isEmpty()) {
            throw new MagicFailure("%" + name + " needs a jar, directory or glob, e.g. %" + name + " ../lib/target/*.jar");
        }
        List<Path> entries = new ArrayList<>();
        for (String arg : args) {
            for (String pattern : arg.split(File.pathSeparator)) {
                if (!pattern.isBlank()) {
                    entries.addAll(matching(name, pattern));
                }
            }
        }
        entries.forEach(evaluator::addToClasspath);
        if (installExtensions) {
            kernel.loadExtensions();
        }
        List<String> added = new ArrayList<>();
        entries.forEach(entry -> added.add(entry.toAbsolutePath().normalize().toString()));
        return added;
    }

    private Object load(List<String> args) {
        if (args.isEmpty()) {
            throw new MagicFailure("%load needs a .jsh, .jshell, .java, .ijava or .ipynb file, e.g. %load helpers");
        }
        if (evaluator.onCellThread()) {
            throw new MagicFailure("%load cannot run from code inside a cell; put it on a line of its own");
        }
        Object last = null;
        for (String arg : args) {
            for (Path file : loadable(arg)) {
                String shown = Globs.isGlob(arg) ? config.workingDirectory().relativize(file).toString()
                        : arg + file.getFileName().toString().substring(Path.of(arg).getFileName().toString().length());
                for (LoadedSource source : read("load", file, shown)) {
                    last = runSteps(CellParser.parse(source.code()), source.origin());
                }
            }
        }
        return last;
    }

    /**
     * The files {@code %load arg} runs: a glob's matches, else {@code arg} itself if it is a
     * file, else the first of {@code arg} + {@link #LOAD_EXTENSIONS} that is one.
     */
    private List<Path> loadable(String arg) {
        if (Globs.isGlob(arg)) {
            return matching("load", arg);
        }
        Path base = config.workingDirectory();
        List<String> tried = new ArrayList<>();
        tried.add(arg);
        LOAD_EXTENSIONS.forEach(extension -> tried.add(arg + extension));
        for (String name : tried) {
            Path file = base.resolve(name);
            if (Files.isRegularFile(file)) {
                return List.of(file);
            }
        }
        throw new MagicFailure("%load: no file " + String.join(", ", tried) + " (relative paths start at " + base + ")");
    }

    private static List<LoadedSource> read(String what, Path file, String shownName) {
        try {
            return LoadedSource.read(file, shownName);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new MagicFailure((what.startsWith("J") ? what : "%" + what) + ": " + e.getMessage());
        }
    }

    private List<Path> matching(String name, String pattern) {
        List<Path> found = Globs.resolve(config.workingDirectory(), pattern);
        if (found.isEmpty()) {
            throw new MagicFailure("%" + name + ": nothing matches '" + pattern + "' (relative paths start at "
                    + config.workingDirectory() + ")");
        }
        return found;
    }

    /**
     * Runs {@code body} and prints the time its statements took to run, like IPython's
     * {@code %time}; compiling them is reported apart when it took 100 ms or more.
     */
    private Object time(Supplier<Object> body) {
        if (evaluator.onCellThread()) {
            throw new MagicFailure("%time cannot run from code inside a cell; put it on a line of its own");
        }
        CellExecutionControl.Usage before = evaluator.usage();
        long start = System.nanoTime();
        Object value = body.get();
        long total = System.nanoTime() - start;
        CellExecutionControl.Usage spent = evaluator.usage().since(before);
        System.out.println(timing(spent, total));
        return value;
    }

    /** {@code CPU time: 1.52 s, Wall time: 0.81 s}, plus the compile time when notable. */
    static String timing(CellExecutionControl.Usage spent, long totalNanos) {
        String cpu = spent.cpuNanos() < 0 ? "" : "CPU time: " + Durations.format(Math.max(0, spent.cpuNanos())) + ", ";
        long compile = totalNanos - spent.wallNanos();
        String compiling = compile >= 100_000_000 ? " (plus " + Durations.format(compile) + " compiling)" : "";
        return cpu + "Wall time: " + Durations.format(spent.wallNanos()) + compiling;
    }

    private void runStartupScripts() {
        if (startupDone) {
            return;
        }
        startupDone = true;
        for (String pattern : config.startupScripts()) {
            List<Path> files = Globs.resolve(config.workingDirectory(), pattern);
            if (files.isEmpty()) {
                System.err.println("JJAVA_STARTUP_SCRIPTS_PATH: nothing matches '" + pattern + "'");
            }
            for (Path file : files) {
                for (LoadedSource source : read("JJAVA_STARTUP_SCRIPTS_PATH", file, file.getFileName().toString())) {
                    runSteps(CellParser.parse(source.code()), source.origin());
                }
            }
        }
        if (!config.startupScript().isBlank()) {
            runSteps(CellParser.parse(config.startupScript()), "JJAVA_STARTUP_SCRIPT");
        }
    }

    private static List<String> words(String magic, String arguments) {
        try {
            return MagicArgs.split(arguments);
        } catch (IllegalArgumentException e) {
            throw new MagicFailure("%" + magic + ": " + e.getMessage());
        }
    }

    private static String known(String prefix, Set<String> names) {
        List<String> sorted = new ArrayList<>();
        new TreeSet<>(names).forEach(n -> sorted.add(prefix + n));
        return String.join(", ", sorted);
    }

    @FunctionalInterface
    private interface MagicCall {
        Object run() throws Exception;
    }
}

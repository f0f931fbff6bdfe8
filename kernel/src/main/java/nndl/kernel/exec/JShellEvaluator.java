package nndl.kernel.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import nndl.kernel.errors.CompileFailure;
import nndl.kernel.errors.StoppedFailure;
import nndl.kernel.errors.UserCodeFailure;
import nndl.kernel.errors.UserCodeFailure.Thrown;

/**
 * JShell running in the kernel's JVM: evaluates cells statement by statement, keeps their state,
 * and turns JShell's results into values to display or {@link nndl.kernel.errors.CellFailure}s
 * that name the user's lines.
 */
public final class JShellEvaluator implements AutoCloseable {
    /** javac's messages for code past the class file's limits (64 KB per method, 65,535 constants). */
    private static final Pattern CLASS_LIMITS = Pattern.compile("code too large|too many constants|constant string too long");
    private final JShell shell;
    private final CellExecutionControl control;
    private final CellClassLoader classes;
    private final SnippetLocations locations = new SnippetLocations();
    private final SnippetReclaimer reclaimer;
    private final CodeAnalysis analysis;
    private final CompilerPool compilerPool;

    /**
     * Starts JShell.
     *
     * @param parent          class loader whose classes cells may use (the kernel's)
     * @param compilerClasspath jars and directories the compiler must see from the start (the
     *                        kernel's own code, for {@code display(...)} and friends)
     * @param compilerOptions extra javac options ({@code JJAVA_COMPILER_OPTS})
     * @param timeout         bound on each top-level statement, or {@code null}
     */
    public JShellEvaluator(ClassLoader parent, List<Path> compilerClasspath, List<String> compilerOptions, Duration timeout) {
        this.classes = new CellClassLoader(parent);
        this.control = new CellExecutionControl(classes, timeout);
        this.shell = JShell.builder()
                .executionEngine(providerOf(control), Map.of())
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
        this.reclaimer = new SnippetReclaimer(control);
        this.analysis = new CodeAnalysis(shell.sourceCodeAnalysis());
        this.compilerPool = new CompilerPool(shell);
        for (Path entry : compilerClasspath) {
            shell.addToClasspath(entry.toString());
        }
    }

    /** Completion, inspection and completeness of code, from JShell's analysis. */
    public CodeAnalysis analysis() {
        return analysis;
    }

    /** The class loader cells run in; extensions on the added classpath are found through it. */
    public ClassLoader classLoader() {
        return classes.classLoader();
    }

    /** The jars and directories added so far. */
    public List<Path> classpath() {
        return classes.classpath();
    }

    /** The per-statement time-out, or {@code null}. */
    public Duration timeout() {
        return control.timeout();
    }

    /** True if values of redeclared variables are freed (see {@link SnippetReclaimer}). */
    public boolean reclaimsValues() {
        return reclaimer.enabled();
    }

    /** Makes a jar or directory visible to the compiler and to the cells' class loader. */
    public void addToClasspath(Path entry) {
        shell.addToClasspath(entry.toAbsolutePath().normalize().toString());
    }

    /** Time spent running statements so far, compilation excluded. */
    public CellExecutionControl.Usage usage() {
        return control.usage();
    }

    /** Forgets an earlier interrupt; called when cell {@code In [count]} starts. */
    public void beginCell(int count) {
        control.beginCell(count);
    }

    /** Asks the running cell to stop (thread-safe; called from the control channel). */
    public void interrupt() {
        control.requestInterrupt();
    }

    /** True when called from a thread that is running a cell's statement. */
    public boolean onCellThread() {
        return control.onWorkerThread();
    }

    /**
     * Evaluates every statement of {@code source} in order and returns the value of the last one
     * if it is an expression, whether or not the user ended it with a semicolon, as IJava does
     * (else {@code null}: declarations, assignments, other statements, {@code void} calls). Stops
     * at the first failing statement.
     *
     * @throws CompileFailure  if a statement does not compile
     * @throws UserCodeFailure if a statement throws
     * @throws StoppedFailure  if the cell was interrupted or a statement timed out
     */
    public Object eval(SourceText source) {
        String text = source.text();
        Object last = null;
        int cursor = 0;
        while (cursor < text.length()) {
            throwIfInterrupted(List.of(), source);
            String rest = text.substring(cursor);
            CompletionInfo info = analysis.completion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            boolean whole = !completeness.isComplete() && completeness != Completeness.UNKNOWN || info.source() == null;
            String code = whole ? rest : info.source();
            int consumed = whole ? rest.length() : rest.length() - info.remaining().length();
            last = evalStatement(code, source, cursor + startIn(rest, code, completeness));
            cursor += Math.max(consumed, 1);
        }
        return last;
    }

    /**
     * Where {@code code}, JShell's version of the statement, starts in {@code rest}: JShell keeps
     * leading blanks and may add a final semicolon.
     */
    private static int startIn(String rest, String code, Completeness completeness) {
        String typed = completeness == Completeness.COMPLETE_WITH_SEMI && code.endsWith(";")
                ? code.substring(0, code.length() - 1) : code;
        int at = rest.indexOf(typed);
        return at >= 0 ? at : CodeAnalysis.leadingBlanks(rest);
    }

    /**
     * Evaluates one statement whose text starts at {@code offset} of {@code source}. JShell
     * reports compile errors relative to the statement as given, but numbers the lines of stack
     * frames from its first non-blank character; both are mapped back to the source.
     */
    private Object evalStatement(String code, SourceText source, int offset) {
        try {
            List<SnippetEvent> events = shell.eval(code);
            SnippetEvent primary = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
            for (SnippetEvent event : events) {
                if (event.status() == Snippet.Status.OVERWRITTEN) {
                    reclaimer.releaseReplaced(event.snippet(), primary == null ? null : primary.snippet());
                }
            }
            if (primary == null) {
                return null;
            }
            locations.put(primary.snippet().id(), source, offset + CodeAnalysis.leadingBlanks(code));
            return outcome(primary, source, offset);
        } finally {
            control.clearResults();
        }
    }

    /** The value to display for {@code event}'s snippet: an expression's value, else null. */
    private Object outcome(SnippetEvent event, SourceText source, int offset) {
        JShellException thrown = event.exception();
        throwIfInterrupted(thrown == null ? List.of() : locations.renderSnippetFrames(thrown.getStackTrace(), source.executionCount()), source);
        if (thrown != null) {
            throw new UserCodeFailure(describe(thrown, source.executionCount()));
        }
        Snippet snippet = event.snippet();
        if (!event.status().isDefined() && !awaitsDeclarations(event)) {
            throw compileFailure(snippet, source, offset);
        }
        noteUnresolved(event);
        Object value = control.hasResult(event.value()) ? control.takeResult(event.value()) : null;
        return switch (snippet.subKind()) {
            case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> value;
            case TEMP_VAR_EXPRESSION_SUBKIND -> {
                reclaimer.release(snippet);
                shell.drop(snippet);
                yield value;
            }
            default -> null;
        };
    }

    private void throwIfInterrupted(List<String> frames, SourceText source) {
        StoppedFailure.Reason reason = control.stopReason();
        if (reason == null && control.interruptRequested()) {
            control.stopCellThreads();
            reason = control.stopReason();
        }
        if (reason == null) {
            return;
        }
        String detail = reason == StoppedFailure.Reason.INTERRUPTED
                ? "the cell was interrupted"
                : "a statement ran longer than the time-out of " + control.timeout().toMillis() + " ms (JJAVA_TIMEOUT)";
        throw new StoppedFailure(reason, detail, frames, control.stillRunning());
    }

    private Thrown describe(Throwable thrown, int currentCount) {
        if (thrown == null) {
            return null;
        }
        if (thrown instanceof EvalException eval) {
            return new Thrown(eval.getExceptionClassName(), eval.getMessage(),
                    locations.render(eval.getStackTrace(), currentCount), describe(eval.getCause(), currentCount));
        }
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet snippet = unresolved.getSnippet();
            String missing = shell.unresolvedDependencies(snippet).collect(Collectors.joining(", "));
            return new Thrown(UnresolvedReferenceException.class.getName(),
                    name(snippet) + " cannot be used until " + missing + " is declared",
                    locations.render(unresolved.getStackTrace(), currentCount), null);
        }
        return new Thrown(thrown.getClass().getName(), thrown.getMessage(),
                locations.render(thrown.getStackTrace(), currentCount), describe(thrown.getCause(), currentCount));
    }

    private CompileFailure compileFailure(Snippet snippet, SourceText source, int offset) {
        List<CompileFailure.Problem> problems = new ArrayList<>();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(diag -> problems.add(problem(diag, source, offset)));
        if (problems.stream().anyMatch(p -> CLASS_LIMITS.matcher(p.message()).find())) {
            problems.set(0, withNote(problems.get(0), recoverFromClassLimits(snippet)));
        }
        if (problems.isEmpty()) {
            problems.add(new CompileFailure.Problem(source.describeLine(source.lineAt(offset), source.executionCount()),
                    source.lineTextAt(offset), source.columnAt(offset), 1,
                    "JShell rejected this statement (" + shell.status(snippet) + ")"));
        }
        return new CompileFailure(problems);
    }

    /**
     * Drops a statement no class file can hold and renews javac's contexts, which such a failure
     * leaves broken for every later statement; says what was done.
     */
    private String recoverFromClassLimits(Snippet snippet) {
        if (shell.status(snippet).isActive()) {
            shell.drop(snippet);
        }
        return compilerPool.renew()
                ? "a class file cannot hold this statement: it was dropped, the rest of the session is kept;"
                        + " load such data from a file, or split it"
                : "a class file cannot hold this statement, and this JDK's JShell cannot recover from it:"
                        + " later statements may fail with 'too many constants' until the kernel is restarted";
    }

    private static CompileFailure.Problem withNote(CompileFailure.Problem problem, String note) {
        return new CompileFailure.Problem(problem.where(), problem.lineText(), problem.column(), problem.width(),
                problem.message() + "\n(" + note + ")");
    }

    private static CompileFailure.Problem problem(Diag diag, SourceText source, int offset) {
        long position = Math.max(diag.getPosition(), 0);
        long start = diag.getStartPosition();
        long from = start >= 0 && start <= position ? start : position;
        long to = Math.max(diag.getEndPosition(), from + 1);
        int at = offset + (int) from;
        return new CompileFailure.Problem(source.describeLine(source.lineAt(at), source.executionCount()),
                source.lineTextAt(at), source.columnAt(at), (int) (to - from), diag.getMessage(null));
    }

    /**
     * True for a declaration JShell keeps although it refers to something not declared yet
     * ({@code RECOVERABLE_NOT_DEFINED} with named unresolved references): as in JShell and IJava it
     * is not an error, so that the same cell may go on to declare what it needs.
     */
    private boolean awaitsDeclarations(SnippetEvent event) {
        return event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED
                && event.snippet() instanceof DeclarationSnippet declaration
                && shell.unresolvedDependencies(declaration).findAny().isPresent();
    }

    /**
     * Says on stderr when a declaration compiled but needs something not declared yet, naming
     * what it waits for (JShell's unresolved dependencies, e.g. {@code method bar(int)}).
     */
    private void noteUnresolved(SnippetEvent event) {
        if (event.status() != Snippet.Status.RECOVERABLE_DEFINED && event.status() != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return;
        }
        if (event.snippet() instanceof DeclarationSnippet declaration) {
            String missing = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
            System.err.println("note: " + name(declaration) + " is declared but cannot be used until " + missing + " is defined");
        }
    }

    private static String name(DeclarationSnippet snippet) {
        return snippet.kind().toString().toLowerCase().replace("type_decl", "type") + " " + snippet.name();
    }

    @Override
    public void close() {
        shell.close();
    }

    private static ExecutionControlProvider providerOf(CellExecutionControl control) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "nndl-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }
}

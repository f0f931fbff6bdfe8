package nndl.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import nndl.kernel.errors.CompileFailure;
import nndl.kernel.errors.StoppedFailure;
import nndl.kernel.errors.UserCodeFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JShell in this JVM, as the kernel runs it, without the Jupyter protocol around it. */
public class JShellEvaluatorTest {
    /** Lets cells hand an object to the test; the cells' class loader sees the test's classes. */
    public static volatile WeakReference<Object> tracked;
    /** Set by a cell's loop once it runs: the interrupt then meets the loop, not its compilation. */
    public static volatile boolean looping;

    private static JShellEvaluator evaluator;
    private static int count;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(JShellEvaluatorTest.class.getClassLoader(), List.of(), List.of(), null);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    /** Tracks the object passed, for garbage-collection checks. */
    public static void track(Object value) {
        tracked = new WeakReference<>(value);
    }

    private static Object run(String code) {
        evaluator.beginCell(count + 1);
        return evaluator.eval(SourceText.cell(code, 1, ++count));
    }

    @Test
    void lastExpressionIsTheValueAndStateIsKept() {
        assertNull(run("int base = 40;"));
        assertEquals(42, run("int two = 2;\nbase + two"));
        assertEquals("ab", run("String s = \"a\";\ns += \"b\";\ns"));
        assertNull(run("base = 1;"), "an assignment shows nothing");
    }

    @Test
    void anExpressionEndedWithASemicolonIsShownAsInIJava() {
        assertEquals(5, run("int y = 3;\ny + 2;"));
        assertEquals(3.0, run("Math.sqrt(9);"));
        assertNull(run("System.out.print(\"\");"), "a void call shows nothing");
        assertNull(run("for (int i = 0; i < 2; i++) { }"), "a statement shows nothing");
        assertNull(run("Math.abs(-1);\nint z = 1;"), "only the last statement counts");
    }

    @Test
    void aClassWaitingForAMethodIsKeptAndTheSameCellCanDeclareIt() {
        assertEquals(14, run("class Doubler { int apply(int v) { return twice(v); } }\n"
                + "int twice(int v) { return 2 * v; }\nnew Doubler().apply(7)"));
    }

    @Test
    void realObjectsComeBackNotTheirStrings() {
        Object image = run("new java.awt.image.BufferedImage(2, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertTrue(image instanceof java.awt.image.RenderedImage, String.valueOf(image));
    }

    @Test
    void compileErrorPointsAtTheCellLineAndColumn() {
        CompileFailure failure = assertThrows(CompileFailure.class, () -> run("int fine = 1;\n\n  int broken = undefinedThing + 1;"));
        CompileFailure.Problem problem = failure.problems().get(0);
        assertEquals("line 3", problem.where());
        assertEquals("  int broken = undefinedThing + 1;", problem.lineText());
        assertEquals(15, problem.column());
        assertEquals("undefinedThing".length(), problem.width());
        assertEquals(1, run("fine"), "statements before the error ran");
    }

    @Test
    void incompleteCodeIsACompileError() {
        CompileFailure failure = assertThrows(CompileFailure.class, () -> run("int x = \n"));
        assertTrue(failure.problems().get(0).message().contains("end of file"), failure.getMessage());
    }

    @Test
    void runtimeErrorShowsUserFramesInCellLines() {
        run("int divide(int a, int b) {\n    return a / b;\n}");
        int defined = count;
        UserCodeFailure failure = assertThrows(UserCodeFailure.class, () -> run("int zero = 0;\n\n  divide(1, zero)"));
        assertEquals("java.lang.ArithmeticException", failure.thrown().className());
        assertEquals(List.of("divide (In [" + defined + "], line 2)", "line 3"), failure.thrown().frames());
    }

    @Test
    void causesAreKept() {
        UserCodeFailure failure = assertThrows(UserCodeFailure.class,
                () -> run("try { Integer.parseInt(\"q\"); } catch (NumberFormatException e) { throw new IllegalStateException(\"wrapped\", e); }"));
        assertEquals("java.lang.IllegalStateException", failure.thrown().className());
        assertEquals("java.lang.NumberFormatException", failure.thrown().cause().className());
    }

    @Test
    void interruptStopsALoopThatIgnoresInterrupts() throws Exception {
        evaluator.beginCell(count + 1);
        looping = false;
        CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> evaluator.eval(SourceText.cell(
                "long spins = 0;\nwhile (true) { spins++; nndl.kernel.exec.JShellEvaluatorTest.looping = true; }\nint after = 1;", 1, ++count)));
        // Until the loop runs (compiling it may take seconds on a loaded machine), then a little longer.
        for (int wait = 0; wait < 3000 && !looping; wait++) {
            Thread.sleep(10);
        }
        assertTrue(looping, "the loop never started");
        Thread.sleep(100);
        evaluator.interrupt();
        Throwable thrown = assertThrows(Exception.class, () -> cell.get(30, TimeUnit.SECONDS)).getCause();
        assertTrue(thrown instanceof StoppedFailure, String.valueOf(thrown));
        StoppedFailure stopped = (StoppedFailure) thrown;
        assertEquals(StoppedFailure.Reason.INTERRUPTED, stopped.reason());
        assertTrue(stopped.report().traceback().contains("    at line 2"), stopped.report().traceback().toString());
        assertThrows(CompileFailure.class, () -> run("after"), "statements after the interrupted one were skipped");
        assertEquals(2, run("1 + 1"));
    }

    @Test
    void timeOutStopsAStatement() {
        try (JShellEvaluator bounded = new JShellEvaluator(getClass().getClassLoader(), List.of(), List.of(), Duration.ofMillis(300))) {
            bounded.beginCell(1);
            StoppedFailure stopped = assertThrows(StoppedFailure.class, () -> bounded.eval(SourceText.cell("Thread.sleep(60_000);", 1, 1)));
            assertEquals(StoppedFailure.Reason.TIMED_OUT, stopped.reason());
            bounded.beginCell(2);
            assertEquals(3, bounded.eval(SourceText.cell("1 + 2", 1, 2)));
        }
    }

    @Test
    void redeclaredVariablesReleaseTheirValues() throws InterruptedException {
        assertTrue(evaluator.reclaimsValues(), "run with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED");
        run("var big = new byte[1 << 20];\nnndl.kernel.exec.JShellEvaluatorTest.track(big);");
        run("var big = new byte[1];");
        for (int i = 0; i < 20 && tracked.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertNull(tracked.get(), "the first array is still reachable");
    }

    @Test
    void rerunningTheSameDeclarationKeepsTheNewValueAndFreesTheOld() throws InterruptedException {
        // JShell reuses the snippet of an identical declaration and reports it as overwritten.
        String cell = "var again = new StringBuilder(\"x\").append(System.nanoTime());\n"
                + "nndl.kernel.exec.JShellEvaluatorTest.track(again);";
        run(cell);
        run(cell);
        assertEquals("StringBuilder", run("again.getClass().getSimpleName()"), "the re-run declaration lost its value");
        WeakReference<Object> second = tracked;
        run(cell);
        assertEquals("StringBuilder", run("again.getClass().getSimpleName()"));
        for (int i = 0; i < 20 && second.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertNull(second.get(), "the value of the previous run is still reachable");
    }

    @Test
    void expressionResultsAreReleasedOnceShown() throws InterruptedException {
        Object shown = run("new StringBuilder(\"temporary\")");
        track(shown);
        shown = null;
        for (int i = 0; i < 20 && tracked.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertNull(tracked.get(), "JShell's $n variable still holds the value");
    }

    @Test
    void addedDirectoriesAreVisibleToCompilerAndLoader(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("Greeter.java"),
                "package added; public class Greeter { public static String hi() { return \"hi\"; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, status, "javac failed");
        assertThrows(CompileFailure.class, () -> run("added.Greeter.hi()"));
        evaluator.addToClasspath(classes);
        assertEquals("hi", run("added.Greeter.hi()"));
        assertEquals(List.of(classes.toAbsolutePath().normalize()), evaluator.classpath());
    }
}

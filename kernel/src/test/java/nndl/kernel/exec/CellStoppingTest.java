package nndl.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import nndl.kernel.errors.StoppedFailure;
import nndl.kernel.errors.UserCodeFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stop checks and exit guards compiled into the cells' code, on whatever JDK runs the tests. */
public class CellStoppingTest {
    /** Set by a thread a cell starts, so that the test can watch it. */
    public static volatile Thread started;
    /** Set once {@link #spinIgnoringInterrupts(long)} runs. */
    private static volatile boolean spinning;
    /** Set by the training loop a cell defines, once it runs: the interrupt then meets it, not its compilation. */
    public static volatile boolean training;

    private static JShellEvaluator evaluator;
    private static int count;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(CellStoppingTest.class.getClassLoader(), List.of(), List.of(), null);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static Object run(String code) {
        evaluator.beginCell(++count);
        return evaluator.eval(SourceText.cell(code, 1, count));
    }

    /** Runs {@code code}, interrupts it half a second later and returns how it failed. */
    private static StoppedFailure interrupted(String code) throws Exception {
        return interrupted(code, 500, () -> true);
    }

    /**
     * Runs {@code code}, interrupts it {@code afterMillis} ms after {@code ready} holds (compiling
     * may take a while on a loaded machine) and returns how it failed.
     */
    private static StoppedFailure interrupted(String code, long afterMillis, BooleanSupplier ready) throws Exception {
        evaluator.beginCell(++count);
        int cell = count;
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> evaluator.eval(SourceText.cell(code, 1, cell)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ready.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(afterMillis);
        evaluator.interrupt();
        Throwable thrown = assertThrows(Exception.class, () -> running.get(30, TimeUnit.SECONDS)).getCause();
        assertTrue(thrown instanceof StoppedFailure, String.valueOf(thrown));
        return (StoppedFailure) thrown;
    }

    @Test
    void aLoopWithoutCallsStops() throws Exception {
        StoppedFailure stopped = interrupted("while (true) { }");
        assertEquals("Interrupted", stopped.report().name(), stopped.report().traceback().toString());
        assertEquals(2, run("1 + 1"));
    }

    @Test
    void aLoopOfCellMethodsStopsAndStateSurvives() throws Exception {
        run("double step(double w) { nndl.kernel.exec.CellStoppingTest.training = true; return w * 0.999 + 1e-9; }\n"
                + "double train(int epochs) { double w = 1; for (int e = 0; e < epochs; e++) { for (int i = 0; i < 1000; i++) { w = step(w); } } return w; }\n"
                + "int kept = 7;");
        training = false;
        StoppedFailure stopped = interrupted("double result = train(Integer.MAX_VALUE);", 100, () -> training);
        assertEquals("Interrupted", stopped.report().name());
        assertTrue(stopped.report().traceback().stream().anyMatch(line -> line.contains("train")), stopped.report().traceback().toString());
        assertEquals(7, run("kept"));
    }

    @Test
    void threadsTheCellStartedStopToo() throws Exception {
        started = null;
        interrupted("Thread t = new Thread(() -> { long n = 0; while (true) { n++; } });\n"
                + "nndl.kernel.exec.CellStoppingTest.started = t;\nt.start();\nwhile (true) { }", 300, () -> started != null);
        started.join(10_000);
        assertFalse(started.isAlive(), "the cell's own thread still runs");
    }

    @Test
    void catchingThrowableDoesNotKeepALoopAlive() throws Exception {
        StoppedFailure stopped = interrupted("while (true) { try { while (true) { } } catch (Throwable t) { } }");
        assertEquals("Interrupted", stopped.report().name());
    }

    /** Library code that ignores interrupts, as a native call would: not instrumented, it cannot be stopped. */
    public static void spinIgnoringInterrupts(long millis) {
        spinning = true;
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aThreadThatCannotBeStoppedIsReportedNotInterrupted() throws Exception {
        StoppedFailure stopped = interrupted("nndl.kernel.exec.CellStoppingTest.spinIgnoringInterrupts(6_000);", 300, () -> spinning);
        assertEquals("NotStopped", stopped.report().name());
        assertTrue(stopped.report().traceback().stream().anyMatch(line -> line.contains("still running: nndl-cell-")),
                stopped.report().traceback().toString());
        assertEquals(2, run("1 + 1"));
    }

    @Test
    void systemExitIsAnErrorInTheCell() {
        for (String call : List.of("System.exit(0)", "Runtime.getRuntime().exit(3)", "Runtime.getRuntime().halt(1)",
                "java.util.function.IntConsumer quit = System::exit; quit.accept(2)")) {
            UserCodeFailure failure = assertThrows(UserCodeFailure.class, () -> run(call + ";"), call);
            assertEquals(SystemExitRefused.class.getName(), failure.thrown().className(), call);
        }
        assertEquals(2, run("1 + 1"));
    }
}

package nndl.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nndl.kernel.errors.CompileFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Snippets JShell accepts but javac cannot turn into a class leave the session usable. */
public class SessionRecoveryTest {
    private static JShellEvaluator evaluator;
    private static int count;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(SessionRecoveryTest.class.getClassLoader(), List.of(), List.of(), null);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static Object run(String code) {
        evaluator.beginCell(++count);
        return evaluator.eval(SourceText.cell(code, 1, count));
    }

    @Test
    void aHugeArrayLiteralIsRefusedAndLaterCellsStillRun() {
        run("int before = 41;");
        String literal = IntStream.range(0, 100_000).mapToObj(Integer::toString).collect(Collectors.joining(",", "int[] huge = {", "};"));
        CompileFailure failure = assertThrows(CompileFailure.class, () -> run(literal));
        assertTrue(failure.problems().get(0).message().startsWith("code too large"), failure.getMessage());
        assertTrue(failure.problems().get(0).message().contains("it was dropped"), failure.getMessage());
        assertEquals(2, run("1 + 1"));
        assertEquals(42, run("before + 1"));
        assertThrows(CompileFailure.class, () -> run("huge"), "the refused declaration is gone");
    }
}

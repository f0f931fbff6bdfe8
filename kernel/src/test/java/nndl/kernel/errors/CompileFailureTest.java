package nndl.kernel.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompileFailureTest {

    @Test
    void problemShowsLineMessageAndCarets() {
        CompileFailure.Problem problem = new CompileFailure.Problem("line 2", "int y = foo + 1;", 8, 3,
                "cannot find symbol\n  symbol:   variable foo\n  location: class ");
        assertEquals(List.of(
                "Compile error at line 2: cannot find symbol",
                "  symbol:   variable foo",
                "    int y = foo + 1;",
                "            ^^^"), CompileFailure.describe(problem));
    }

    @Test
    void caretsFollowTabsAndStayOnTheLine() {
        CompileFailure.Problem problem = new CompileFailure.Problem("a.jsh, line 1", "\tx = ;", 5, 40, "illegal start of expression");
        List<String> lines = CompileFailure.describe(problem);
        assertEquals("    \t    ^", lines.get(2));
    }

    @Test
    void reportSummarizesTheFirstProblem() {
        CompileFailure failure = new CompileFailure(List.of(
                new CompileFailure.Problem("line 3", "a b", 2, 1, "';' expected"),
                new CompileFailure.Problem("line 3", "a b", 0, 1, "cannot find symbol\n  symbol: class a")));
        ErrorReport report = failure.report();
        assertEquals("CompileError", report.name());
        assertEquals("line 3: ';' expected", report.value());
        assertEquals(7, report.traceback().size());
    }

    @Test
    void noProblemsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CompileFailure(List.of()));
    }
}

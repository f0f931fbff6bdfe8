package nndl.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradeOptionsTest {
    private static final String[] BASE = {"--root", "/r", "--data", "/d", "--profile", "quick"};

    private static String[] with(String... more) {
        String[] args = new String[BASE.length + more.length];
        System.arraycopy(BASE, 0, args, 0, BASE.length);
        System.arraycopy(more, 0, args, BASE.length, more.length);
        return args;
    }

    @Test
    void defaultsAndValues() {
        GradeOptions o = GradeOptions.parse(with("--jobs", "3", "--cell-timeout", "90", "--check-timeout", "5", "--memory", "2g", "a.zip", "b"));
        assertEquals(Path.of("/r/build/grades"), o.out());
        assertEquals(3, o.jobs());
        assertEquals(90, o.cellTimeout());
        assertEquals(5, o.checkTimeout());
        assertEquals("2g", o.memory());
        assertEquals("quick", o.profile());
        assertEquals(List.of(Path.of("a.zip"), Path.of("b")), o.submissions());
        assertEquals(60, GradeOptions.parse(with("x")).checkTimeout());
        GradeOptions plain = GradeOptions.parse(with("x"));
        assertTrue(!plain.noSandbox() && !plain.keepWork() && !plain.judgeOnly(), "the sandbox is on and scratch is deleted by default");
        GradeOptions flags = GradeOptions.parse(with("--no-sandbox", "--keep-work", "--judge-only", "x"));
        assertTrue(flags.noSandbox() && flags.keepWork() && flags.judgeOnly());
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradeOptions.parse(with("--quick", "a.zip")))
                .getMessage().startsWith("unknown option --quick"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradeOptions.parse(with("--jobs", "many", "a")))
                .getMessage().contains("--jobs needs a whole number, got 'many'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradeOptions.parse(with("--memory", "lots", "a")))
                .getMessage().contains("--memory must look like 3g"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradeOptions.parse(with()))
                .getMessage().startsWith("no submission given"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradeOptions.parse(with("--out")))
                .getMessage().startsWith("--out needs a value"));
    }
}

package nndl.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The command line as picocli parses it: what is rejected, in the old launcher's words, and the help. */
class CommandLineTest {
    /** Exit status and stderr+stdout of ./workbook ARGS (only command lines refused before any work). */
    private record Outcome(int status, String out) {
    }

    private static Outcome workbook(String... args) {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            int status = Workbook.execute(Workbook.commandLine(), args);
            return new Outcome(status, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
    }

    private static boolean instructorEdition() {
        try {
            Class.forName("nndl.launcher.instructor.Release");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --quick|run: unknown option '--quick' (see ./workbook run --help; the profile is NNDL_PROFILE=quick, not an option)",
        "run fc_nets --quick|run: unknown option '--quick' (see ./workbook run --help; the profile is NNDL_PROFILE=quick, not an option)",
        "report --quick|report: unknown option '--quick' (see ./workbook report --help;",
        "kernel --quick|kernel: unknown option '--quick'",
        "kernel extra|kernel: unexpected argument 'extra' (see ./workbook kernel --help)",
        "test --quick|test: unknown option '--quick'",
        "test extra|test: unexpected argument 'extra' (see ./workbook test --help)",
        "lab --quick|lab: unknown option '--quick'",
        "lab extra|lab: unexpected argument 'extra' (see ./workbook lab --help)",
        "lab --port|lab: --port needs a value",
        "lab --java|lab: --java needs a JDK",
        "kernel --java|--java needs a JDK",
        "submit extra|submit takes no arguments, got 'extra' (see ./workbook submit --help)",
        "run fc_net|run: unknown notebook 'fc_net'; the notebooks are: two_layer_nn fc_nets",
        "nosuch|unknown command: nosuch",
    })
    void refusedWithTheOldWordingAndStatusOne(String args, String message) {
        Outcome o = workbook(args.split(" "));
        assertEquals(1, o.status(), o.out());
        assertTrue(o.out().contains("workbook: error: " + message), o.out());
    }

    @Test
    void releaseRefusesInItsOwnWords() {
        if (!instructorEdition()) {
            assertTrue(workbook("release").out().contains("workbook: error: unknown command: release"));
            return;
        }
        assertTrue(workbook("release", "--fast").out().contains("workbook: error: unknown option '--fast' (see ./workbook release --help)"));
        Outcome two = workbook("release", "a", "b");
        assertEquals(1, two.status());
        assertTrue(two.out().contains("workbook: error: release takes one folder (see ./workbook release --help)"), two.out());
    }

    @Test
    void runHelpIsTheOldText() {
        Outcome o = workbook("run", "--help");
        assertEquals(0, o.status(), o.out());
        assertTrue(o.out().startsWith("Usage: ./workbook run [NOTEBOOK...]\n"), o.out());
        assertTrue(o.out().contains("the others there (from earlier runs, executed with the code of then) are kept,"), o.out());
        assertTrue(o.out().contains("to build/report/previous/graded-report.pdf"), o.out());
    }

    @Test
    void testHelpListsTheEightStages() {
        String out = workbook("test", "--help").out();
        for (int stage = 1; stage <= 8; stage++) {
            assertTrue(out.contains("  " + stage + ". "), "stage " + stage + ":\n" + out);
        }
        assertTrue(out.contains("%maven"), out);
    }

    @Test
    void theTopHelpListsTheCommandsOfThisEdition() {
        Outcome o = workbook("--help");
        assertEquals(0, o.status());
        for (String c : new String[] {"run", "test", "lab", "report", "bench", "kernel", "submit", "check"}) {
            assertTrue(o.out().contains("\n  " + c + " "), c + ":\n" + o.out());
        }
        // the instructor's commands are listed exactly when their classes are there (the release drops them)
        assertEquals(instructorEdition(), o.out().contains("Instructor edition only:\n  release "), o.out());
        assertEquals(instructorEdition(), o.out().contains("\n  grade "), o.out());
        assertEquals(o.out(), workbook().out(), "./workbook alone prints the same help");
        assertFalse(o.out().contains("help "), "the help command is not listed");
    }
}

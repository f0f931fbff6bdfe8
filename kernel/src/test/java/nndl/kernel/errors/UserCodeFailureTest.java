package nndl.kernel.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nndl.kernel.errors.UserCodeFailure.Thrown;
import org.junit.jupiter.api.Test;

class UserCodeFailureTest {

    @Test
    void reportNamesTheExceptionAndItsCauses() {
        Thrown cause = new Thrown("java.lang.NumberFormatException", "For input string: \"x\"",
                List.of("java.base/java.lang.Integer.parseInt(Integer.java:668)", "parse (In [2], line 3)"), null);
        Thrown outer = new Thrown("java.lang.IllegalStateException", "bad config", List.of("line 1"), cause);
        ErrorReport report = new UserCodeFailure(outer).report();
        assertEquals("IllegalStateException", report.name());
        assertEquals("bad config", report.value());
        assertEquals(List.of(
                "java.lang.IllegalStateException: bad config",
                "    at line 1",
                "Caused by: java.lang.NumberFormatException: For input string: \"x\"",
                "    at java.base/java.lang.Integer.parseInt(Integer.java:668)",
                "    at parse (In [2], line 3)"), report.traceback());
    }

    @Test
    void nestedClassNamesAndMissingMessages() {
        Thrown thrown = new Thrown("a.Outer$Inner", null, List.of(), null);
        ErrorReport report = new UserCodeFailure(thrown).report();
        assertEquals("Inner", report.name());
        assertEquals("", report.value());
        assertEquals(List.of("a.Outer$Inner"), report.traceback());
    }

    @Test
    void deepStacksAreCut() {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            frames.add("recurse (line 2)");
        }
        List<String> lines = new UserCodeFailure(new Thrown("java.lang.StackOverflowError", null, frames, null)).report().traceback();
        assertEquals(UserCodeFailure.MAX_FRAMES + 2, lines.size());
        assertEquals("    ... " + (1000 - UserCodeFailure.MAX_FRAMES) + " more", lines.get(lines.size() - 1));
    }

    @Test
    void stoppedFailureSaysWhere() {
        ErrorReport report = new StoppedFailure(StoppedFailure.Reason.TIMED_OUT, "too slow", List.of("line 4"), List.of()).report();
        assertEquals("TimedOut", report.name());
        assertEquals(List.of("TimedOut: too slow", "    at line 4"), report.traceback());
    }

    @Test
    void aCellThatDidNotStopIsNotCalledInterrupted() {
        ErrorReport report = new StoppedFailure(StoppedFailure.Reason.INTERRUPTED, "the cell was interrupted", List.of(),
                List.of("nndl-cell-3 in Native.spin(Native Method)")).report();
        assertEquals("NotStopped", report.name());
        assertEquals("NotStopped: the interrupt could not stop the cell: a thread of it still runs"
                + " (in native code or in a library that ignores interrupts)", report.traceback().get(0));
        assertTrue(report.traceback().contains("    still running: nndl-cell-3 in Native.spin(Native Method)"), report.traceback().toString());
        assertTrue(report.traceback().get(report.traceback().size() - 1).startsWith("Restart the kernel"));
    }
}

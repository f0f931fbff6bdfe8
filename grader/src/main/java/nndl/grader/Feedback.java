package nndl.grader;

import java.util.Locale;
import nndl.grade.Check;
import nndl.grade.GradeResult;
import nndl.util.PyFloat;

/** The feedback file of one submission: the run's messages, then one line per check. */
final class Feedback {
    private Feedback() {
    }

    /** The feedback text: header, messages, one line per graded check with value, criterion, points and why. */
    static String text(Outcome outcome) {
        StringBuilder s = new StringBuilder();
        s.append("Submission ").append(outcome.name()).append(": ").append(outcome.status()).append(", ")
                .append(points(outcome.total())).append(" / ").append(Outcome.possible()).append(" points\n");
        for (String message : outcome.messages()) {
            s.append("  ").append(message).append('\n');
        }
        s.append('\n');
        for (Check check : Outcome.checks()) {
            GradeResult r = outcome.results().get(check.id());
            String note = outcome.notes().get(check.id());
            String mark = r == null ? "✗" : r.earned() >= r.points() ? "✓" : r.earned() > 0 ? "◐" : "✗";
            s.append(mark).append(' ').append(check.id()).append(": ");
            if (r == null) {
                s.append("no value, needs ").append(check.criterion().describe());
            } else {
                s.append(PyFloat.repr(r.value())).append(", needs ").append(check.criterion().describe());
                if (r.status() == GradeResult.Status.NOT_GRADED_ON_THIS_DATA) {
                    s.append(" (not graded on this data)");
                }
            }
            s.append(" — ").append(points(r == null ? 0 : r.earned())).append('/').append(check.points()).append(" points");
            if (note != null) {
                s.append(" — ").append(note);
            } else if (r != null && r.earned() < r.points() && r.status() == GradeResult.Status.GRADED) {
                s.append(" — measured ").append(PyFloat.repr(r.value())).append(", the check ").append(check.measures())
                        .append(" must be ").append(check.criterion().describe());
            }
            s.append('\n');
        }
        return s.toString();
    }

    static String points(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}

package nndl.grader;

import java.util.List;
import java.util.Map;
import nndl.grade.Check;
import nndl.grade.GradeResult;
import nndl.grade.Rubric;

/**
 * What grading one submission found.
 *
 * @param name     the submission's name
 * @param status   {@code graded}, {@code compile-error}, {@code timed-out} or {@code crashed: <reason>}
 * @param results  the graded checks by id (hidden checks included); a check that is absent earned 0
 * @param notes    why a check has no result or failed, by id (an exception, "not run", the cell that failed)
 * @param messages what the feedback says first: ignored files, compile errors, why the run ended
 * @param seconds  how long grading took
 */
record Outcome(String name, String status, Map<String, GradeResult> results, Map<String, String> notes,
               List<String> messages, double seconds) {

    /** The checks graded for every submission, in order: the notebooks' rubric, then the hidden group. */
    static List<Check> checks() {
        return Rubric.checks().stream().filter(c -> !c.ungraded()).toList();
    }

    /** Points earned in all. */
    double total() {
        return results.values().stream().mapToDouble(GradeResult::earned).sum();
    }

    /** Points at stake in all. */
    static int possible() {
        return checks().stream().mapToInt(Check::points).sum();
    }
}

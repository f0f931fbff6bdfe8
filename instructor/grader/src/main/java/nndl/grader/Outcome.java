package nndl.grader;

import java.util.List;
import nndl.judge.ExerciseRubric;
import nndl.judge.Score;

/**
 * What grading one hand-in found.
 *
 * @param id       the student id from its manifest (the gradebook's key)
 * @param file     the zip or folder's name
 * @param status   {@code graded}, {@code compile-error}, {@code timed-out at <where>}, {@code memory cap},
 *                 {@code process cap}, {@code disk cap}, {@code kernel died} or {@code crashed: <why>}
 * @param score    the judge's verdicts (every exercise 0 and "not judged" when nothing could be judged)
 * @param messages what the feedback says first: files taken and ignored, compile errors, incidents
 * @param seconds  how long grading took
 */
record Outcome(String id, String file, String status, Score score, List<String> messages, double seconds) {

    /** The score of a hand-in of which nothing was judged: every exercise 0 of its points. */
    static Score nothingJudged(boolean fullData) {
        return Score.judge(ExerciseRubric.EXERCISES, List.of(), fullData, c -> null, c -> null);
    }
}

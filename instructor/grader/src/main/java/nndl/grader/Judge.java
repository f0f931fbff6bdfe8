package nndl.grader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import nndl.judge.Case;
import nndl.judge.ExerciseRubric;
import nndl.judge.PublicCases;
import nndl.judge.Reply;
import nndl.judge.Score;
import nndl.judge.WorkerMain;

/**
 * The judge (spec §10.3): holds the cases, public and hidden, and the reference's outputs for them
 * (the instructor's compiled library, the model answers, run in this trusted JVM), sends each case's
 * inputs to a worker running the hand-in's library in the sandbox and compares what comes back.
 * Grades come from here alone.
 */
final class Judge {
    private static final Object REFERENCE_LOCK = new Object();
    private static List<Case> cases;
    private static Map<Case, Map<String, Object>> expected;

    private Judge() {
    }

    /** Every case, public then hidden per exercise (rubric order). */
    static synchronized List<Case> cases() {
        if (cases == null) {
            List<Case> all = new ArrayList<>(PublicCases.all());
            all.addAll(HiddenCases.all());
            List<Case> ordered = new ArrayList<>();
            for (var e : ExerciseRubric.EXERCISES) {
                all.stream().filter(c -> c.exercise().equals(e.id())).forEach(ordered::add);
            }
            cases = List.copyOf(ordered);
        }
        return cases;
    }

    /**
     * The reference's outputs of a case, computed once per grading call. The reference runs one case
     * at a time: some exercises seed the library's global random source.
     *
     * @throws IllegalStateException when the reference itself fails (a broken instructor edition)
     */
    static Map<String, Object> expected(Case c) {
        synchronized (REFERENCE_LOCK) {
            if (expected == null) {
                expected = new IdentityHashMap<>();
            }
            return expected.computeIfAbsent(c, k -> {
                Reply r = WorkerMain.run(k.op(), new java.util.LinkedHashMap<>(k.inputs()));
                if (!r.ok()) {
                    throw new IllegalStateException("the reference fails " + k.exercise() + " " + k.describe() + ": " + r.error()
                            + (r.frame() == null ? "" : " at " + r.frame()));
                }
                return r.outputs();
            });
        }
    }

    /** Judges the hand-in of {@code scratch} (its library compiled) through a sandboxed worker. */
    static Judged run(GradingContext context, Scratch scratch, Path log, boolean fullData) {
        List<Case> all = cases();
        all.forEach(Judge::expected);
        WorkerSession worker = new WorkerSession(context, scratch, log);
        Score score;
        try {
            score = Score.judge(ExerciseRubric.EXERCISES, all, fullData, Judge::expected, worker::call);
        } finally {
            // Closed before its end is read: a cap the last worker hit (a process flood whose shell gave up
            // while the worker went on answering) shows only once its sandbox has settled.
            worker.close();
        }
        return new Judged(score, List.copyOf(worker.incidents()), worker.worstEnd());
    }

    /** Runs every case on this JVM's library: the reference against itself (a test of the cases). */
    static Score selfCheck() {
        return Score.judge(ExerciseRubric.EXERCISES, cases(), false, Judge::expected,
                c -> WorkerMain.run(c.op(), new java.util.LinkedHashMap<>(c.inputs())));
    }

    /**
     * The judge's result for one hand-in.
     *
     * @param score     the verdicts and points
     * @param incidents what went wrong with the workers
     * @param worstEnd  a cap the sandbox enforced on a worker, or null
     */
    record Judged(Score score, List<String> incidents, nndl.grader.sandbox.SandboxResult.Status worstEnd) {
    }
}

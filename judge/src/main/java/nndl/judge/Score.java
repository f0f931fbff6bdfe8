package nndl.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The judge's total (spec §10.5): earned and possible over the exercises graded on this data, and the
 * points of those that are not; the one line every place prints.
 *
 * @param verdicts  every exercise's verdict, in rubric order
 */
public record Score(List<ExerciseVerdict> verdicts) {
    public Score {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * Judges {@code cases} exercise by exercise.
     *
     * @param exercises the exercises to score (rubric order), each with the cases whose exercise it is
     * @param fullData  whether the data is the full CIFAR-10 (else full-dataset exercises are not graded)
     * @param expected  the reference's outputs of a case
     * @param replies   the hand-in's reply to a case
     */
    public static Score judge(List<Exercise> exercises, List<Case> cases, boolean fullData,
                              Function<Case, Map<String, Object>> expected, Function<Case, Reply> replies) {
        List<ExerciseVerdict> verdicts = new ArrayList<>();
        for (Exercise e : exercises) {
            // A full-dataset exercise counts only on the full data and only once it has cases to judge it by.
            boolean graded = !e.fullDatasetOnly() || fullData && cases.stream().anyMatch(c -> c.exercise().equals(e.id()));
            List<CaseVerdict> vs = new ArrayList<>();
            if (graded) {
                for (Case c : cases) {
                    if (c.exercise().equals(e.id())) {
                        vs.add(Judging.judge(c, expected.apply(c), replies.apply(c), e));
                    }
                }
            }
            boolean all = !vs.isEmpty() && vs.stream().allMatch(CaseVerdict::passed);
            verdicts.add(new ExerciseVerdict(e, vs, graded && all ? e.points() : 0, graded));
        }
        return new Score(verdicts);
    }

    /** Points earned. */
    public double earned() {
        return verdicts.stream().mapToDouble(ExerciseVerdict::earned).sum();
    }

    /** Points possible on this data. */
    public int possible() {
        return verdicts.stream().filter(ExerciseVerdict::graded).mapToInt(v -> v.exercise().points()).sum();
    }

    /** Points not graded on this data. */
    public int notGraded() {
        return verdicts.stream().filter(v -> !v.graded()).mapToInt(v -> v.exercise().points()).sum();
    }

    /** "X / Y points, Z not graded on this data": the one total line. */
    public String totalLine() {
        return points(earned()) + " / " + possible() + " points" + (notGraded() > 0 ? ", " + notGraded() + " not graded on this data" : "");
    }

    /** The points of each exercise by id (graded ones only). */
    public Map<String, Double> byExercise() {
        Map<String, Double> m = new LinkedHashMap<>();
        verdicts.stream().filter(ExerciseVerdict::graded).forEach(v -> m.put(v.exercise().id(), v.earned()));
        return m;
    }

    /** The feedback text: per exercise its heading line and, for a failure, its cases' lines. */
    public String text() {
        StringBuilder s = new StringBuilder();
        for (ExerciseVerdict v : verdicts) {
            s.append(v.line()).append('\n');
            for (CaseVerdict c : v.shownCases()) {
                s.append("    ").append(c.line()).append('\n');
            }
        }
        return s.append("Total: ").append(totalLine()).append('\n').toString();
    }

    /** Points as printed: whole numbers without decimals. */
    public static String points(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}

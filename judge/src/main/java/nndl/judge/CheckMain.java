package nndl.judge;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./workbook check [EXERCISE...]}: runs the named exercises' public cases on this tree's
 * library, in this JVM (no sandbox: it is the student's own code), and judges them against the
 * recorded reference outputs, one line per case in the grader's words (spec §11, "Small runs").
 * Hidden cases exist only in the grader, so a pass here is necessary, not sufficient.
 */
public final class CheckMain {
    private CheckMain() {
    }

    /** Runs and exits: 0 when every case named passes, 1 when one fails, 2 for bad usage. */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        List<Exercise> chosen = new ArrayList<>();
        for (String arg : args) {
            List<Exercise> matching = ExerciseRubric.EXERCISES.stream()
                    .filter(e -> e.id().equalsIgnoreCase(arg) || e.id().toLowerCase().startsWith(arg.toLowerCase() + ".")
                            || e.notebook().equals(arg))
                    .toList();
            if (matching.isEmpty()) {
                out.println("check: no exercise '" + arg + "'; exercises: "
                        + String.join(", ", ExerciseRubric.EXERCISES.stream().map(Exercise::id).toList()));
                return 2;
            }
            matching.stream().filter(e -> !chosen.contains(e)).forEach(chosen::add);
        }
        List<Exercise> exercises = chosen.isEmpty() ? ExerciseRubric.EXERCISES : chosen;
        Score score;
        try {
            score = publicScore(exercises.stream().filter(e -> !e.fullDatasetOnly()).toList(), true);
        } catch (IOException e) {
            out.println("check: " + e.getMessage());
            return 2;
        }
        boolean allPass = true;
        for (ExerciseVerdict v : score.verdicts()) {
            for (CaseVerdict c : v.cases()) {
                out.println(c.line());
                allPass &= c.passed();
            }
        }
        out.println("public cases: " + score.totalLine() + " (the grader adds hidden cases: other shapes, seeds and labels)");
        return allPass ? 0 : 1;
    }

    /**
     * Judges {@code exercises} on their public cases against the recorded reference outputs, running
     * this JVM's library: the score of the student's own run and of {@code ./workbook check}.
     *
     * @param fullData whether the data is the full CIFAR-10 (else full-dataset exercises are "not graded on this data")
     * @throws IOException when the recorded outputs are missing or stale
     */
    public static Score publicScore(List<Exercise> exercises, boolean fullData) throws IOException {
        List<Case> cases = PublicCases.all();
        Map<Case, Map<String, Object>> expected = new IdentityHashMap<>();
        List<Map<String, Object>> recorded = PublicExpected.read(cases);
        for (int i = 0; i < cases.size(); i++) {
            expected.put(cases.get(i), recorded.get(i));
        }
        return Score.judge(exercises, cases, fullData, expected::get,
                c -> WorkerMain.run(c.op(), new java.util.LinkedHashMap<>(c.inputs())));
    }
}

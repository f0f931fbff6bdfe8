package nndl.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nndl.judge.Case;
import nndl.judge.ExerciseRubric;
import nndl.judge.ExerciseVerdict;
import nndl.judge.PublicCases;
import nndl.judge.PublicExpected;
import nndl.judge.Reply;
import nndl.judge.Score;
import org.junit.jupiter.api.Test;

class JudgeTest {
    @Test
    void theReferencePassesEveryCaseOfEveryExercise() {
        Score score = Judge.selfCheck();
        String failing = score.verdicts().stream().filter(v -> v.graded() && !v.status().equals("passed"))
                .map(v -> v.line() + "\n" + v.cases().stream().map(c -> "    " + c.line()).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
        assertEquals("", failing);
        assertEquals(154, score.possible());
        assertEquals(154.0, score.earned());
        assertEquals("154 / 154 points, 16 not graded on this data", score.totalLine());
    }

    @Test
    void everyGradedExerciseHasPublicAndHiddenCases() {
        for (ExerciseVerdict v : Judge.selfCheck().verdicts()) {
            if (v.graded()) {
                assertTrue(v.cases().stream().anyMatch(c -> !c.c().hidden()), v.exercise().id() + " has no public case");
                assertTrue(v.cases().stream().anyMatch(c -> c.c().hidden()), v.exercise().id() + " has no hidden case");
            }
        }
    }

    @Test
    void theRubricKeepsTheNotebooksTotals() {
        for (String[] total : new String[][] {{"two_layer_nn", "30"}, {"fc_nets", "20"}, {"mnist_multilayer", "100"},
                {"momentum_training", "20"}}) {
            assertEquals(Integer.parseInt(total[1]), ExerciseRubric.EXERCISES.stream().filter(e -> e.notebook().equals(total[0]))
                    .mapToInt(e -> e.points()).sum(), total[0]);
        }
    }

    /** Judged, not compared byte for byte: another CPU's BLAS may round the reference's last bits differently. */
    @Test
    void theRecordedPublicOutputsAreCurrent() throws Exception {
        List<Case> cases = PublicCases.all();
        List<Map<String, Object>> recorded = PublicExpected.read(cases);
        Map<Case, Map<String, Object>> byCase = new IdentityHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            byCase.put(cases.get(i), recorded.get(i));
        }
        Score score = Score.judge(ExerciseRubric.EXERCISES, cases, false, byCase::get, c -> Reply.of(Judge.expected(c)));
        assertEquals(score.possible(), score.earned(), "judge/src/main/resources" + PublicExpected.RESOURCE
                + " is stale: run java -cp 'instructor/grader/target/nndl-grader.jar:instructor/grader/target/dependency/*' nndl.grader.PublicExpectedMain .\n"
                + score.text());
    }

    @Test
    void hiddenCasesLeaveNoSecretInTheInputs() {
        for (Case c : Judge.cases()) {
            for (String secret : c.secret().keySet()) {
                assertTrue(!c.inputs().containsKey(secret), c.exercise() + " sends its secret " + secret + " to the worker");
            }
        }
        assertTrue(Judge.cases().stream().anyMatch(c -> !c.secret().isEmpty()), "no case keeps labels from the worker");
        List<Case> hidden = HiddenCases.all();
        assertTrue(hidden.stream().allMatch(Case::hidden));
    }
}

package nndl.report;

import static nndl.report.NotebookJson.grade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nndl.grade.Rubric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeSummaryTest {
    @TempDir
    Path dir;

    private GradeSummary.NotebookScore notebook(GradeSummary summary, String name) {
        return summary.notebooks().stream().filter(n -> n.notebook().equals(name)).findFirst().orElseThrow();
    }

    private GradeSummary.CheckScore check(GradeSummary summary, String id) {
        return summary.checks().stream().filter(c -> c.check().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void fixtureScoresAsDocumented() throws IOException {
        ReportFixtures.writeNotebooks(dir);
        GradeSummary summary = GradeSummary.read(dir, false);
        assertEquals(7.0, notebook(summary, "two_layer_nn").earned());
        assertEquals(14, notebook(summary, "two_layer_nn").possible());
        assertEquals(16, notebook(summary, "two_layer_nn").notGraded());
        assertEquals(15.0, notebook(summary, "fc_nets").earned());
        assertEquals(17, notebook(summary, "fc_nets").possible());
        assertEquals(100.0, notebook(summary, "mnist_multilayer").earned());
        assertEquals(ReportFixtures.TOTAL, summary.totalLine());
        assertEquals(List.of(ReportFixtures.SUBSET), summary.datasets());
        assertEquals("quick", notebook(summary, "fc_nets").run().profile());
    }

    @Test
    void failingCheckEarnsNothingAndMissingCheckIsNotRunButStillPossible() throws IOException {
        ReportFixtures.writeNotebooks(dir);
        GradeSummary summary = GradeSummary.read(dir, false);
        GradeSummary.CheckScore failed = check(summary, "two_layer_nn.toy_loss");
        assertEquals(GradeSummary.Outcome.FAILED, failed.outcome());
        assertEquals(0.0, failed.earned());
        assertEquals(3, failed.possible());
        GradeSummary.CheckScore missing = check(summary, "two_layer_nn.backward");
        assertEquals(GradeSummary.Outcome.NOT_RUN, missing.outcome());
        assertEquals("not run", missing.statusLabel());
        assertEquals("—", missing.valueText());
        assertEquals(0.0, missing.earned());
        assertEquals(4, missing.possible());
        GradeSummary.CheckScore excluded = check(summary, "two_layer_nn.tuning");
        assertEquals(GradeSummary.Outcome.NOT_GRADED, excluded.outcome());
        assertEquals(0, excluded.possible());
        assertEquals("ungraded · failed", check(summary, "backprop_exercises.gplvm").statusLabel());
    }

    @Test
    void problemsListFailedAndNotRunChecksOnly() throws IOException {
        ReportFixtures.writeNotebooks(dir);
        List<String> problems = GradeSummary.read(dir, false).problems().stream().map(c -> c.check().id()).toList();
        assertEquals(List.of("two_layer_nn.toy_loss", "two_layer_nn.backward", "fc_nets.overfit",
                "backprop_exercises.gplvm", "backprop_exercises.swish"), problems);
    }

    @Test
    void aMissingNotebookLeavesAllItsChecksNotRun() {
        GradeSummary summary = GradeSummary.of(List.of(), false);
        assertEquals(0.0, summary.earned());
        assertEquals(170, summary.possible());
        assertEquals("Total: 0 / 170 points", summary.totalLine());
        assertTrue(summary.checks().stream().allMatch(c -> c.outcome() == GradeSummary.Outcome.NOT_RUN));
        assertEquals("fc_nets: 0 / 20 points (notebook not found)", GradeSummary.scoreLine(notebook(summary, "fc_nets")));
    }

    @Test
    void tuningRampIsRescoredFromTheRecordedValue() throws IOException {
        NotebookJson notebook = new NotebookJson();
        for (double value : new double[] {0.39}) {
            notebook.code("Grade.check(\"two_layer_nn.tuning\", best.valAcc(), data);",
                    grade(Rubric.get("two_layer_nn.tuning").evaluate(value, true, "cifar-10-batches-bin")));
        }
        notebook.write(dir.resolve("two_layer_nn.ipynb"));
        GradeSummary.CheckScore tuning = check(GradeSummary.read(dir, true), "two_layer_nn.tuning");
        assertEquals(5.0, tuning.earned());
        assertEquals(GradeSummary.Outcome.PARTIAL, tuning.outcome());
        GradeSummary.CheckScore unverified = check(GradeSummary.read(dir, false), "two_layer_nn.tuning");
        assertEquals(GradeSummary.Outcome.NOT_GRADED, unverified.outcome(), "a record's 'graded' never makes the data full");
    }

    @Test
    void onlyTheValueOfARecordFromItsOwnCheckCellCounts() throws IOException {
        Map<String, Object> inflated = Rubric.get("two_layer_nn.toy_loss").evaluate(0.5, true, null).toJson();
        inflated.put("earned", 3.0);
        inflated.put("passed", true);
        Map<String, Object> forged = Rubric.get("two_layer_nn.toy_scores").evaluate(1e-9, true, null).toJson();
        new NotebookJson()
                .code("Grade.check(\"two_layer_nn.toy_scores\", diff);",
                        grade(Rubric.get("two_layer_nn.toy_scores").evaluate(1e-9, true, null)),
                        grade(Rubric.get("two_layer_nn.toy_scores").evaluate(1e-3, true, null)))
                .code("var out = net.loss(X);\nGrade.check(\"two_layer_nn.backward\", worst);",
                        grade(Rubric.get("two_layer_nn.backward").evaluate(0.0, true, null)),
                        NotebookJson.error("NotImplementedYet", "not implemented yet: TwoLayerNet.loss, backward pass", "trace"))
                .code("Grade.check(\"two_layer_nn.toy_loss\", lossDiff);",
                        NotebookJson.display(Map.of("text/plain", "x", nndl.grade.GradeResult.MIME_TYPE, inflated)))
                .code("net.train(...);", NotebookJson.display(Map.of("text/plain", "y", nndl.grade.GradeResult.MIME_TYPE, forged)))
                .code("Grade.check(\"two_layer_nn.nonsense\", 1);", NotebookJson.display(Map.of("text/plain", "z",
                        nndl.grade.GradeResult.MIME_TYPE, Map.of("id", "two_layer_nn.nonsense", "notebook", "two_layer_nn", "value", 1,
                                "threshold", 1, "passed", true, "points", 1, "earned", 1, "status", "graded"))))
                .write(dir.resolve("two_layer_nn.ipynb"));
        new NotebookJson()
                .code("Grade.check(\"fc_nets.affine_forward\", err);", grade(Rubric.get("fc_nets.affine_forward").evaluate(0, true, null)))
                .write(dir.resolve("old_fc_nets_copy.ipynb"));
        GradeSummary summary = GradeSummary.read(dir, false);
        assertEquals(GradeSummary.Outcome.NOT_RUN, check(summary, "two_layer_nn.toy_scores").outcome(),
                "two records for one Grade.check call: one is forged, none counts");
        assertEquals(GradeSummary.Outcome.NOT_IMPLEMENTED, check(summary, "two_layer_nn.backward").outcome(),
                "a record shown before its cell failed is not the check's");
        assertEquals(0.0, check(summary, "two_layer_nn.toy_loss").earned(), "points are the rubric's for the value");
        assertEquals(GradeSummary.Outcome.NOT_RUN, check(summary, "fc_nets.affine_forward").outcome(),
                "a record in a file of another name is not fc_nets'");
        List<String> warnings = summary.warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("toy_loss recorded 3 points, the rubric gives 0")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("'two_layer_nn.toy_scores' ignored: the cell shows 2 for 1 Grade.check call")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("'two_layer_nn.backward' ignored: its cell failed")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("'two_layer_nn.nonsense' ignored: it is not a check")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("old_fc_nets_copy: grade record 'fc_nets.affine_forward' ignored")),
                warnings.toString());
        assertNull(notebook(summary, "two_layer_nn").run());
    }

    @Test
    void theJudgesTotalIsTheTotalWhenGiven(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        GradeSummary summary = GradeSummary.of(List.of(), false);
        assertEquals(null, summary.judge());
        nndl.judge.Score score = nndl.judge.Score.judge(nndl.judge.ExerciseRubric.EXERCISES, List.of(), false, c -> null, c -> null);
        Path file = dir.resolve("judge.json");
        JudgeResults.write(file, score, "the judge (public cases)");
        GradeSummary judged = summary.withJudge(JudgeResults.read(file));
        assertEquals("Total: " + score.totalLine() + " (the judge (public cases); the notebooks' own checks below do not count)",
                judged.totalLine());
        assertTrue(score.totalLine().endsWith(", 16 not graded on this data"), score.totalLine());
        assertTrue(judged.toString().contains("TwoLayerNet.loss: 0 / 3 points, not judged"), judged.toString());
    }
}

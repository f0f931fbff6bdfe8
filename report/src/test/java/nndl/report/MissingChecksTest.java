package nndl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingChecksTest {
    @TempDir
    Path dir;

    private static GradeSummary.CheckScore check(GradeSummary summary, String id) {
        return summary.checks().stream().filter(c -> c.check().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aStubReachedMakesItsCellsChecksNotImplementedAndOtherFailuresNameTheCell() throws IOException {
        String stub = "not implemented yet: TwoLayerNet.loss, forward pass — lib/src/main/java/nndl/neuralnet/TwoLayerNet.java:97";
        new NotebookJson()
                .markdown("# Two-layer net")
                .code("var scores = net.loss(X);\nGrade.check(\"two_layer_nn.toy_scores\", diff);",
                        NotebookJson.error("NotImplementedYet", stub, "nndl.util.NotImplementedYet: " + stub))
                .code("Grade.check( \"two_layer_nn.toy_loss\", lossDiff);",
                        NotebookJson.error("CompletionException", "wrapped",
                                "java.util.concurrent.CompletionException: wrapped", "Caused by: nndl.util.NotImplementedYet: " + stub))
                .code("Grade.check(\"two_layer_nn.backward\", worst);",
                        NotebookJson.error("CompileFailure", "cannot find symbol\n  symbol: variable worst"))
                .code("System.out.println(1);")
                .write(dir.resolve("two_layer_nn.ipynb"));
        GradeSummary summary = GradeSummary.read(dir, false);
        GradeSummary.CheckScore scores = check(summary, "two_layer_nn.toy_scores");
        assertEquals(GradeSummary.Outcome.NOT_IMPLEMENTED, scores.outcome());
        assertEquals("not-implemented", scores.statusLabel());
        assertEquals(stub, scores.missingDetail());
        assertEquals(0.0, scores.earned());
        assertEquals(GradeSummary.Outcome.NOT_IMPLEMENTED, check(summary, "two_layer_nn.toy_loss").outcome(),
                "a stub reached as the cause of another exception is not-implemented too");
        GradeSummary.CheckScore backward = check(summary, "two_layer_nn.backward");
        assertEquals(GradeSummary.Outcome.NOT_RUN, backward.outcome());
        assertEquals("failed at cell 3", backward.statusLabel());
        assertEquals("failed at cell 3: CompileFailure: cannot find symbol (after cell 1 " + stub + ")", backward.missingDetail());
        assertEquals("not run", check(summary, "two_layer_nn.tuning").statusLabel(), "no cell calls it");
        assertEquals("not executed", check(summary, "fc_nets.overfit").statusLabel(), "no fc_nets notebook");
    }

    @Test
    void aKnockOnFailureNamesItsCauseAndStaysNotImplementedWhenTheRootIsAStub() throws IOException {
        String stub = "not implemented yet: TwoLayerNet.train, SGD step — lib/src/main/java/nndl/neuralnet/TwoLayerNet.java:232";
        String knockOn = "needs `bestNet` from cell 1, which stopped: " + stub;
        String afterBug = "needs `net` from cell 3, which stopped: IllegalStateException: boom";
        new NotebookJson()
                .code("TwoLayerNet bestNet = train();", NotebookJson.error("NotImplementedYet", stub, "nndl.util.NotImplementedYet: " + stub))
                .code("double testAcc = bestNet.accuracy();\nGrade.check(\"two_layer_nn.test_acc\", testAcc, data);",
                        NotebookJson.error("KnockOn", knockOn, knockOn, "(this cell then reported: Compile error at line 1: cannot find symbol)"))
                .code("var net = make();", NotebookJson.error("IllegalStateException", "boom"))
                .code("Grade.check(\"two_layer_nn.toy_loss\", net.loss());", NotebookJson.error("KnockOn", afterBug, afterBug))
                .write(dir.resolve("two_layer_nn.ipynb"));
        GradeSummary summary = GradeSummary.read(dir, false);
        GradeSummary.CheckScore testAcc = check(summary, "two_layer_nn.test_acc");
        assertEquals(GradeSummary.Outcome.NOT_IMPLEMENTED, testAcc.outcome());
        assertEquals("not-implemented", testAcc.statusLabel());
        assertEquals(knockOn, testAcc.missingDetail(), "the detail names the variable, its cell and the stub");
        GradeSummary.CheckScore toyLoss = check(summary, "two_layer_nn.toy_loss");
        assertEquals(GradeSummary.Outcome.NOT_RUN, toyLoss.outcome());
        assertEquals("failed at cell 4", toyLoss.statusLabel());
        assertEquals("failed at cell 4: " + afterBug, toyLoss.missingDetail());
    }

    @Test
    void aNotebookNeverExecutedMakesItsChecksNotExecuted() throws IOException {
        NotebookJson notebook = new NotebookJson();
        notebook.write(dir.resolve("fc_nets.ipynb"));
        // a cleared notebook: cells without execution counts or outputs
        java.nio.file.Files.writeString(dir.resolve("fc_nets.ipynb"), """
                {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                  "source": "Grade.check(\\"fc_nets.overfit\\", acc);"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        GradeSummary.CheckScore overfit = check(GradeSummary.read(dir, false), "fc_nets.overfit");
        assertEquals("not executed", overfit.statusLabel());
    }
}

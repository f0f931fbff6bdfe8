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

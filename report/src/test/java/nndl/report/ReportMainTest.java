package nndl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nndl.grade.Check;
import nndl.grade.Rubric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMainTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpDescribesTheOptions() {
        Run help = run("--help");
        assertEquals(0, help.status());
        for (String option : List.of("--notebooks", "--out", "--sources", "--folders", "--student", "--check")) {
            assertTrue(help.out().contains(option), option);
        }
    }

    @Test
    void writesThePdfAndPrintsScoresTotalAndPathLast() throws IOException {
        ReportFixtures.writeNotebooks(dir.resolve("nb"));
        Path sources = ReportFixtures.writeSources(dir);
        Path pdf = dir.resolve("report/graded-report.pdf");
        Run run = run("--notebooks", dir.resolve("nb").toString(), "--out", pdf.toString(), "--sources", sources.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("two_layer_nn: 7 / 14 points (16 not graded on this data)", lines.get(0));
        assertTrue(lines.contains(ReportFixtures.TOTAL), run.out());
        assertEquals(pdf.toAbsolutePath().toString(), lines.get(lines.size() - 1));
        assertTrue(Files.size(pdf) > 10_000);
    }

    @Test
    void missingNotebooksFolderExitsWithAClearMessage() {
        Run run = run("--notebooks", dir.resolve("absent").toString(), "--out", dir.resolve("x.pdf").toString());
        assertEquals(ReportMain.USAGE, run.status());
        assertTrue(run.err().contains("notebooks folder") && run.err().contains("does not exist"), run.err());
        Run check = run("--check", "--notebooks", dir.resolve("absent").toString());
        assertEquals(ReportMain.USAGE, check.status());
    }

    @Test
    void checkModeListsEveryFailedOrNotRunCheck() throws IOException {
        ReportFixtures.writeNotebooks(dir);
        Run run = run("--check", "--notebooks", dir.toString());
        assertEquals(ReportMain.CHECKS_FAILED, run.status());
        assertTrue(run.out().contains("5 checks failed or did not run:"), run.out());
        assertTrue(run.out().contains("✗ two_layer_nn.toy_loss: failed: value 0.001, needs < 1e-12"), run.out());
        assertTrue(run.out().contains("✗ two_layer_nn.backward: not run"), run.out());
        assertTrue(run.out().contains("✗ backprop_exercises.swish: not run"), run.out());
    }

    @Test
    void checkModePassesWhenEverythingRanAndPassed() throws IOException {
        for (String name : Rubric.NOTEBOOKS) {
            NotebookJson notebook = new NotebookJson();
            for (Check check : Rubric.checks(name)) {
                notebook.code("Grade.check(\"" + check.id() + "\", value);", NotebookJson.grade(check.fullDatasetOnly()
                        ? check.evaluate(0.1, false, "cifar-10-subset") : check.evaluate(ReportFixtures.passing(check), true, null)));
            }
            notebook.write(dir.resolve(name + ".ipynb"));
        }
        Run run = run("--check", "--notebooks", dir.toString());
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("All checks ran and passed (19 points not graded on this data)."), run.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("--colour");
        assertEquals(ReportMain.USAGE, run.status());
        assertTrue(run.err().contains("unknown option '--colour'"), run.err());
    }
}

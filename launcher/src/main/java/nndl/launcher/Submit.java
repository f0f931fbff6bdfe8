package nndl.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** ./workbook submit: the hand-in zip of a student edition. */
@Command(name = "submit", customSynopsis = "./workbook submit",
        header = "pack the hand-in build/submission-<student id>.zip (student edition; after run)",
        description = {"",
            "Packs the hand-in, like cs231n's collect_submission: build/submission-<id>.zip holding the",
            "student-editable library files (those listed in student-edition.json: the files with exercises),",
            "the executed notebooks of build/notebooks/, build/report/graded-report.pdf, and manifest.json with",
            "your student id and the SHA-256 checksum of every file. Run ./workbook run first.",
            "Student id: $NNDL_STUDENT, else asked once on the terminal and remembered in build/student-id.",
            "Takes no other options.", ""})
public final class Submit implements Callable<Integer>, Rejects {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Override
    public String reject(String arg) {
        return "submit takes no arguments, got '" + arg + "' (see ./workbook submit --help)";
    }

    @Override
    public Integer call() throws IOException {
        Tree tree = Workbook.tree();
        if (!Files.isRegularFile(tree.studentEditionJson())) {
            throw new Die("submit packs a student edition (no student-edition.json here); instructors: ./workbook release writes one");
        }
        boolean executed;
        try (Stream<Path> s = Files.isDirectory(tree.executedNotebooks()) ? Files.list(tree.executedNotebooks()) : Stream.empty()) {
            executed = s.anyMatch(p -> p.toString().endsWith(".ipynb"));
        }
        if (!executed) {
            throw new Die("no executed notebooks in build/notebooks/; run ./workbook run first");
        }
        if (!Files.isRegularFile(tree.report()) && Files.isRegularFile(tree.previousReport())) {
            throw new Die("no build/report/graded-report.pdf: your last ./workbook run did not complete. Fix what it reported and run "
                    + "./workbook run again, then ./workbook submit. Your last complete run is kept: its report in "
                    + "build/report/previous/graded-report.pdf, its notebooks in build/notebooks/; it is not packed, since it "
                    + "does not show your current code");
        }
        if (!Files.isRegularFile(tree.report())) {
            throw new Die("no build/report/graded-report.pdf; run ./workbook run first");
        }
        String id = Student.id(tree);
        Build.ifNeeded(tree);
        return Proc.inherit(tree, Tools.command(tree, "nndl.submit.SubmitMain", "--root", tree.root(), "--student", id));
    }
}

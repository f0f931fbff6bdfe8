package nndl.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** ./workbook report: the graded PDF again from the executed notebooks. */
@Command(name = "report", customSynopsis = "./workbook report",
        header = "re-export build/report/graded-report.pdf from the executed notebooks in build/notebooks/",
        description = {"",
            "Re-exports build/report/graded-report.pdf from the executed notebooks in build/notebooks/ (run",
            "./workbook run first): a cover with the score table, every notebook with its outputs and plots,",
            "and your code in each exercise block. Prints the score per notebook, the total and the PDF's path.",
            "Student id on the cover: $NNDL_STUDENT, else the one in build/student-id (asked at the first",
            "./workbook run of a student edition, or by ./workbook submit). Takes no options. The PDF is",
            "replaced only once it is complete.", ""})
public final class Report implements Callable<Integer>, Rejects {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Override
    public Integer call() throws IOException {
        Tree tree = Workbook.tree();
        Lock.take(tree, "report");
        if (!Files.isDirectory(tree.executedNotebooks())) {
            throw new Die("no executed notebooks in build/notebooks/; run ./workbook run first");
        }
        Build.ifNeeded(tree);
        Files.createDirectories(tree.report().getParent());
        long pid = ProcessHandle.current().pid();
        Path tmp = tree.report().resolveSibling(".graded-report." + pid + ".pdf");
        Path text = tree.report().resolveSibling(".graded-report." + pid + ".pdf.txt");
        try {
            if (Proc.toFile(tree, Tools.writeReport(tree, tree.executedNotebooks(), tmp), text, false) != 0) {
                System.out.print(Files.readString(text));
                throw new Die("the report could not be written (see above)");
            }
            Files.move(tmp, tree.report(), StandardCopyOption.REPLACE_EXISTING);
            System.out.print(Files.readString(text).replace(tmp.toString(), tree.report().toString()));
            return 0;
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(text);
        }
    }
}

package nndl.launcher;

import java.nio.file.Path;
import java.util.List;

/** The tools module's mains (data check, report, submit, release) run as children. */
public final class Tools {
    private Tools() {
    }

    /** Returns the command running main class {@code main} of the tools with {@code args}. */
    public static List<String> command(Tree tree, String main, Object... args) {
        return Proc.cmd(Jdk.java(), "-Djava.awt.headless=true", "-cp", tree.toolsClassPath(), main, List.of(args));
    }

    /**
     * Returns the command writing the graded PDF from the executed notebooks in {@code notebooks} to
     * {@code pdf} (it prints the scores and the path). lib/target/classes comes first: the judge's public
     * cases run on the library as last built, even when only lib was rebuilt since the tools' copy.
     */
    public static List<String> writeReport(Tree tree, Path notebooks, Path pdf) {
        List<String> cmd = Proc.cmd(Jdk.java(), "-Djava.awt.headless=true", "-cp", tree.libClasses() + ":" + tree.toolsClassPath(),
                "nndl.report.ReportMain", "--notebooks", notebooks, "--out", pdf, "--sources", tree.libSources().resolve("nndl"),
                "--judge-public");
        String id = Student.known(tree);
        if (!id.isEmpty()) {
            cmd.addAll(List.of("--student", id));
        }
        return cmd;
    }
}

package nndl.launcher.instructor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nndl.launcher.Build;
import nndl.launcher.Die;
import nndl.launcher.Jdk;
import nndl.launcher.KernelSpec;
import nndl.launcher.Passthrough;
import nndl.launcher.Proc;
import nndl.launcher.Say;
import nndl.launcher.Settings;
import nndl.launcher.Tree;
import nndl.launcher.Workbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * ./workbook grade (instructor edition; docs/editions.md, "Grading"): the grader's own command line
 * (nndl.grader.GraderMain parses the options and prints the help) run with this tree's settings.
 */
@Command(name = "grade", customSynopsis = "./workbook grade [OPTION...] HANDIN...",
        header = {"grade hand-ins in the sandbox: the judge on public and hidden cases, the notebooks",
            "re-executed for graded-report.pdf, feedback.txt each, gradebook.csv (./workbook grade --help)"},
        description = "Grades hand-ins; every argument goes to the grader, whose help is ./workbook grade --help.")
public final class Grade implements Callable<Integer>, Passthrough {
    @Parameters(paramLabel = "ARG", arity = "0..*", description = "the grader's options and hand-ins")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Tree tree = Workbook.tree();
        InstructorModules.buildIfNeeded(tree, "the grader", Tree.GRADER_MODULE, tree.graderJar(), tree.graderInputs());
        String java = Jdk.java().toString();
        if (!args.isEmpty() && (args.get(0).equals("-h") || args.get(0).equals("--help"))) {
            return Proc.inherit(tree, List.of(java, "-cp", tree.graderClassPath(), "nndl.grader.GraderMain", "--help"));
        }
        Settings.export(tree);
        Settings.exportBlas(tree);
        Build.ifNeeded(tree);
        KernelSpec.install(tree, null, null);
        return Proc.inherit(tree, Proc.cmd(java, "-Djava.awt.headless=true", "-cp", tree.graderClassPath(), "nndl.grader.GraderMain",
                "--root", tree.root(), "--data", Proc.env("NNDL_DATA"), "--profile", Proc.env("NNDL_PROFILE"), "--python", Proc.PYTHON,
                args));
    }
}

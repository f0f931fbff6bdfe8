package nndl.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** ./workbook lab: Jupyter Notebook on notebooks/ with this project's Java kernel. */
@Command(name = "lab", customSynopsis = "./workbook lab [--java JDK] [--no-browser] [--port N] [--ip ADDRESS] [-- jupyter notebook options]",
        header = "open Jupyter on notebooks/ with this project's Java kernel",
        description = {"",
            "Builds what is needed, installs the `java` kernel into build/jupyter and opens Jupyter Notebook on",
            "notebooks/ with it (NNDL_DATA defaults to data/, NNDL_PROFILE to full), e.g.",
            "  ./workbook lab --no-browser --port 8890",
            "The kernel runs on the JDK given with --java (its home or its bin/java), else $JAVA_HOME's, else",
            "the java on PATH. Any other option of `jupyter notebook` goes after --:",
            "  ./workbook lab -- --NotebookApp.token=abc",
            "The tree's lock covers the set-up, not the Jupyter session.", ""})
public final class Lab implements Callable<Integer>, Rejects {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Option(names = "--java", paramLabel = "JDK", description = "the JDK the kernel runs on: its home or its bin/java")
    String java;

    @Option(names = "--no-browser", description = "do not open a browser")
    boolean noBrowser;

    @Option(names = "--port", paramLabel = "N", description = "Jupyter's port")
    String port;

    @Option(names = "--ip", paramLabel = "ADDRESS", description = "the address Jupyter listens on")
    String ip;

    @Parameters(paramLabel = "JUPYTER_OPTION", arity = "0..*", description = "after --: options of `jupyter notebook`")
    List<String> jupyter = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public String missing(String label, String option) {
        return option.equals("--java") ? "lab: --java needs a JDK" : "lab: " + option + " needs a value";
    }

    @Override
    public Integer call() {
        Tree tree = Workbook.tree();
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        if (!jupyter.isEmpty() && !original.contains("--")) {
            throw new Die(reject(jupyter.get(0)));
        }
        Path jdk = java == null ? null : Jdk.given(java);
        Lock.take(tree, "lab");
        Settings.export(tree);
        Settings.exportBlas(tree);
        Build.ifNeeded(tree);
        KernelSpec.install(tree, jdk, null);
        List<String> cmd = Proc.cmd(Proc.PYTHON, "-Xfrozen_modules=off", "-m", "notebook", "--notebook-dir=" + tree.notebooks());
        if (Build.isRoot()) {
            cmd.add("--allow-root");
        }
        if (noBrowser) {
            cmd.add("--no-browser");
        }
        if (port != null) {
            cmd.addAll(List.of("--port", port));
        }
        if (ip != null) {
            cmd.addAll(List.of("--ip", ip));
        }
        cmd.addAll(jupyter);
        Say.say("opening Jupyter on notebooks/ (kernel Java (nndl-workbook), profile " + Proc.env("NNDL_PROFILE") + ", data "
                + Proc.env("NNDL_DATA") + ")");
        Lock.release(tree);
        Exit.onSignalsPassToChild();
        return Proc.inherit(tree, cmd);
    }
}

package nndl.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * ./workbook check: the named exercises' public cases through the judge, on this tree's library
 * compiled with javac (seconds, no Maven), in one JVM without sandbox (docs/editions.md, "Checking").
 */
@Command(name = "check", customSynopsis = "./workbook check [EXERCISE|NOTEBOOK...]",
        header = {"judge exercises on their public cases in seconds: ./workbook check TwoLayerNet.loss",
            "(no argument: every exercise; a notebook name: its exercises)"},
        description = {"",
            "Runs the public cases (the notebooks' own inputs) of the named exercises, e.g. TwoLayerNet.loss,",
            "TwoLayerNet (all its exercises) or fc_nets (a notebook's), on your library as it is saved now, and",
            "prints one line per case in the grader's words: what differs and by how much, the failing frame,",
            "a recognised common mistake. No argument: every exercise. The grader also runs hidden cases",
            "(other shapes, seeds and labels), so passing here is necessary, not sufficient.",
            "Exit status: 0 when every case passes, 1 when one fails, 2 for a bad name.", ""})
public final class Check implements Callable<Integer>, Passthrough {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Parameters(paramLabel = "EXERCISE|NOTEBOOK", arity = "0..*", description = "what to check (default: every exercise)")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        return check(Workbook.tree(), names, null);
    }

    /**
     * Compiles lib into build/check/classes when its sources changed, then runs the judge's public cases
     * of {@code names}; returns the judge's exit status.
     *
     * @param log null to print to the terminal, else the file both outputs are appended to
     */
    static int check(Tree tree, List<String> names, Path log) throws IOException {
        Path classes = tree.checkBuild().resolve("classes");
        Path deps = tree.checkDependencies();
        if (!Files.isDirectory(deps)) {
            Build.ifNeeded(tree);
        }
        String cp;
        try (Stream<Path> jars = Files.list(deps)) {
            cp = jars.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar") && !n.startsWith("nndl-")).sorted()
                    .map(n -> deps.resolve(n).toString()).collect(Collectors.joining(File.pathSeparator));
        }
        Path stamp = classes.resolve(".stamp");
        if (Build.stale(stamp, tree.checkSources())) {
            KernelSpec.deleteTree(classes);
            Files.createDirectories(classes);
            Path sources = tree.checkBuild().resolve("sources.txt");
            List<String> files = new java.util.ArrayList<>();
            for (Path folder : tree.checkSources()) {
                try (Stream<Path> all = Files.walk(folder)) {
                    all.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(files::add);
                }
            }
            Files.write(sources, files);
            Path javacLog = tree.checkBuild().resolve("javac.log");
            int status = Proc.toFile(tree, Proc.cmd(Jdk.javac(), "--release", "17", "-proc:none", "-nowarn", "-encoding", "UTF-8",
                    "-d", classes, "-cp", cp, "@" + sources), javacLog, true);
            if (status != 0) {
                System.err.print(Files.readString(javacLog).replace(tree.root() + "/", ""));
                throw new Die("the library does not compile (above)");
            }
            Files.createFile(stamp);
        }
        ProcessBuilder pb = Proc.builder(tree, Proc.cmd(Jdk.java(), "-Djava.awt.headless=true", "-cp",
                classes + File.pathSeparator + tree.judgeResources() + File.pathSeparator + cp, "nndl.judge.CheckMain", names));
        if (log == null) {
            pb.inheritIO();
        } else {
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        return Proc.run(pb);
    }
}

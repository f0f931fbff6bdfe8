package nndl.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ./workbook run: from a fresh machine to a graded PDF, atomically. */
@Command(name = "run", customSynopsis = "./workbook run [NOTEBOOK...]",
        header = {"set up what is missing, execute every notebook in order, write the executed copies",
            "under build/notebooks/ and the graded PDF build/report/graded-report.pdf, print the score;",
            "./workbook run fc_nets runs only the notebooks named (./workbook run --help)"},
        description = {"",
            "The main job, from a fresh machine to a graded PDF:",
            "  1. installs the Debian packages it needs when missing (Jupyter's nbclient and notebook, OpenBLAS,",
            "     fonts; as root, else it prints the one apt-get command to run)",
            "  2. builds the library and the kernel (Maven) and installs the `java` kernelspec into",
            "     build/jupyter (your own Jupyter kernels are left alone); a compile error stops here, printed",
            "     once per error as file:line: message, the source line and a caret under the column",
            "  3. finds the datasets under $NNDL_DATA (default data/) or downloads them there",
            "     and reads every file it will use (a bad file is named with its byte offset)",
            "  4. checks that every notebook file it runs is a valid notebook (naming a bad one and where), then",
            "     executes notebooks/two_layer_nn, fc_nets, mnist_multilayer, backprop_exercises and momentum_training in order,",
            "     one progress line per cell, into a scratch folder; stops naming the notebook and cell when a",
            "     cell fails (student edition: goes on, one line per failing cell, e.g. \"not implemented yet:",
            "     TwoLayerNet.loss, forward pass — lib/...:97\", or for a cell that failed only because an",
            "     earlier one did, \"needs `bestNet` from cell 17, which stopped: not implemented yet: ...\";",
            "     those checks score 0 with status not-implemented and the run still ends with the score,",
            "     exit status 0)",
            "  5. writes the graded report and only then, the run being complete, replaces build/notebooks/ and",
            "     build/report/graded-report.pdf, and prints the score and the path",
            "",
            "NOTEBOOK...: run only these notebooks (with or without .ipynb, in the order above whatever order",
            "they are named in), e.g. ./workbook run fc_nets. Their executed copies replace theirs in",
            "build/notebooks/; the others there (from earlier runs, executed with the code of then) are kept,",
            "and the report is written from every executed notebook in build/notebooks/, a notebook never",
            "executed scoring 0 as \"not executed\". The run's output names the notebooks taken from earlier runs.",
            "",
            "A run that fails (a compile error, a bad data folder, a kernel that died) or is stopped (Ctrl-C)",
            "replaces nothing: build/notebooks/ keeps the last complete run, the PDF of an earlier run is moved",
            "to build/report/previous/graded-report.pdf (it would not match your code; never deleted), and the",
            "notebooks this run executed are kept apart in build/partial-run/. One ./workbook at a time per tree",
            "(a lock on build/.lock): a second one exits at once naming the first. Takes no options.",
            ""},
        footer = {"",
            "Environment: NNDL_PROFILE=quick|full (default full: the seed's 49,000-image split, 1,000",
            "iterations, the full sweep; quick runs all five notebooks in minutes), NNDL_DATA (data root),",
            "JJAVA_JVM_OPTS (kernel JVM options, e.g. -Xmx8g).",
            "Offline, on the course's subsets: NNDL_DATA=../shared/datasets NNDL_PROFILE=quick ./workbook run"})
public final class Run implements Callable<Integer>, Rejects {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Parameters(paramLabel = "NOTEBOOK", arity = "0..*", description = "a notebook to run (default: all five)")
    List<String> names = new ArrayList<>();

    private Tree tree;
    private Path scratch;
    private volatile boolean published;

    @Override
    public Integer call() throws IOException {
        tree = Workbook.tree();
        List<String> selected = Notebooks.select(names);
        Lock.take(tree, "run");
        // student edition: the id for the cover, asked once when a person is at the terminal (CI and
        // nbclient runs have none: they go on, the cover saying the id is not set)
        if (!tree.isInstructorEdition() && Student.known(tree).isEmpty() && Student.terminal(tree, 0, 2)) {
            Student.id(tree);
        }
        try (Stream<Path> old = Files.list(Files.createDirectories(tree.build()))) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(".run-")).toList()) {
                KernelSpec.deleteTree(p);
            }
        }
        scratch = tree.runScratch(ProcessHandle.current().pid());
        Files.createDirectories(scratch);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> finish(Exit.status())));
        Exit.onSignalsExit();
        Settings.export(tree);
        Settings.exportBlas(tree);
        Build.ifNeeded(tree);
        KernelSpec.install(tree, null, null);
        String profile = Proc.env("NNDL_PROFILE");
        Say.say("data: looking under " + Proc.env("NNDL_DATA") + " (profile " + profile + ")");
        if (Proc.inherit(tree, Tools.command(tree, "nndl.tools.DataMain", "--profile", profile)) != 0) {
            throw new Die("the data under " + Proc.env("NNDL_DATA") + " cannot be used (see above); no notebook was run");
        }
        if (selected.size() == Tree.NOTEBOOKS.size()) {
            Say.say("executing " + selected.size() + " notebooks (profile " + profile + ")");
        } else {
            Say.say("executing " + String.join(" ", selected) + " (profile " + profile + "), " + selected.size() + " of "
                    + Tree.NOTEBOOKS.size() + " notebooks");
        }
        Path out = scratch.resolve("notebooks");
        // student edition: cells after a stub still run
        int status = execute(tree, selected, out, tree.isInstructorEdition() ? List.of() : List.of("--keep-going"));
        if (status == 2) {
            Say.say("no notebook was run: fix the files named above");
            return 1;
        }
        if (status != 0) {
            throw new Die("stopped: a notebook failed (see above)");
        }
        keepEarlier(selected, out);
        Say.say("writing the graded report");
        Path pdf = scratch.resolve("graded-report.pdf");
        Path text = scratch.resolve("report.txt");
        if (Proc.toFile(tree, Tools.writeReport(tree, out, pdf), text, false) != 0) {
            System.out.print(Files.readString(text));
            throw new Die("the report could not be written (see above)");
        }
        publish(out, pdf);
        System.out.print(Files.readString(text).replace(pdf.toString(), tree.report().toString()));
        System.out.flush();
        KernelSpec.deleteTree(scratch);
        Say.say("executed notebooks in build/notebooks/");
        return 0;
    }

    /**
     * Executes {@code notebooks} in order into {@code out} with the notebook runner (progress per
     * notebook and cell; stops at a failing cell, naming it); returns its exit status, 2 when it found a
     * notebook file bad and ran none.
     */
    static int execute(Tree tree, List<String> notebooks, Path out, List<String> extra) throws IOException {
        KernelSpec.deleteTree(out);
        List<String> cmd = Proc.cmd(Proc.PYTHON, "-Xfrozen_modules=off", tree.notebookRunner());
        notebooks.forEach(n -> cmd.add(tree.notebook(n).toString()));
        cmd.addAll(Proc.cmd("--out", out, extra));
        return Proc.inherit(tree, cmd);
    }

    /**
     * After a run of some notebooks only: copies the others' executed copies from build/notebooks/ into
     * {@code out}, so that the report and the published folder hold every notebook executed so far; says
     * which came from earlier runs and which were never executed.
     */
    private void keepEarlier(List<String> selected, Path out) throws IOException {
        if (selected.size() == Tree.NOTEBOOKS.size()) {
            return;
        }
        List<String> kept = new ArrayList<>();
        List<String> never = new ArrayList<>();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        for (String n : Tree.NOTEBOOKS) {
            if (selected.contains(n)) {
                continue;
            }
            Path earlier = tree.executedNotebooks().resolve(n + ".ipynb");
            if (Files.isRegularFile(earlier)) {
                Files.copy(earlier, out.resolve(n + ".ipynb"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                kept.add(n + " (executed " + Files.getLastModifiedTime(earlier).toInstant().atZone(java.time.ZoneId.systemDefault())
                        .format(when) + ")");
            } else {
                never.add(n);
            }
        }
        if (!kept.isEmpty()) {
            Say.say("the report also holds, from earlier runs: " + String.join(", ", kept));
        }
        if (!never.isEmpty()) {
            Say.say("never executed, scored 0 as not executed: " + String.join(" ", never) + " (./workbook run "
                    + String.join(" ", never) + ")");
        }
    }

    /**
     * Moves the complete run into place: build/notebooks/ and build/report/graded-report.pdf (a rename
     * each, signals ignored meanwhile), then drops any partial run of an earlier attempt.
     */
    private void publish(Path notebooks, Path pdf) throws IOException {
        Exit.ignoreSignals();
        Files.createDirectories(tree.report().getParent());
        Path previous = tree.build().resolve("notebooks.previous");
        KernelSpec.deleteTree(previous);
        if (Files.isDirectory(tree.executedNotebooks())) {
            Files.move(tree.executedNotebooks(), previous);
        }
        Files.move(notebooks, tree.executedNotebooks());
        Files.move(pdf, tree.report(), StandardCopyOption.REPLACE_EXISTING);
        published = true;
        KernelSpec.deleteTree(previous);
        KernelSpec.deleteTree(tree.partialRun());
        KernelSpec.deleteTree(tree.previousReport().getParent());
        Exit.onSignalsExit();
    }

    /**
     * The shutdown hook: after a failed or stopped run, the PDF of an earlier run no longer matches the
     * code, so it is moved to build/report/previous/ (never deleted: it is the student's last good
     * work); what this run executed is kept in build/partial-run/.
     */
    private void finish(int status) {
        if (published || scratch == null) {
            return;
        }
        Proc.awaitForeground(60);
        String why = switch (status) {
            case 130 -> "was stopped (interrupted)";
            case 143 -> "was stopped (terminated)";
            default -> "failed (exit status " + status + ")";
        };
        try {
            if (Files.isRegularFile(tree.report())) {
                Files.createDirectories(tree.previousReport().getParent());
                Files.move(tree.report(), tree.previousReport(), StandardCopyOption.REPLACE_EXISTING);
                Say.say("moved the report of your last complete run to build/report/previous/graded-report.pdf: this run " + why
                        + ", so it would not match your code (build/notebooks/ still holds that run's notebooks)");
            }
            Path executed = scratch.resolve("notebooks");
            boolean any;
            try (Stream<Path> s = Files.isDirectory(executed) ? Files.list(executed) : Stream.empty()) {
                any = s.findAny().isPresent();
            }
            if (any) {
                Path partial = tree.partialRun();
                KernelSpec.deleteTree(partial);
                Files.move(scratch, partial);
                String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss zzz yyyy", Locale.ROOT));
                Files.writeString(partial.resolve("STATUS"), "This run " + why + " at " + date + "; build/notebooks/ was left as it was.\n");
                Say.say("this run " + why + "; the notebooks it executed are kept apart in build/partial-run/notebooks/ "
                        + "(build/notebooks/ is unchanged)");
            } else {
                KernelSpec.deleteTree(scratch);
                Say.say("this run " + why + " before a notebook was executed; build/notebooks/ is unchanged");
            }
        } catch (IOException e) {
            Say.say("error: could not set the failed run apart: " + e.getMessage());
        }
    }
}

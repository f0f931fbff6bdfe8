package nndl.grader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of {@code ./workbook grade}, validated.
 *
 * @param root         the instructor edition the submissions are graded in (its built modules)
 * @param out          where the per-submission folders and gradebook.csv go
 * @param jobs         how many submissions are graded at once (each in its own processes)
 * @param cellTimeout  seconds one notebook cell may run
 * @param checkTimeout seconds one case of the judge may run
 * @param notebookTimeout seconds the notebooks' re-execution may run in all
 * @param memory       the heap cap of every JVM a submission's code runs in, e.g. {@code 3g}
 * @param profile      {@code quick} or {@code full}: the notebooks' sizes
 * @param data         the data root the instructor's notebooks read
 * @param python       the Python with Jupyter's nbclient
 * @param submissions  zips or folders, or folders of them
 * @param noSandbox    run hand-in code without the sandbox (unsafe)
 * @param keepWork     keep each hand-in's scratch folder
 * @param judgeOnly    judge only: no notebook re-execution, no PDF
 */
record GradeOptions(Path root, Path out, int jobs, int cellTimeout, int checkTimeout, int notebookTimeout, String memory, String profile,
                    Path data, String python, List<Path> submissions, boolean noSandbox, boolean keepWork, boolean judgeOnly) {
    GradeOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        if (cellTimeout < 1 || checkTimeout < 1 || notebookTimeout < 1) {
            throw new IllegalArgumentException("--cell-timeout and --check-timeout must be at least 1 second, got "
                    + cellTimeout + " and " + checkTimeout);
        }
        if (!memory.matches("[0-9]+[mMgG]")) {
            throw new IllegalArgumentException("--memory must look like 3g or 2048m, got '" + memory + "'");
        }
        if (!profile.equals("quick") && !profile.equals("full")) {
            throw new IllegalArgumentException("NNDL_PROFILE must be quick or full, not '" + profile + "'");
        }
        if (submissions.isEmpty()) {
            throw new IllegalArgumentException("no submission given\n" + usage());
        }
        submissions = List.copyOf(submissions);
    }

    /** The command line as picocli reads it; its usage message is {@code ./workbook grade --help}. */
    @Command(name = "./workbook grade", customSynopsis = "./workbook grade [options] SUBMISSION...", usageHelpWidth = 100,
            description = {"",
                "Grades hand-ins (zips from ./workbook submit, folders, or folders of them), each in a fresh",
                "scratch copy of the student edition (released from this tree) with only the hand-in's",
                "student-editable library files laid over it. Every process running hand-in code (the build,",
                "the judge's worker, the notebooks) runs in the bubblewrap sandbox. Grades come from the judge",
                "alone: each exercise on its public and hidden cases. The notebooks are re-executed only to",
                "render graded-report.pdf. Writes per hand-in feedback.txt (and the PDF), and one gradebook.csv",
                "keyed by the manifests' student ids.", ""},
            optionListHeading = "Options:%n",
            footer = "%nEnvironment: NNDL_PROFILE (quick|full, default full), NNDL_DATA (data root).")
    static final class CommandLineOptions {
        // Given by the launcher, not by the instructor.
        @Option(names = "--root", hidden = true) Path root;
        @Option(names = "--data", hidden = true) Path data;
        @Option(names = "--python", hidden = true) String python = "/usr/bin/python3";
        @Option(names = "--profile", hidden = true) String profile = "full";

        @Option(names = "--out", paramLabel = "DIR", description = "output folder (default build/grades)")
        Path out;
        // Whole numbers are read as text, so that a bad one is named in this tool's words.
        @Option(names = "--jobs", paramLabel = "N", description = "submissions graded at once (default: the number of cores)")
        String jobs;
        @Option(names = "--cell-timeout", paramLabel = "S", description = "seconds one notebook cell may run (default 600)")
        String cellTimeout = "600";
        @Option(names = "--check-timeout", paramLabel = "S", description = "seconds one case of the judge may run (default 60)")
        String checkTimeout = "60";
        @Option(names = "--notebook-timeout", paramLabel = "S",
                description = "seconds the notebooks' re-execution may take in all (default 3600)")
        String notebookTimeout = "3600";
        @Option(names = "--judge-only", description = "judge only: no notebooks, no PDF")
        boolean judgeOnly;
        @Option(names = "--keep-work", description = "keep each hand-in's scratch folder (OUT/work/ID)")
        boolean keepWork;
        @Option(names = "--no-sandbox", description = {"UNSAFE: run hand-in code as this user, with this tree in reach",
            "(for trusted hand-ins or machines where bubblewrap cannot start)"})
        boolean noSandbox;
        @Option(names = "--memory", paramLabel = "SIZE", description = "heap cap of each JVM running a submission's code (default 3g)")
        String memory = "3g";
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
        boolean help;
        @Parameters(paramLabel = "SUBMISSION", arity = "0..*", description = "zips from ./workbook submit, folders, or folders of them")
        List<Path> submissions = new ArrayList<>();
    }

    /** Returns the text of {@code ./workbook grade --help}. */
    static String usage() {
        return new CommandLine(new CommandLineOptions()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /**
     * Parses {@code args} ({@code --root}, {@code --data}, {@code --python} and {@code --profile} are
     * given by the launcher).
     *
     * @throws IllegalArgumentException naming the unknown option or the bad value
     */
    static GradeOptions parse(String[] args) {
        CommandLineOptions o = new CommandLineOptions();
        try {
            new CommandLine(o).parseArgs(args);
        } catch (CommandLine.UnmatchedArgumentException e) {
            throw new IllegalArgumentException("unknown option " + e.getUnmatched().get(0) + "\n" + usage());
        } catch (CommandLine.MissingParameterException e) {
            CommandLine.Model.ArgSpec missing = e.getMissing() == null || e.getMissing().isEmpty() ? null : e.getMissing().get(0);
            if (!(missing instanceof CommandLine.Model.OptionSpec option)) {
                throw new IllegalArgumentException(e.getMessage() + "\n" + usage());
            }
            throw new IllegalArgumentException(option.longestName() + " needs a value\n" + usage());
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + usage());
        }
        if (o.root == null || o.data == null) {
            throw new IllegalArgumentException("--root and --data are required (the launcher gives them)");
        }
        int jobs = o.jobs == null ? Runtime.getRuntime().availableProcessors() : number(o.jobs, "--jobs");
        return new GradeOptions(o.root, o.out == null ? o.root.resolve("build/grades") : o.out, jobs, number(o.cellTimeout, "--cell-timeout"),
                number(o.checkTimeout, "--check-timeout"), number(o.notebookTimeout, "--notebook-timeout"), o.memory,
                o.profile.toLowerCase(Locale.ROOT), o.data, o.python, o.submissions, o.noSandbox, o.keepWork, o.judgeOnly);
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'");
        }
    }
}

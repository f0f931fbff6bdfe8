package nndl.grader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    static final String USAGE = """
            Usage: ./workbook grade [options] SUBMISSION...

            Grades hand-ins (zips from ./workbook submit, folders, or folders of them), each in a fresh
            scratch copy of the student edition (released from this tree) with only the hand-in's
            student-editable library files laid over it. Every process running hand-in code (the build,
            the judge's worker, the notebooks) runs in the bubblewrap sandbox. Grades come from the judge
            alone: each exercise on its public and hidden cases. The notebooks are re-executed only to
            render graded-report.pdf. Writes per hand-in feedback.txt (and the PDF), and one gradebook.csv
            keyed by the manifests' student ids.

            Options:
              --out DIR           output folder (default build/grades)
              --jobs N            submissions graded at once (default: the number of cores)
              --cell-timeout S    seconds one notebook cell may run (default 600)
              --check-timeout S   seconds one case of the judge may run (default 60)
              --notebook-timeout S  seconds the notebooks' re-execution may take in all (default 3600)
              --judge-only        judge only: no notebooks, no PDF
              --keep-work         keep each hand-in's scratch folder (OUT/work/ID)
              --no-sandbox        UNSAFE: run hand-in code as this user, with this tree in reach
                                  (for trusted hand-ins or machines where bubblewrap cannot start)
              --memory SIZE       heap cap of each JVM running a submission's code (default 3g)
              --help              this text
            Environment: NNDL_PROFILE (quick|full, default full), NNDL_DATA (data root).
            """;

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
            throw new IllegalArgumentException("no submission given\n" + USAGE);
        }
        submissions = List.copyOf(submissions);
    }

    /**
     * Parses {@code args} ({@code --root}, {@code --data}, {@code --python} and {@code --profile} are
     * given by the launcher).
     *
     * @throws IllegalArgumentException naming the unknown option or the bad value
     */
    static GradeOptions parse(String[] args) {
        Path root = null;
        Path out = null;
        Path data = null;
        int jobs = Runtime.getRuntime().availableProcessors();
        int cellTimeout = 600;
        int checkTimeout = 60;
        int notebookTimeout = 3600;
        boolean noSandbox = false;
        boolean keepWork = false;
        boolean judgeOnly = false;
        String memory = "3g";
        String profile = "full";
        String python = "/usr/bin/python3";
        List<Path> submissions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--root" -> root = Path.of(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--python" -> python = value(args, ++i, arg);
                case "--profile" -> profile = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                case "--memory" -> memory = value(args, ++i, arg);
                case "--jobs" -> jobs = number(value(args, ++i, arg), arg);
                case "--cell-timeout" -> cellTimeout = number(value(args, ++i, arg), arg);
                case "--check-timeout" -> checkTimeout = number(value(args, ++i, arg), arg);
                case "--notebook-timeout" -> notebookTimeout = number(value(args, ++i, arg), arg);
                case "--no-sandbox" -> noSandbox = true;
                case "--keep-work" -> keepWork = true;
                case "--judge-only" -> judgeOnly = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                    }
                    submissions.add(Path.of(arg));
                }
            }
        }
        if (root == null || data == null) {
            throw new IllegalArgumentException("--root and --data are required (the launcher gives them)");
        }
        return new GradeOptions(root, out == null ? root.resolve("build/grades") : out, jobs, cellTimeout, checkTimeout, notebookTimeout,
                memory, profile, data, python, submissions, noSandbox, keepWork, judgeOnly);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'");
        }
    }
}

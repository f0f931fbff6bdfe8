package nndl.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nndl.grade.Numbers;

/**
 * Command line of the report: writes build/report/graded-report.pdf from the executed notebooks,
 * or with {@code --check} only verifies that every rubric check ran and passed (the notebook test
 * stage). Run {@code ReportMain --help} for the options.
 */
public final class ReportMain {
    /** Exit status when a check failed or did not run ({@code --check}). */
    public static final int CHECKS_FAILED = 1;
    /** Exit status for bad usage or missing input. */
    public static final int USAGE = 2;

    private static final String HELP = """
            Usage: java -cp tools/target/nndl-tools.jar:tools/target/dependency/* nndl.report.ReportMain [options]

            Writes the graded PDF report (cover with the score table, the executed notebooks, the code of
            each exercise block) from executed notebooks; with --check, only checks the recorded grades.

            Options:
              --notebooks DIR   folder of executed .ipynb files (default build/notebooks)
              --out FILE        PDF to write (default build/report/graded-report.pdf)
              --sources DIR     library source root for the appendix (default lib/src/main/java/nndl)
              --folders A,B,..  sub-folders of --sources whose exercise blocks the appendix shows
                                (default: all of --sources)
              --student NAME    name on the cover (default $NNDL_STUDENT, else "(not set ...)")
              --profile P       the profile the notebooks ran in (default $NNDL_PROFILE, else full)
              --data DIR        the data root they read (default $NNDL_DATA, else data/); checks
                                that need the full CIFAR-10 are graded only when the profile is
                                full and that folder's files pass their checksums
              --judge FILE      the judge's verdicts (JSON, JudgeResults): the report's total becomes the judge's
              --judge-public    judge the public cases on this library first (judge.json beside --out) and use them
              --answers FILE    the student's written answers (markdown), added after the notebooks
              --check           write no PDF; print the scores and exit 1 listing every check that
                                failed or did not run (ungraded ones included; "not graded on this
                                data" and partial credit are not failures)
              --expect-stubs    write no PDF; for the release test: exit 1 unless at least one check is
                                not-implemented and every check that earned points is one of --free
              --free A,B,..     check ids that earn points without any student code (--expect-stubs)
              --help            show this text

            Prints one score line per notebook, the total, and (without --check) the PDF's path as the
            last line. Exit status: 0 done, 1 a check failed or did not run (--check), 2 bad usage or
            missing input (e.g. the notebooks folder does not exist).
            """;

    private ReportMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // PDFBox logs through commons-logging, which finds slf4j-api (from Tablesaw) without a
        // provider; keep SLF4J's "no providers" banner out of the command's output.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line, writing to {@code out} and {@code err}, and returns the exit status.
     *
     * @param args command-line arguments (not modified)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        GradedReport.Options options = GradedReport.Options.defaults();
        boolean check = false;
        boolean expectStubs = false;
        boolean judgePublic = false;
        List<String> free = List.of();
        String profile = System.getenv("NNDL_PROFILE");
        String data = System.getenv("NNDL_DATA");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        out.print(HELP);
                        return 0;
                    }
                    case "--check" -> check = true;
                    case "--expect-stubs" -> expectStubs = true;
                    case "--free" -> free = Arrays.stream(value(args, ++i).split(",")).map(String::strip)
                            .filter(id -> !id.isEmpty()).toList();
                    case "--notebooks" -> options = options.withNotebooks(Path.of(value(args, ++i)));
                    case "--out" -> options = options.withOut(Path.of(value(args, ++i)));
                    case "--sources" -> options = options.withSources(Path.of(value(args, ++i)));
                    case "--folders" -> options = options.withSourceFolders(Arrays.stream(value(args, ++i).split(","))
                            .map(String::strip).filter(s -> !s.isEmpty()).toList());
                    case "--student" -> options = options.withStudent(value(args, ++i));
                    case "--profile" -> profile = value(args, ++i);
                    case "--data" -> data = value(args, ++i);
                    case "--judge" -> options = options.withJudge(Path.of(value(args, ++i)));
                    case "--judge-public" -> judgePublic = true;
                    case "--answers" -> options = options.withAnswers(Path.of(value(args, ++i)));
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (see --help)");
                }
            }
            options = options.withFullDataset(GradedReport.Options.verifiedFullRun(profile,
                    data == null || data.isBlank() ? null : Path.of(data)));
            if (judgePublic) {
                // The student's own run: the public cases judged on this JVM's library, so that its total is
                // the grader's for an honest hand-in (spec §10.5, one total).
                Path file = options.out().toAbsolutePath().resolveSibling("judge.json");
                java.nio.file.Files.createDirectories(file.getParent());
                JudgeResults.write(file, nndl.judge.CheckMain.publicScore(nndl.judge.ExerciseRubric.EXERCISES, options.fullDataset()),
                        "the judge on the public cases (./workbook check)");
                options = options.withJudge(file);
            }
            if (check && expectStubs) {
                throw new IllegalArgumentException("--check and --expect-stubs exclude each other");
            }
            return expectStubs ? expectStubs(options, free, out, err) : check ? check(options, out, err) : write(options, out, err);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("report: error: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("report: error: " + e);
            return USAGE;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value (see --help)");
        }
        return args[i];
    }

    private static int write(GradedReport.Options options, PrintStream out, PrintStream err) throws IOException {
        GradedReport.Result result = GradedReport.write(options);
        warnings(result.summary(), err);
        out.println(result.summary());
        List<GradeSummary.CheckScore> missing = result.summary().checks().stream().filter(c -> c.result() == null).toList();
        if (!missing.isEmpty() && result.summary().judge() == null) {
            out.println(missing.size() + (missing.size() == 1 ? " check" : " checks") + " scored 0 without a record:");
            missing.forEach(c -> out.println("  ✗ " + c.check().id() + ": " + c.missingDetail()));
        }
        out.println("Wrote " + result.pages() + " pages:");
        out.println(result.pdf());
        return 0;
    }

    private static int check(GradedReport.Options options, PrintStream out, PrintStream err) throws IOException {
        GradeSummary summary = GradedReport.summary(Notebooks.readFolder(options.notebooks()), options);
        warnings(summary, err);
        out.println(summary);
        List<GradeSummary.CheckScore> problems = summary.problems();
        if (problems.isEmpty()) {
            out.println("All checks ran and passed" + (summary.notGraded() > 0 ? " (" + summary.notGraded()
                    + " points not graded on this data)." : "."));
            return 0;
        }
        out.println(problems.size() + (problems.size() == 1 ? " check" : " checks") + " failed or did not run:");
        for (GradeSummary.CheckScore problem : problems) {
            String detail = problem.result() == null ? problem.missingDetail()
                    : "failed: value " + problem.valueText() + ", needs " + problem.check().criterion().describe();
            out.println("  ✗ " + problem.check().id() + ": " + detail);
        }
        return CHECKS_FAILED;
    }

    private static int expectStubs(GradedReport.Options options, List<String> free, PrintStream out, PrintStream err)
            throws IOException {
        GradeSummary summary = GradedReport.summary(Notebooks.readFolder(options.notebooks()), options);
        warnings(summary, err);
        out.println(summary);
        long stubs = summary.checks().stream().filter(c -> c.outcome() == GradeSummary.Outcome.NOT_IMPLEMENTED).count();
        List<GradeSummary.CheckScore> earning = summary.checks().stream().filter(c -> c.earned() > 0).toList();
        List<GradeSummary.CheckScore> unexpected = earning.stream().filter(c -> !free.contains(c.check().id())).toList();
        out.println("stub run: " + stubs + " checks not-implemented, "
                + summary.checks().stream().filter(c -> c.result() == null && c.outcome() != GradeSummary.Outcome.NOT_IMPLEMENTED).count()
                + " others without a record, free points " + Numbers.points(summary.earned()) + " from "
                + earning.stream().map(c -> c.check().id()).toList());
        unexpected.forEach(c -> out.println("  ✗ " + c.check().id() + " earned " + Numbers.points(c.earned())
                + " points with every exercise a stub (not in --free)"));
        if (stubs == 0) {
            out.println("  ✗ no check reached a stub: is this a student edition?");
        }
        return stubs > 0 && unexpected.isEmpty() ? 0 : CHECKS_FAILED;
    }

    private static void warnings(GradeSummary summary, PrintStream err) {
        for (String warning : summary.warnings()) {
            err.println("report: warning: " + warning);
        }
    }
}

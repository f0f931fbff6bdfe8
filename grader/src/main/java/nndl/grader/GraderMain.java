package nndl.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./workbook grade}: grades every submission given, several at once (each in its own
 * processes, so one that loops, exits or runs out of memory ends only its own run), prints a line
 * per submission as it finishes and a summary, and writes {@code gradebook.csv}.
 */
public final class GraderMain {
    /** Exit status for bad usage. */
    public static final int USAGE = 2;

    private GraderMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns its exit status: 0 when every submission was graded (whatever its score). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(GradeOptions.USAGE);
            return 0;
        }
        GradeOptions options;
        List<Path> submissions;
        List<String> editable;
        try {
            options = GradeOptions.parse(args);
            submissions = Submission.expand(options.submissions());
            editable = SubmissionGrader.editableFiles(options.root());
        } catch (IllegalArgumentException | IOException | java.io.UncheckedIOException e) {
            err.println("grade: " + e.getMessage());
            return USAGE;
        }
        if (submissions.isEmpty()) {
            err.println("grade: no submission found in " + options.submissions());
            return USAGE;
        }
        out.printf(Locale.ROOT, "grading %d submission%s, %d at a time (profile %s, cell limit %d s, heap %s) into %s%n",
                submissions.size(), submissions.size() == 1 ? "" : "s", options.jobs(), options.profile(), options.cellTimeout(),
                options.memory(), options.out());
        SubmissionGrader grader = new SubmissionGrader(options, editable);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), submissions.size()));
        AtomicInteger finished = new AtomicInteger();
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Path submission : submissions) {
            futures.add(pool.submit(() -> {
                Outcome o = grader.grade(submission);
                synchronized (out) {
                    out.printf(Locale.ROOT, "[%d/%d] %s: %s / %d (%s) in %.0f s%n", finished.incrementAndGet(), submissions.size(),
                            o.name(), Feedback.points(o.total()), Outcome.possible(), o.status(), o.seconds());
                }
                return o;
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (Exception e) {
            err.println("grade: " + e);
            return 1;
        } finally {
            pool.shutdownNow();
        }
        try {
            Files.createDirectories(options.out());
            Gradebook.write(outcomes, options.out().resolve("gradebook.csv"));
        } catch (IOException e) {
            err.println("grade: cannot write the gradebook: " + e.getMessage());
            return 1;
        }
        long graded = outcomes.stream().filter(o -> o.status().equals("graded")).count();
        out.printf(Locale.ROOT, "graded %d of %d submissions in full; gradebook: %s%n", graded, outcomes.size(),
                options.out().resolve("gradebook.csv"));
        return 0;
    }
}

package nndl.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nndl.grader.sandbox.Bubblewrap;
import nndl.grader.sandbox.Sandbox;
import nndl.grader.sandbox.Unsandboxed;

/**
 * {@code ./workbook grade}: grades every hand-in given, several at once (each in its own scratch
 * folder and sandboxed processes, so one that loops, exits or runs out of memory ends only its own
 * run), prints a line per hand-in as it finishes and a summary, and writes {@code gradebook.csv}.
 * Refuses to start without the sandbox unless {@code --no-sandbox}.
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
            out.print(GradeOptions.usage());
            return 0;
        }
        GradeOptions options;
        List<Path> submissions;
        try {
            options = GradeOptions.parse(args);
            submissions = Submission.expand(options.submissions());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("grade: " + e.getMessage());
            return USAGE;
        }
        if (submissions.isEmpty()) {
            err.println("grade: no submission found in " + options.submissions());
            return USAGE;
        }
        Sandbox sandbox;
        if (options.noSandbox()) {
            sandbox = new Unsandboxed();
            err.println("grade: WARNING --no-sandbox: hand-in code runs as this user with this tree, ~/.m2 and the network in reach");
        } else {
            String why = Bubblewrap.unavailableBecause();
            if (why != null) {
                err.println("grade: the sandbox cannot start here: " + why
                        + "\n  (grading untrusted hand-ins without it is unsafe; --no-sandbox does so for trusted ones)");
                return USAGE;
            }
            sandbox = new Bubblewrap();
        }
        GradingContext context;
        try {
            context = GradingContext.create(options, sandbox);
        } catch (IOException e) {
            err.println("grade: " + e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "grading %d submission%s, %d at a time (profile %s, %s, case limit %d s, heap %s%s) into %s%n",
                submissions.size(), submissions.size() == 1 ? "" : "s", options.jobs(), options.profile(), sandbox.describe(),
                options.checkTimeout(), options.memory(), options.judgeOnly() ? ", judge only" : ", cell limit " + options.cellTimeout() + " s",
                options.out());
        SubmissionGrader grader = new SubmissionGrader(context);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), submissions.size()));
        AtomicInteger finished = new AtomicInteger();
        List<Future<Outcome>> futures = new ArrayList<>();
        // OUT/work holds the scratch folders and OUT/gradebook.csv the grades: no hand-in's folder may take those names.
        Set<String> ids = new HashSet<>(List.of("work", "gradebook.csv"));
        for (Path path : submissions) {
            Submission submission;
            try {
                submission = Submission.read(path);
            } catch (IOException | RuntimeException e) {
                String id = unique(ids, path.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_"));
                futures.add(java.util.concurrent.CompletableFuture.completedFuture(new Outcome(id, path.getFileName().toString(),
                        "crashed: unreadable hand-in: " + nndl.judge.Reply.cap(String.valueOf(e.getMessage())),
                        Outcome.nothingJudged(grader.fullData()), List.of(), 0)));
                continue;
            }
            String id = unique(ids, submission.studentId());
            futures.add(pool.submit(() -> {
                Outcome o = grader.grade(submission, id);
                synchronized (out) {
                    out.printf(Locale.ROOT, "[%d/%d] %s (%s): %s (%s) in %.0f s%n", finished.incrementAndGet(), submissions.size(),
                            o.id(), o.file(), o.score().totalLine(), o.status(), o.seconds());
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
        if (!options.keepWork()) {
            try {
                Scratch.deleteTree(options.out().resolve("work"));
            } catch (IOException e) {
                err.println("grade: the scratch folders were not all deleted: " + e.getMessage());
            }
        }
        long graded = outcomes.stream().filter(o -> o.status().equals("graded")).count();
        out.printf(Locale.ROOT, "graded %d of %d submissions in full; gradebook: %s%n", graded, outcomes.size(),
                options.out().resolve("gradebook.csv"));
        return 0;
    }

    /** {@code id}, or {@code id-2}, {@code id-3}… when another hand-in has it. */
    private static String unique(Set<String> ids, String id) {
        String candidate = id;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }
}

package nndl.grader;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nndl.grader.sandbox.SandboxResult;
import nndl.judge.Score;
import nndl.report.GradedReport;
import nndl.report.JudgeResults;
import nndl.report.ReportMain;

/**
 * Grades one hand-in from start to end (docs/editions.md, "Grading"): the student edition with the
 * hand-in's files as scratch, the library built in the sandbox, the judge, then (unless judge-only)
 * the notebooks re-executed in the sandbox for the report; feedback and the PDF carry the judge's
 * total. The scratch folder is deleted at the end unless {@code --keep-work}.
 */
final class SubmissionGrader {
    private static final Object REPORT_LOCK = new Object();
    /** The library's sources, at the same path in the scratch folder and in the trusted copy (the report names files by it). */
    private static final String SOURCES = "lib/src/main/java/nndl";

    private final GradingContext context;

    SubmissionGrader(GradingContext context) {
        this.context = context;
    }

    private GradeOptions options() {
        return context.options();
    }

    /** Whether the data is the full CIFAR-10 (else the full-dataset exercises are not graded). */
    boolean fullData() {
        return GradedReport.Options.verifiedFullRun(options().profile(), options().data());
    }

    /**
     * Grades the hand-in at {@code source}, writing into {@code out/<id>/}; never throws for the hand-in's faults.
     *
     * @param id the folder and gradebook key (the manifest's student id, made unique by the caller)
     */
    Outcome grade(Submission submission, String id) {
        long start = System.nanoTime();
        List<String> messages = new ArrayList<>();
        Score score = Outcome.nothingJudged(fullData());
        String status;
        Path out = options().out().resolve(id);
        Path work = options().out().resolve("work").resolve(id);
        // What the grader reads back for the report, outside every scratch folder (ids never start with '.').
        Path trusted = options().out().resolve("work/.report").resolve(id);
        try {
            Scratch.deleteTree(out);
            Files.createDirectories(out);
            messages.add("graded in " + context.sandbox().describe());
            Scratch scratch = Scratch.prepare(context.edition(), submission, work);
            messages.add("student-editable files taken: " + (scratch.overlaid().isEmpty() ? "none (every exercise keeps its stub)"
                    : String.join(", ", scratch.overlaid())));
            if (!scratch.ignored().isEmpty()) {
                messages.add("ignored (not student-editable): " + String.join(", ", scratch.ignored().stream().limit(20).toList())
                        + (scratch.ignored().size() > 20 ? " and " + (scratch.ignored().size() - 20) + " more" : ""));
            }
            writeAnswers(submission, out.resolve("answers.md"));
            // The report's appendix shows the sources as handed in: copied before any of its code runs.
            Scratch.deleteTree(trusted);
            ReadBack.copy(scratch.dir(), SOURCES, ".java", trusted.resolve(SOURCES), 1 << 20, 2000);
            long t0 = System.nanoTime();
            List<String> errors = scratch.build(context, out.resolve("build.log"));
            long t1 = System.nanoTime();
            Logs.cap(out.resolve("build.log"));
            if (errors.isEmpty() && !options().judgeOnly()) {
                // Before the worker runs hand-in code: the grader writes into the scratch folder only while
                // nothing of the hand-in has run there (no link it planted can redirect the copy).
                scratch.assembleNotebookClasspath(context);
            }
            if (!errors.isEmpty()) {
                messages.add("the library does not compile; every exercise scores 0:");
                errors.stream().limit(20).forEach(e -> messages.add("  " + e));
                status = errors.get(0).startsWith("the compiler was stopped") ? "crashed: " + errors.get(0) : "compile-error";
            } else {
                Judge.Judged judged = Judge.run(context, scratch, out.resolve("worker.log"), fullData());
                messages.add(String.format(java.util.Locale.ROOT, "timings: scratch %.1f s, build %.1f s, judge %.1f s",
                        (t0 - start) / 1e9, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9));
                Logs.cap(out.resolve("worker.log"));
                score = judged.score();
                judged.incidents().stream().limit(10).forEach(i -> messages.add("judge: " + i));
                status = judgeStatus(judged);
                JudgeResults.write(out.resolve("judge.json"), score, "the judge (public and hidden cases)");
                if (!options().judgeOnly()) {
                    scratch.restoreEdition(context.edition());
                    NotebookRun notebooks = NotebookRun.run(context, scratch, out.resolve("notebooks.log"));
                    if (notebooks.problem() != null) {
                        messages.add("the notebooks (for the report only) stopped: " + notebooks.problem());
                        if (status.equals("graded")) {
                            status = notebooks.problem();
                        }
                    }
                    writeReport(scratch, trusted, out, id);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            // Whatever broke (an Error included), it ends this hand-in's grading only, with its reason.
            status = "crashed: " + nndl.judge.Reply.cap(e.getClass().getSimpleName() + ": " + e.getMessage());
            messages.add("grading stopped: " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "crashed: grading was interrupted";
        }
        Outcome outcome = new Outcome(id, submission.source().getFileName().toString(), status, score, messages,
                (System.nanoTime() - start) / 1e9);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("feedback.txt"), Feedback.text(outcome), StandardCharsets.UTF_8);
        } catch (IOException e) {
            messages.add("feedback not written: " + e.getMessage());
        }
        if (!options().keepWork()) {
            try {
                Scratch.deleteTree(work);
                Scratch.deleteTree(trusted);
            } catch (IOException e) {
                messages.add("scratch folder not deleted: " + e.getMessage());
            }
        }
        return outcome;
    }

    /** The hand-in's status from the judge's run: a cap the sandbox enforced, a time-out, a worker that died, or graded. */
    private static String judgeStatus(Judge.Judged judged) {
        if (judged.worstEnd() == SandboxResult.Status.MEMORY_CAP) {
            return "memory cap";
        }
        if (judged.worstEnd() == SandboxResult.Status.PROCESS_CAP) {
            return "process cap";
        }
        if (judged.worstEnd() == SandboxResult.Status.DISK_CAP || judged.worstEnd() == SandboxResult.Status.FILE_SIZE_CAP) {
            return "disk cap";
        }
        for (String incident : judged.incidents()) {
            if (incident.startsWith("timed-out at ")) {
                return incident;
            }
        }
        return judged.incidents().isEmpty() ? "graded" : "crashed: " + judged.incidents().get(0);
    }

    /** The markdown cells of the hand-in's notebooks that the instructor's notebooks do not have: the student's answers. */
    private void writeAnswers(Submission submission, Path file) throws IOException {
        StringBuilder text = new StringBuilder("# Written answers in the submitted notebooks\n\n"
                + "Markdown cells the instructor's notebooks do not hold, for a person to read; they are not graded automatically.\n");
        for (Map.Entry<String, byte[]> entry : submission.files().entrySet()) {
            if (!entry.getKey().endsWith(".ipynb")) {
                continue;
            }
            String fileName = entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1);
            byte[] edition = context.edition().files().get("notebooks/" + fileName);
            List<String> answers;
            try {
                Set<String> known = edition == null ? Set.of() : markdown(new String(edition, StandardCharsets.UTF_8));
                answers = markdown(new String(entry.getValue(), StandardCharsets.UTF_8)).stream().filter(m -> !known.contains(m))
                        .map(m -> m.length() > 20_000 ? m.substring(0, 20_000) + " […]" : m).toList();
            } catch (RuntimeException e) {
                text.append("\n## ").append(fileName).append("\n\n(not a readable notebook)\n");
                continue;
            }
            text.append("\n## ").append(fileName).append("\n\n");
            text.append(answers.isEmpty() ? "(no new or changed markdown)\n" : String.join("\n\n---\n\n", answers) + "\n");
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    private static Set<String> markdown(String notebookJson) {
        Set<String> cells = new java.util.LinkedHashSet<>();
        for (JsonElement cell : JsonParser.parseString(notebookJson).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (c.get("cell_type").getAsString().equals("markdown")) {
                JsonElement source = c.get("source");
                StringBuilder s = new StringBuilder();
                if (source.isJsonArray()) {
                    source.getAsJsonArray().forEach(line -> s.append(line.getAsString()));
                } else {
                    s.append(source.getAsString());
                }
                cells.add(s.toString().strip());
            }
        }
        return cells;
    }

    /**
     * The PDF of what this run executed, its total the judge's, with the hand-in's library sources (as
     * handed in, copied to {@code trusted/lib/src/main/java/nndl}) in the appendix; the executed notebooks are read back from
     * the scratch folder as regular files only ({@link ReadBack}).
     */
    private void writeReport(Scratch scratch, Path trusted, Path out, String id) throws IOException {
        Path executed = trusted.resolve("notebooks");
        ReadBack.copy(scratch.dir(), "build/notebooks", ".ipynb", executed, 64L << 20, 50);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            synchronized (REPORT_LOCK) {
                List<String> args = new ArrayList<>(List.of("--notebooks", executed.toString(),
                        "--out", out.resolve("graded-report.pdf").toString(),
                        "--sources", trusted.resolve(SOURCES).toString(), "--student", id,
                        "--profile", options().profile(), "--data", options().data().toString(), "--answers", out.resolve("answers.md").toString(),
                        "--judge", out.resolve("judge.json").toString()));
                ReportMain.run(args.toArray(String[]::new), stream, stream);
            }
        }
        Files.write(out.resolve("report.log"), log.toByteArray());
        Logs.cap(out.resolve("report.log"));
    }
}

package nndl.grader;

import com.google.gson.JsonArray;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nndl.data.Cifar10;
import nndl.data.OfficialCifar10;
import nndl.grade.Check;
import nndl.grade.GradeResult;
import nndl.grade.Rubric;
import nndl.report.NotebookFile;
import nndl.report.ReportMain;
import nndl.report.TrustedGrades;

/**
 * Grades one submission from start to end in its own scratch tree and processes (docs/editions.md,
 * "Grading"): overlay, build, hidden checks, the instructor's notebooks, then the grades read back
 * from what this run executed, the feedback, the student's written answers and the PDF.
 */
final class SubmissionGrader {
    private static final Object REPORT_LOCK = new Object();

    private final GradeOptions options;
    private final List<String> editable;

    SubmissionGrader(GradeOptions options, List<String> editable) {
        this.options = options;
        this.editable = editable;
    }

    /** Grades the submission at {@code source}, writing into {@code out/<name>/}; never throws for the submission's faults. */
    Outcome grade(Path source) {
        long start = System.nanoTime();
        Map<String, GradeResult> results = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        List<String> messages = new ArrayList<>();
        String name = source.getFileName().toString();
        String status;
        try {
            Submission submission = Submission.read(source);
            name = submission.name();
            Path out = options.out().resolve(name);
            Files.createDirectories(out);
            Scratch scratch = Scratch.prepare(options.root(), editable, submission, options.out().resolve("work").resolve(name));
            messages.add("student-editable files taken: " + (scratch.overlaid().isEmpty() ? "none (every exercise keeps its stub)"
                    : String.join(", ", scratch.overlaid())));
            if (!scratch.ignored().isEmpty()) {
                messages.add("ignored (not student-editable): " + String.join(", ", scratch.ignored()));
            }
            writeAnswers(submission, out.resolve("answers.md"));
            status = run(scratch, out, results, notes, messages);
            writeReport(scratch, out);
        } catch (IOException | RuntimeException e) {
            status = "crashed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            messages.add("grading stopped: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "crashed: grading was interrupted";
        }
        Outcome outcome = new Outcome(name, status, results, notes, messages, (System.nanoTime() - start) / 1e9);
        try {
            Path out = options.out().resolve(name);
            Files.createDirectories(out);
            Files.writeString(out.resolve("feedback.txt"), Feedback.text(outcome), StandardCharsets.UTF_8);
        } catch (IOException e) {
            messages.add("feedback not written: " + e.getMessage());
        }
        return outcome;
    }

    private String run(Scratch scratch, Path out, Map<String, GradeResult> results, Map<String, String> notes,
                       List<String> messages) throws IOException, InterruptedException {
        List<String> errors = scratch.build(options.root());
        if (!errors.isEmpty()) {
            messages.add("the library does not compile; every check scores 0:");
            errors.stream().limit(20).forEach(e -> messages.add("  " + e));
            Rubric.checks().forEach(c -> notes.put(c.id(), "not run: the library does not compile"));
            return "compile-error";
        }
        HiddenRun hidden = HiddenRun.run(options.root().resolve("hidden/target/nndl-hidden.jar"), scratch, options,
                out.resolve("hidden-checks.log"));
        for (Check check : Rubric.checks(Rubric.HIDDEN)) {
            Double value = hidden.values().get(check.id());
            String error = hidden.errors().get(check.id());
            if (value != null) {
                results.put(check.id(), check.evaluate(value, true, "hidden checks"));
            } else {
                results.put(check.id(), check.evaluate(Double.NaN, true, "hidden checks"));
                notes.put(check.id(), error != null ? error : "not run: " + (hidden.ended() == null ? "no result" : hidden.ended()));
            }
        }
        if (hidden.ended() != null) {
            messages.add("hidden checks stopped: " + hidden.ended() + "; the notebooks were not run");
            Rubric.checks().stream().filter(c -> !c.notebook().equals(Rubric.HIDDEN))
                    .forEach(c -> notes.put(c.id(), "not run: the hidden checks stopped first"));
            return hidden.timedOut() ? "timed-out" : "crashed: " + hidden.ended();
        }
        NotebookRun notebooks = NotebookRun.run(scratch, options, out.resolve("notebooks.log"));
        readNotebookGrades(notebooks.executed(), results, notes);
        if (notebooks.ended() != null) {
            messages.add("notebooks stopped: " + notebooks.ended());
            return notebooks.timedOut() ? "timed-out" : "crashed: " + notebooks.ended();
        }
        return "graded";
    }

    /** The grades of the executed notebooks (TrustedGrades), and for each missing one the failed cell that should have recorded it. */
    private void readNotebookGrades(Path executed, Map<String, GradeResult> results, Map<String, String> notes) throws IOException {
        boolean full = options.profile().equals("full")
                && Cifar10.locate(options.data()).map(OfficialCifar10::verified).orElse(false);
        for (String notebook : Rubric.NOTEBOOKS) {
            Path file = executed.resolve(notebook + ".ipynb");
            if (!Files.isRegularFile(file)) {
                Rubric.checks(notebook).forEach(c -> notes.putIfAbsent(c.id(), "not run: the notebook was not executed"));
                continue;
            }
            NotebookFile nb = NotebookFile.read(file);
            results.putAll(TrustedGrades.read(nb, full));
            failedCells(file, nb, notes);
            for (Check check : Rubric.checks(notebook)) {
                if (!results.containsKey(check.id())) {
                    notes.putIfAbsent(check.id(), "not run");
                }
            }
        }
    }

    /** Notes, for each check named by a cell the runner recorded as failed, why it has no grade. */
    private static void failedCells(Path file, NotebookFile nb, Map<String, String> notes) throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject meta = root.has("metadata") ? root.getAsJsonObject("metadata") : new JsonObject();
        if (!meta.has("nndl") || !meta.getAsJsonObject("nndl").has("failed_cells")) {
            return;
        }
        JsonArray failed = meta.getAsJsonObject("nndl").getAsJsonArray("failed_cells");
        for (JsonElement element : failed) {
            JsonObject f = element.getAsJsonObject();
            int index = f.get("index").getAsInt();
            if (index < 0 || index >= nb.cells().size() || !(nb.cells().get(index) instanceof NotebookFile.Code code)) {
                continue;
            }
            boolean stub = f.has("not_implemented") && f.get("not_implemented").getAsBoolean();
            String message = f.has("message") ? f.get("message").getAsString() : "";
            String note = stub ? message : "failed at cell " + f.get("cell").getAsInt() + ": " + message;
            for (String id : TrustedGrades.namedChecks(code.source())) {
                notes.put(id, note);
            }
        }
    }

    /** The markdown cells of the submission's notebooks that the instructor's notebooks do not have: the student's answers. */
    private void writeAnswers(Submission submission, Path file) throws IOException {
        StringBuilder text = new StringBuilder("# Written answers in the submitted notebooks\n\n"
                + "Markdown cells the instructor's notebooks do not hold, for a person to read; they are not graded automatically.\n");
        for (Map.Entry<String, byte[]> entry : submission.files().entrySet()) {
            if (!entry.getKey().endsWith(".ipynb")) {
                continue;
            }
            String fileName = entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1);
            Path instructor = options.root().resolve("notebooks").resolve(fileName);
            Set<String> known = Files.isRegularFile(instructor) ? markdown(Files.readString(instructor, StandardCharsets.UTF_8)) : Set.of();
            List<String> answers;
            try {
                answers = markdown(new String(entry.getValue(), StandardCharsets.UTF_8)).stream().filter(m -> !known.contains(m)).toList();
            } catch (RuntimeException e) {
                text.append("\n## ").append(fileName).append("\n\n(not a readable notebook: ").append(e.getMessage()).append(")\n");
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

    /** The graded PDF of what this run executed, with the submission's library sources in the appendix. */
    private void writeReport(Scratch scratch, Path out) throws IOException {
        Path executed = scratch.dir().resolve("build/notebooks");
        Files.createDirectories(executed);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            synchronized (REPORT_LOCK) {
                ReportMain.run(new String[] {"--notebooks", executed.toString(), "--out", out.resolve("graded-report.pdf").toString(),
                    "--sources", scratch.dir().resolve("lib/src/main/java/nndl").toString(), "--student", out.getFileName().toString()},
                        stream, stream);
            }
        }
        Files.write(out.resolve("report.log"), log.toByteArray());
    }

    /** The files under {@code lib/src/main/java} of {@code root} that hold a solution block: what a student may change. */
    static List<String> editableFiles(Path root) throws IOException {
        Path sources = root.resolve("lib/src/main/java");
        List<String> files = new ArrayList<>();
        try (var walk = Files.walk(sources)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (Files.readString(p, StandardCharsets.UTF_8).lines().anyMatch(l -> l.strip().startsWith("// BEGIN SOLUTION"))) {
                    files.add(root.relativize(p).toString().replace('\\', '/'));
                }
            }
        }
        return files;
    }
}

package nndl.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nndl.grade.Check;
import nndl.grade.GradeResult;

/** {@code gradebook.csv}: one row per submission, one column per check, the total and the status. */
final class Gradebook {
    private Gradebook() {
    }

    /** Writes the gradebook of {@code outcomes} (in the given order) to {@code file}. */
    static void write(List<Outcome> outcomes, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("submission"));
        for (Check check : Outcome.checks()) {
            header.add(check.id());
        }
        header.addAll(List.of("total", "possible", "status"));
        lines.add(String.join(",", header));
        for (Outcome o : outcomes) {
            List<String> row = new ArrayList<>(List.of(csv(o.name())));
            for (Check check : Outcome.checks()) {
                GradeResult r = o.results().get(check.id());
                row.add(Feedback.points(r == null ? 0 : r.earned()));
            }
            row.addAll(List.of(Feedback.points(o.total()), Integer.toString(Outcome.possible()), csv(o.status())));
            lines.add(String.join(",", row));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n")
                ? "\"" + field.replace("\"", "\"\"").replace("\n", " ") + "\"" : field;
    }
}

package nndl.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nndl.judge.Exercise;
import nndl.judge.ExerciseRubric;
import nndl.judge.ExerciseVerdict;
import nndl.judge.Score;

/**
 * {@code gradebook.csv} (spec §10.6): one row per hand-in keyed by its manifest's student id (the
 * file name beside it), one column per exercise (points, or {@code not graded on this data}), the
 * total, the possible total on this data, and the status.
 */
final class Gradebook {
    /** The cell of an exercise that is not graded on this data (not a 0). */
    static final String NOT_GRADED = "not graded on this data";

    private Gradebook() {
    }

    /** Writes the gradebook of {@code outcomes} (in the given order) to {@code file}. */
    static void write(List<Outcome> outcomes, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("student", "file"));
        for (Exercise e : ExerciseRubric.EXERCISES) {
            header.add(e.id());
        }
        header.addAll(List.of("total", "possible", "status"));
        lines.add(String.join(",", header));
        for (Outcome o : outcomes) {
            List<String> row = new ArrayList<>(List.of(csv(o.id()), csv(o.file())));
            for (ExerciseVerdict v : o.score().verdicts()) {
                row.add(v.graded() ? Score.points(v.earned()) : NOT_GRADED);
            }
            row.addAll(List.of(Score.points(o.score().earned()), Integer.toString(o.score().possible()), csv(o.status())));
            lines.add(String.join(",", row));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static String csv(String field) {
        String f = field.replace("\n", " ").replace("\r", " ");
        return f.contains(",") || f.contains("\"") ? "\"" + f.replace("\"", "\"\"") + "\"" : f;
    }
}

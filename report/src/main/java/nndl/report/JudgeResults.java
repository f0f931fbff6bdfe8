package nndl.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nndl.judge.CaseVerdict;
import nndl.judge.ExerciseVerdict;
import nndl.judge.Score;

/**
 * The judge's verdicts as a file the report reads (spec §10.5): the grader writes the public and
 * hidden cases' verdicts, {@code ./workbook run} the public cases' ({@code ./workbook check}'s). The
 * report's total is this file's, so the PDF, the feedback, the gradebook and the student's run show
 * one total.
 *
 * @param source    who judged, e.g. "the judge (public and hidden cases)"
 * @param earned    points earned
 * @param possible  points possible on this data
 * @param notGraded points not graded on this data
 * @param exercises one entry per exercise, in rubric order
 */
public record JudgeResults(String source, double earned, int possible, int notGraded, List<Entry> exercises) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /**
     * One exercise's verdict.
     *
     * @param id       the exercise, e.g. {@code TwoLayerNet.loss}
     * @param notebook its notebook
     * @param points   its points
     * @param earned   points earned
     * @param graded   false when not graded on this data
     * @param line     the verdict's heading line
     * @param cases    the lines of its failing cases
     */
    public record Entry(String id, String notebook, int points, double earned, boolean graded, String line, List<String> cases) {
    }

    public JudgeResults {
        exercises = List.copyOf(exercises);
    }

    /** "X / Y points, Z not graded on this data". */
    public String totalLine() {
        return nndl.judge.Score.points(earned) + " / " + possible + " points" + (notGraded > 0 ? ", " + notGraded + " not graded on this data" : "");
    }

    /** Writes {@code score}'s verdicts to {@code file}. */
    public static void write(Path file, Score score, String source) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("source", source);
        root.addProperty("earned", score.earned());
        root.addProperty("possible", score.possible());
        root.addProperty("notGraded", score.notGraded());
        root.addProperty("total", score.totalLine());
        JsonArray list = new JsonArray();
        for (ExerciseVerdict v : score.verdicts()) {
            JsonObject e = new JsonObject();
            e.addProperty("id", v.exercise().id());
            e.addProperty("notebook", v.exercise().notebook());
            e.addProperty("points", v.exercise().points());
            e.addProperty("earned", v.earned());
            e.addProperty("graded", v.graded());
            e.addProperty("line", v.line());
            JsonArray cases = new JsonArray();
            v.shownCases().stream().map(CaseVerdict::line).forEach(cases::add);
            e.add("cases", cases);
            list.add(e);
        }
        root.add("exercises", list);
        Files.writeString(file, GSON.toJson(root), StandardCharsets.UTF_8);
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws IOException naming the file when it is unreadable or not the judge's format
     */
    public static JudgeResults read(Path file) throws IOException {
        try {
            JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            List<Entry> entries = new ArrayList<>();
            for (var element : root.getAsJsonArray("exercises")) {
                JsonObject e = element.getAsJsonObject();
                List<String> cases = new ArrayList<>();
                e.getAsJsonArray("cases").forEach(c -> cases.add(c.getAsString()));
                entries.add(new Entry(e.get("id").getAsString(), e.get("notebook").getAsString(), e.get("points").getAsInt(),
                        e.get("earned").getAsDouble(), e.get("graded").getAsBoolean(), e.get("line").getAsString(), cases));
            }
            return new JudgeResults(root.get("source").getAsString(), root.get("earned").getAsDouble(), root.get("possible").getAsInt(),
                    root.get("notGraded").getAsInt(), entries);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not the judge's results: " + e.getMessage(), e);
        }
    }
}

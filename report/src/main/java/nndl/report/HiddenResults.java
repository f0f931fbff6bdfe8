package nndl.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nndl.grade.Check;
import nndl.grade.GradeResult;
import nndl.grade.Rubric;

/**
 * The hidden checks' values as the grader measured them, in the JSON file it hands the report:
 * {@code {"hidden.affine_forward": {"value": 3.7e-16}, "hidden.fc_net": {"error": "NotImplementedYet: ..."}}}.
 * Values are graded here against the rubric; a check missing from the file did not run.
 *
 * @param results the graded checks by id
 * @param errors  why a check has no value, by id
 */
public record HiddenResults(Map<String, GradeResult> results, Map<String, String> errors) {

    /** Writes {@code values} and {@code errors} as the file {@link #read} reads. */
    public static void write(Path file, Map<String, Double> values, Map<String, String> errors) throws IOException {
        JsonObject root = new JsonObject();
        for (Check check : Rubric.checks(Rubric.HIDDEN)) {
            JsonObject entry = new JsonObject();
            if (values.containsKey(check.id())) {
                entry.addProperty("value", Double.toString(values.get(check.id())));
            } else if (errors.containsKey(check.id())) {
                entry.addProperty("error", errors.get(check.id()));
            } else {
                continue;
            }
            root.add(check.id(), entry);
        }
        Files.writeString(file, root.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Reads and grades the file.
     *
     * @throws IllegalArgumentException naming the file when it is not such a JSON object
     */
    public static HiddenResults read(Path file) throws IOException {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            root = parsed.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(file + " is not the grader's hidden-check results (a JSON object): " + e.getMessage(), e);
        }
        Map<String, GradeResult> results = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Check check : Rubric.checks(Rubric.HIDDEN)) {
            JsonObject entry = root.has(check.id()) && root.get(check.id()).isJsonObject() ? root.getAsJsonObject(check.id()) : null;
            if (entry != null && entry.has("value")) {
                double value;
                try {
                    value = Double.parseDouble(entry.get("value").getAsString());
                } catch (NumberFormatException e) {
                    value = Double.NaN;
                }
                results.put(check.id(), check.evaluate(value, true, "hidden checks"));
            } else if (entry != null && entry.has("error")) {
                errors.put(check.id(), entry.get("error").getAsString());
            }
        }
        return new HiddenResults(results, errors);
    }
}

package nndl.grade;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A graded check as recorded in a notebook's output (README.md, "What is inside"; kernel/README.md on how a
 * cell displays it). Its JSON form, MIME type
 * {@link #MIME_TYPE}, has exactly the fields {@code id, notebook, value, threshold, passed, points,
 * earned, status}, plus {@code dataset} when the check was given the data it ran on.
 *
 * @param id        full check id, e.g. {@code "two_layer_nn.toy_scores"}
 * @param notebook  notebook name, e.g. {@code "two_layer_nn"}
 * @param value     the measured value (NaN when the computation diverged)
 * @param threshold the threshold it was compared with (for a ramp: the value of full credit)
 * @param passed    whether the value meets the criterion in full
 * @param points    points at stake (0 for an ungraded check)
 * @param earned    points earned (0 when not graded on this data)
 * @param status    graded, or not graded on this data
 * @param dataset   the data the check ran on (e.g. {@code "cifar-10-subset (5170 train + 1017 test records)"}), or null
 */
public record GradeResult(String id, String notebook, double value, double threshold, boolean passed,
                          int points, double earned, Status status, String dataset) {
    /** The MIME type of a grade record in a cell's display data. */
    public static final String MIME_TYPE = "application/vnd.nndl.grade+json";

    private static final Gson GSON = new Gson();

    /** Whether a check's points counted, in the spec's wire names. */
    public enum Status {
        GRADED("graded"),
        NOT_GRADED_ON_THIS_DATA("not-graded-on-this-data");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        /** Returns the name used in the JSON record. */
        public String wireName() {
            return wireName;
        }

        /** Returns the status with this JSON name. */
        public static Status fromWireName(String name) {
            for (Status status : values()) {
                if (status.wireName.equals(name)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("Unknown grade status '" + name + "' (expected graded or not-graded-on-this-data)");
        }
    }

    public GradeResult {
        if (id == null || notebook == null || status == null) {
            throw new IllegalArgumentException("GradeResult: id, notebook and status are required, got " + id + ", " + notebook + ", " + status);
        }
    }

    /**
     * Returns the JSON object as an insertion-ordered map of JDK values (String, Double, Integer,
     * Boolean), so any JSON library serialises it as an object. A non-finite value is written as
     * the string "NaN" / "Infinity" because JSON has no such numbers.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("notebook", notebook);
        json.put("value", Double.isFinite(value) ? (Object) value : Double.toString(value));
        json.put("threshold", threshold);
        json.put("passed", passed);
        json.put("points", points);
        json.put("earned", earned);
        json.put("status", status.wireName());
        if (dataset != null) {
            json.put("dataset", dataset);
        }
        return json;
    }

    /** Returns {@link #toJson()} as a JSON text. */
    public String toJsonString() {
        return GSON.toJson(toJson());
    }

    /**
     * Reads a grade record back from its JSON object (as stored in an executed notebook).
     *
     * @throws IllegalArgumentException naming the missing or malformed field
     */
    public static GradeResult fromJson(JsonObject json) {
        return new GradeResult(string(json, "id"), string(json, "notebook"), number(json, "value"),
                number(json, "threshold"), field(json, "passed").getAsBoolean(), (int) number(json, "points"),
                number(json, "earned"), Status.fromWireName(string(json, "status")),
                json.has("dataset") && !json.get("dataset").isJsonNull() ? json.get("dataset").getAsString() : null);
    }

    private static JsonElement field(JsonObject json, String name) {
        JsonElement element = json.get(name);
        if (element == null || element.isJsonNull()) {
            throw new IllegalArgumentException("grade record " + json + " has no '" + name + "' field");
        }
        return element;
    }

    private static String string(JsonObject json, String name) {
        return field(json, name).getAsString();
    }

    private static double number(JsonObject json, String name) {
        JsonElement element = field(json, name);
        try {
            // getAsDouble also parses the strings "NaN" and "Infinity" written for non-finite values.
            return element.getAsDouble();
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException("grade record field '" + name + "' is not a number: " + element, e);
        }
    }

    /** Returns the check's name without its notebook, e.g. {@code "toy_scores"}. */
    public String name() {
        return id.startsWith(notebook + ".") ? id.substring(notebook.length() + 1) : id;
    }

    /** Returns whether the check is worth no points. */
    public boolean ungraded() {
        return points == 0;
    }

    /**
     * Returns the human line shown in the notebook, e.g.
     * {@code "✓ two_layer_nn.toy_scores: 3.38e-08 < 1e-07 — 4/4 points"}.
     */
    public String humanLine() {
        Criterion criterion = Rubric.find(id).map(Check::criterion).orElse(null);
        String rule = criterion == null ? "threshold " + Numbers.format(threshold) : criterion.describe();
        String measured = Numbers.format(value);
        String comparison = criterion instanceof Criterion.Ramp
                ? measured + " (" + rule + ")"
                : passed ? measured + " " + rule : measured + ", needs " + rule;
        if (status == Status.NOT_GRADED_ON_THIS_DATA) {
            return "– " + id + ": " + comparison + " — not graded on this data"
                    + (dataset == null ? "" : " (" + dataset + ")");
        }
        String mark = passed ? "✓" : earned > 0 ? "◐" : "✗";
        String score = ungraded() ? "ungraded" : Numbers.points(earned) + "/" + points + " points";
        return mark + " " + id + ": " + comparison + " — " + score;
    }

    @Override
    public String toString() {
        return humanLine();
    }
}
